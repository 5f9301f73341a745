// A small event bus so views talk without importing each other.
// Events: "open" {id} shows an entity's card; "focus" {id} shows it in the graph and expands it;
// "edge" {id} shows the evidence of a graph edge; "answer" {title, rows} shows a canned question's answer;
// "flows" {level} shows the Sankey.

const bus = new EventTarget();

export function emit(name, detail = {}) {
  bus.dispatchEvent(new CustomEvent(name, { detail }));
}

export function on(name, fn) {
  bus.addEventListener(name, (event) => fn(event.detail));
}
