// The explorer's entry point: wires search, cards, graph, flows and questions together.

import { get } from "./api.js";
import { initBanner } from "./banner.js";
import { showCard, showEdge } from "./card.js";
import { h, fill } from "./dom.js";
import { on } from "./events.js";
import { renderAnswer } from "./answer.js";
import { initFlows } from "./flows.js";
import { initGraph } from "./graph.js";
import { initQuestions } from "./questions.js";
import { initSearch } from "./search.js";

const $ = (selector) => document.querySelector(selector);

function initTabs() {
  const tabs = [...document.querySelectorAll(".tabs [role=tab]")];
  const show = (view) => {
    for (const tab of tabs) {
      const selected = tab.dataset.view === view;
      tab.setAttribute("aria-selected", String(selected));
      $(`#view-${tab.dataset.view}`).hidden = !selected;
    }
    window.dispatchEvent(new Event("resize"));
  };
  for (const tab of tabs) tab.addEventListener("click", () => show(tab.dataset.view));
  return show;
}

async function loadStats(el) {
  try {
    const stats = await get("/stats");
    const counts = stats.nodes ?? stats.data ?? stats;
    const parts = [
      ["Person", "人物"],
      ["City", "地区"],
      ["Organisation", "机构"],
      ["Project", "项目"],
      ["Article", "文章"],
    ]
      .filter(([key]) => counts[key] !== undefined)
      .map(([key, caption]) => h("span", {}, `${caption} ${counts[key]}`));
    fill(el, parts);
  } catch {
    fill(el);
  }
}

function vendorMissing() {
  const missing = ["cytoscape", "echarts"].filter((name) => !window[name]);
  if (!missing.length) return false;
  const banner = $("#banner");
  fill(banner, h("strong", {}, "前端依赖缺失"), `：${missing.join("、")} 未加载，请先运行 make web（生成 api/static/vendor/）。`);
  banner.hidden = false;
  return true;
}

function main() {
  initBanner($("#banner"));
  const showView = initTabs();
  initSearch($("#search-form"), $("#results"));
  initQuestions($("#questions"));
  loadStats($("#stats"));
  if (vendorMissing()) return;

  const graph = initGraph({
    container: $("#cy"),
    relFilter: $("#rel-filter"),
    dateFrom: $("#date-from"),
    dateTo: $("#date-to"),
    fitButton: $("#graph-fit"),
    clearButton: $("#graph-clear"),
    hint: $("#graph-hint"),
    legend: $("#legend"),
  });
  const flows = initFlows({
    container: $("#sankey"),
    empty: $("#flows-empty"),
    levelInputs: document.querySelectorAll("input[name=flow-level]"),
  });
  let flowsLoaded = false;
  const showFlows = (level) => {
    showView("flows");
    for (const input of document.querySelectorAll("input[name=flow-level]")) input.checked = input.value === level;
    flows.load(level).then(() => (flowsLoaded = true), () => {});
  };
  $(".tabs [data-view=flows]").addEventListener("click", () => flowsLoaded || showFlows("province"));
  on("flows", ({ level }) => showFlows(level));

  on("open", ({ id }) => showCard($("#card"), id));
  on("edge", ({ id }) => showEdge($("#card"), id));
  on("focus", ({ id }) => {
    showView("graph");
    graph.expand(id).catch(() => {});
  });
  on("answer", ({ title, rows, error }) => {
    showView("answer");
    $("#answer-title").textContent = title;
    if (rows === null) fill($("#answer"), h("p", { class: "muted" }, "查询中…"));
    else if (error) fill($("#answer"), h("p", { class: "error" }, `查询失败：${error}`));
    else renderAnswer($("#answer"), rows);
  });

  // For the browser tests and the curious: the live Cytoscape and ECharts instances.
  window.duikou = { cy: graph.cy, expand: graph.expand, flows };
}

main();
