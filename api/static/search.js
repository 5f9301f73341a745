// The search box and its results list, with a friendly empty state.

import { ApiError, get, rowsOf } from "./api.js";
import { h, fill } from "./dom.js";
import { emit } from "./events.js";
import { colour, labelCaption, labelFromId, mainLabel } from "./labels.js";

/** Wire the search form to /search and render the results into `resultsEl`. */
export function initSearch(form, resultsEl) {
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const q = form.elements.q.value.trim();
    if (q) search(q, form.elements.type.value, resultsEl);
  });
}

/** Run one search and render it; clicking a result opens its card and shows it in the graph. */
export async function search(q, type, resultsEl) {
  fill(resultsEl, h("p", { class: "muted" }, "搜索中…"));
  let rows;
  try {
    rows = rowsOf(await get("/search", { q, type, limit: 30 }));
  } catch (err) {
    const message = err instanceof ApiError && err.status === 422 ? `查询无效：${err.message}` : `搜索失败：${err.message}`;
    fill(resultsEl, h("p", { class: "error" }, message));
    return [];
  }
  if (!rows.length) {
    fill(resultsEl, emptyState(q));
    return rows;
  }
  fill(
    resultsEl,
    h("p", { class: "muted" }, `找到 ${rows.length} 个结果`),
    h("ul", { class: "result-list" }, rows.map((row) => resultItem(row))),
  );
  return rows;
}

function resultItem(row) {
  const label = mainLabel(row.label ?? row.labels ?? labelFromId(row.id));
  const aliases = (row.aliases ?? []).filter((a) => a && a !== row.name);
  const open = () => {
    emit("open", { id: row.id });
    emit("focus", { id: row.id });
  };
  return h(
    "li",
    {},
    h(
      "button",
      { type: "button", class: "result", dataset: { id: row.id }, onclick: open },
      h("span", { class: "badge", style: `background:${colour(label)}` }, labelCaption(label)),
      h("span", { class: "name" }, row.name ?? row.title ?? row.id),
      aliases.length ? h("span", { class: "aliases" }, `又名 ${aliases.slice(0, 4).join("、")}`) : null,
    ),
  );
}

// Drawn as SVG: an emoji would need a colour-emoji font the machine may not have.
function magnifier() {
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("class", "empty-icon");
  svg.setAttribute("aria-hidden", "true");
  for (const [tag, attrs] of [
    ["circle", { cx: 10, cy: 10, r: 6.5 }],
    ["line", { x1: 15, y1: 15, x2: 21, y2: 21 }],
  ]) {
    const shape = document.createElementNS("http://www.w3.org/2000/svg", tag);
    for (const [k, v] of Object.entries(attrs)) shape.setAttribute(k, v);
    shape.setAttribute("fill", "none");
    shape.setAttribute("stroke", "currentColor");
    shape.setAttribute("stroke-width", "2.2");
    svg.append(shape);
  }
  return svg;
}

function emptyState(q) {
  return h(
    "div",
    { class: "empty", id: "search-empty" },
    magnifier(),
    h("p", {}, `没有找到与「${q}」相关的人物、地区、机构或项目。`),
    h(
      "ul",
      { class: "tips" },
      h("li", {}, "试试更短的名称，例如去掉“市”“省”“管委会”等后缀；"),
      h("li", {}, "简体、繁體都可以搜索；"),
      h("li", {}, "或者点下面的常用问题，看看图谱里有什么。"),
    ),
  );
}
