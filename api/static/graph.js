// The interactive graph view (Cytoscape.js): expand neighbourhoods, filter by relation and date.

import { get } from "./api.js";
import { h, fill } from "./dom.js";
import { emit } from "./events.js";
import { inRange, toElements } from "./graph-data.js";
import { LABELS, RELS, relCaption } from "./labels.js";

const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';
const HIDDEN_BY_DEFAULT = new Set(["MENTIONS"]);

function style() {
  const byLabel = Object.entries(LABELS).map(([label, { colour, shape }]) => ({
    selector: `node[label = "${label}"]`,
    style: { "background-color": colour, shape },
  }));
  return [
    {
      selector: "node",
      style: {
        label: "data(caption)",
        "font-family": FONT,
        "font-size": 13,
        color: "#1d2433",
        "text-valign": "bottom",
        "text-margin-y": 4,
        "text-outline-color": "#fff",
        "text-outline-width": 2,
        width: 30,
        height: 30,
        "background-color": "#999",
        "border-width": 2,
        "border-color": "#fff",
      },
    },
    ...byLabel,
    { selector: "node.expanded", style: { "border-color": "#1d2433", "border-width": 3 } },
    { selector: "node:selected", style: { "overlay-color": "#3f7fd9", "overlay-opacity": 0.25 } },
    {
      selector: "edge",
      style: {
        label: "data(caption)",
        "font-family": FONT,
        "font-size": 10,
        color: "#566",
        "text-rotation": "autorotate",
        "text-background-color": "#fff",
        "text-background-opacity": 0.8,
        width: 1.6,
        "line-color": "#b8c0cc",
        "target-arrow-color": "#b8c0cc",
        "target-arrow-shape": "triangle",
        "curve-style": "bezier",
      },
    },
    { selector: 'edge[type = "SECONDED_TO"]', style: { "line-color": "#e4572e", "target-arrow-color": "#e4572e", width: 2.4 } },
    { selector: 'edge[type = "BROKERED"]', style: { "line-color": "#f0a202", "target-arrow-color": "#f0a202", width: 2.4 } },
    { selector: 'edge[type = "SIGNED"]', style: { "line-color": "#9b5de5", "target-arrow-color": "#9b5de5" } },
    { selector: ".filtered", style: { display: "none" } },
  ];
}

/** Build the graph view; returns `{cy, expand}`. */
export function initGraph({ container, relFilter, dateFrom, dateTo, fitButton, clearButton, hint, legend }) {
  if (!window.cytoscape) throw new Error("cytoscape 未加载：请先运行 make web 生成 api/static/vendor/");
  const cy = window.cytoscape({ container, style: style(), wheelSensitivity: 0.3, minZoom: 0.2, maxZoom: 3 });
  const hidden = new Set(HIDDEN_BY_DEFAULT);

  const applyFilters = () => {
    const from = dateFrom.value;
    const to = dateTo.value;
    cy.batch(() => {
      cy.edges().forEach((e) => e.toggleClass("filtered", hidden.has(e.data("type")) || !inRange(e.data("date"), from, to)));
      // A node stays visible when it was expanded or keeps at least one visible edge.
      cy.nodes().forEach((n) => {
        const visible = n.hasClass("expanded") || n.connectedEdges().some((e) => !e.hasClass("filtered"));
        n.toggleClass("filtered", !visible);
      });
    });
  };

  fill(
    relFilter,
    h("legend", {}, "关系"),
    Object.entries(RELS).map(([type, caption]) =>
      h(
        "label",
        {},
        h("input", {
          type: "checkbox",
          value: type,
          checked: !hidden.has(type),
          onchange: (event) => {
            if (event.target.checked) hidden.delete(type);
            else hidden.add(type);
            applyFilters();
          },
        }),
        ` ${caption}`,
      ),
    ),
  );
  dateFrom.addEventListener("change", applyFilters);
  dateTo.addEventListener("change", applyFilters);
  fitButton.addEventListener("click", () => cy.fit(undefined, 30));
  clearButton.addEventListener("click", () => {
    cy.elements().remove();
    hint.hidden = false;
  });
  fill(
    legend,
    Object.values(LABELS).map(({ caption, colour }) => h("span", { class: "legend-item" }, h("i", { style: `background:${colour}` }), caption)),
  );

  cy.on("tap", "node", (event) => emit("open", { id: event.target.id() }));
  cy.on("dbltap", "node", (event) => expand(event.target.id()));
  cy.on("tap", "edge", (event) => emit("edge", { id: event.target.id() }));

  /** Add the neighbourhood of `id` to the graph and lay it out. */
  async function expand(id, depth = 1) {
    const body = await get("/graph/neighbourhood", { id, depth, limit: 80 });
    const { nodes, edges } = toElements(body);
    hint.hidden = true;
    cy.batch(() => {
      for (const el of [...nodes, ...edges]) {
        if (cy.getElementById(el.data.id).length) continue;
        if (el.group === "edges") el.data.caption = relCaption(el.data.type);
        cy.add(el);
      }
    });
    cy.getElementById(id).addClass("expanded").select();
    applyFilters();
    await layout(cy);
    return { nodes: nodes.length, edges: edges.length };
  }

  return { cy, expand };
}

function layout(cy) {
  const run = cy.elements(":visible").layout({
    name: "cose",
    animate: false,
    randomize: false,
    nodeDimensionsIncludeLabels: true,
    idealEdgeLength: () => 90,
    nodeRepulsion: () => 9000,
    padding: 30,
  });
  const done = run.promiseOn("layoutstop");
  run.run();
  return done.then(() => cy.fit(cy.elements(":visible"), 30));
}
