// The "API is down" banner: shown when a request fails or /health answers 503, hidden on recovery.

import { HEALTH_PATH, get, onApiStatus } from "./api.js";

const HEALTH_EVERY_MS = 15000;

/** Wire the banner to the API status and poll /health so an outage shows even when idle. */
export function initBanner(element) {
  onApiStatus((up, detail) => {
    if (up) {
      element.hidden = true;
      document.body.classList.remove("api-down");
      return;
    }
    element.replaceChildren(
      text("strong", "API 不可用"),
      text("span", `：${detail}。数据暂时无法加载，请检查服务后重试。`),
      retryButton(),
    );
    element.hidden = false;
    document.body.classList.add("api-down");
  });
  checkHealth();
  window.setInterval(checkHealth, HEALTH_EVERY_MS);
}

/** One /health request; its outcome reaches the banner through the API status listeners. */
export async function checkHealth() {
  try {
    await get(HEALTH_PATH);
    return true;
  } catch {
    return false;
  }
}

function retryButton() {
  const button = text("button", "重试");
  button.type = "button";
  button.addEventListener("click", checkHealth);
  return button;
}

function text(tag, content) {
  const el = document.createElement(tag);
  el.textContent = content;
  return el;
}
