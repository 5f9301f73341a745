// A small event bus so views talk without importing each other.
// Events: "open" {id} shows an entity's card; "focus" {id} shows it in the graph and expands it;
// "answer" {title, rows} shows a canned question's answer.

const bus = new EventTarget();

export function emit(name, detail = {}) {
  bus.dispatchEvent(new CustomEvent(name, { detail }));
}

export function on(name, fn) {
  bus.addEventListener(name, (event) => fn(event.detail));
}
