// Turn the API's graph payloads into Cytoscape elements, whatever the wrapper.

import { labelFromId, mainLabel } from "./labels.js";

/** Nodes and edges of a /graph/* body: `{nodes, edges}`, `{elements: {...}}` or Cytoscape's `[{data}]`. */
export function toElements(body) {
  const root = body?.elements ?? body?.data ?? body ?? {};
  let nodes = root.nodes ?? [];
  let edges = root.edges ?? root.relationships ?? root.links ?? [];
  if (Array.isArray(root)) {
    nodes = root.filter((e) => !(e.data ?? e).source);
    edges = root.filter((e) => (e.data ?? e).source);
  }
  return {
    nodes: nodes.map((n) => nodeElement(n.data ?? n)).filter((n) => n.data.id),
    edges: edges.map((e) => edgeElement(e.data ?? e)).filter((e) => e.data.source && e.data.target),
  };
}

function nodeElement(n) {
  const props = n.properties ?? {};
  const id = n.id ?? props.id;
  const label = mainLabel(n.label ?? n.labels ?? labelFromId(id));
  const name = n.name ?? props.name ?? n.title ?? props.title ?? id;
  return {
    group: "nodes",
    data: { ...props, ...n, id, label, name, caption: caption(label, name) },
  };
}

function edgeElement(e) {
  const props = e.properties ?? {};
  const type = e.type ?? e.label ?? e.rel ?? "";
  const source = e.source ?? e.from ?? e.start;
  const target = e.target ?? e.to ?? e.end;
  const id = e.id ?? `${source}|${type}|${target}`;
  return { group: "edges", data: { ...props, ...e, id: String(id), source, target, type, date: dateOf({ ...props, ...e }) } };
}

// Articles have long titles: shorten their captions so the graph stays readable.
function caption(label, name) {
  const text = String(name ?? "");
  return label === "Article" && text.length > 12 ? `${text.slice(0, 12)}…` : text;
}

/** The date an edge is about (secondment start, signing date), or "" when unknown. */
export function dateOf(props) {
  return String(props.start ?? props.date ?? props.published ?? "");
}

/** True when `date` ("2017", "2017-09", "2017-09-30") falls within the months [from, to] (either may be ""). */
export function inRange(date, from, to) {
  if (!date) return true;
  const first = date.length === 4 ? `${date}-01` : date.slice(0, 7);
  const last = date.length === 4 ? `${date}-12` : date.slice(0, 7);
  return (!from || last >= from) && (!to || first <= to);
}
