// The canned questions: one-click entries that run a query from /queries and show its answer.

import { get, rowsOf } from "./api.js";
import { h, fill } from "./dom.js";
import { emit } from "./events.js";

// Featured questions, in the analyst's words; each runs one canned query with fixed parameters.
export const FEATURED = [
  { title: "哪些挂职干部促成了中关村的项目？", hint: "Which cadres brokered 中关村 projects?", query: "brokers_of", params: { target: "中关村" } },
  {
    title: "河北的干部去了哪里、带来了什么？",
    hint: "Where did Hebei's cadres go, what did they bring?",
    query: ["cadres_from", "outflow_of", "timeline"], // the first one the catalogue has
    params: { region: "河北省" },
  },
  { title: "促成项目最多的挂职干部", hint: "Top brokers", query: "top_brokers", params: { limit: 10 } },
  { title: "北京和沈阳之间有哪些合作？", hint: "What ties 北京 and 沈阳?", query: "pair_summary", params: { a: "北京市", b: "沈阳市" } },
  // Shown as the Sankey of the flows view rather than as a table.
  { title: "挂职干部从哪里流向哪里？", hint: "Secondment flows between provinces", query: "secondment_flows", params: { level: "province" }, view: "flows" },
];

/** Render the featured questions (those the API's catalogue knows) into `listEl`. */
export async function initQuestions(listEl) {
  let known = null;
  try {
    known = new Set(rowsOf(await get("/queries")).map((q) => q.name));
  } catch {
    // The catalogue is unreachable (the banner says so): still offer the questions.
  }
  const questions = FEATURED.map((q) => ({ ...q, query: [q.query].flat().find((name) => !known || known.has(name)) })).filter(
    (q) => q.query,
  );
  fill(
    listEl,
    questions.map((q) =>
      h(
        "li",
        {},
        h(
          "button",
          { type: "button", class: "question", dataset: { query: q.query }, title: q.hint, onclick: () => ask(q) },
          q.title,
          h("small", {}, q.hint),
        ),
      ),
    ),
  );
  return questions;
}

/** Run one question and publish its answer. */
export async function ask(question) {
  if (question.view === "flows") return emit("flows", { level: question.params.level });
  emit("answer", { title: question.title, rows: null });
  try {
    const body = await get(`/queries/${encodeURIComponent(question.query)}`, question.params);
    emit("answer", { title: question.title, rows: rowsOf(body) });
  } catch (err) {
    emit("answer", { title: question.title, rows: [], error: err.message });
  }
}
