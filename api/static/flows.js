// The flows view: a Sankey (ECharts) of cadre secondments from home region to host region.

import { get, rowsOf } from "./api.js";

const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';
// Home and host regions are separate nodes (left and right), so mutual exchanges
// (京冀互派) don't form the cycles a Sankey cannot draw.
const FROM = "派出 ";
const TO = "挂职 ";

/** Sankey links and nodes from /flows rows ({from_region, to_region, count, people}). */
export function sankeyData(rows) {
  const names = new Set();
  const links = [];
  for (const row of rows) {
    const from = regionName(row.from_region ?? row.from ?? row.source);
    const to = regionName(row.to_region ?? row.to ?? row.target);
    const value = Number(row.count ?? row.value ?? row.people?.length ?? 1);
    if (!from || !to || !value) continue;
    names.add(FROM + from).add(TO + to);
    const people = (row.people ?? []).map((p) => p.name ?? p).join("、");
    links.push({ source: FROM + from, target: TO + to, value, people });
  }
  return { nodes: [...names].map((name) => ({ name })), links };
}

function regionName(region) {
  return typeof region === "string" ? region : region?.name;
}

const plain = (name) => name.replace(FROM, "").replace(TO, "");

/** Build the flows view; returns `{chart, load(level)}` (`chart` is set on the first load). */
export function initFlows({ container, empty, levelInputs }) {
  if (!window.echarts) throw new Error("echarts 未加载：请先运行 make web 生成 api/static/vendor/");
  // Made on first load, when the view is visible: ECharts cannot size a hidden container.
  let chart = null;
  // Resizing while hidden (0×0) breaks the Sankey layout, so only a visible chart follows the window.
  window.addEventListener("resize", () => container.clientWidth && chart?.resize());

  async function load(level) {
    const { nodes, links } = sankeyData(rowsOf(await get("/flows", { level })));
    empty.hidden = links.length > 0;
    chart ??= window.echarts.init(container, null, { renderer: "canvas" });
    api.chart = chart;
    chart.resize();
    chart.setOption(
      {
        textStyle: { fontFamily: FONT },
        tooltip: {
          trigger: "item",
          formatter: (p) =>
            p.dataType === "edge"
              ? `${plain(p.data.source)} → ${plain(p.data.target)}：${p.data.value} 人<br>${p.data.people}`
              : plain(p.name),
        },
        series: [
          {
            type: "sankey",
            data: nodes,
            links,
            left: 20,
            right: 120,
            nodeAlign: "justify",
            emphasis: { focus: "adjacency" },
            lineStyle: { color: "gradient", curveness: 0.5, opacity: 0.45 },
            label: { formatter: (p) => plain(p.name), fontFamily: FONT, fontSize: 13 },
          },
        ],
      },
      true,
    );
    return links.length;
  }

  for (const input of levelInputs) input.addEventListener("change", () => input.checked && load(input.value));
  const api = { chart, load };
  return api;
}
