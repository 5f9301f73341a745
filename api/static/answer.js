// Render a canned query's rows as a table: entities become card links, evidence becomes quotes.

import { h, fill } from "./dom.js";
import { amount, articleLink, entityLink, evidenceList } from "./format.js";

const COLUMN_CAPTIONS = {
  person: "人物",
  people: "人物",
  posts: "职务",
  home_posts: "任职",
  secondments: "挂职",
  projects: "项目",
  project: "项目",
  brokered: "促成的项目",
  evidence: "证据",
  articles: "来源文章",
  count: "数量",
  from_region: "派出地",
  to_region: "挂职地",
  host: "挂职单位",
  home: "派出单位",
  title: "职务",
  amount_cny: "金额",
  agreements: "协议",
  pairings: "结对",
  a: "甲方",
  b: "乙方",
  region: "地区",
  target: "对象",
  destinations: "去向",
};

/** Fill `el` with a table of `rows`, or a friendly note when there are none. */
export function renderAnswer(el, rows) {
  if (!rows.length) return fill(el, h("p", { class: "empty" }, "图谱中没有找到答案。"));
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  return fill(
    el,
    h("p", { class: "muted" }, `共 ${rows.length} 条`),
    h(
      "table",
      { class: "answer-table" },
      h("thead", {}, h("tr", {}, columns.map((c) => h("th", {}, COLUMN_CAPTIONS[c] ?? c)))),
      h(
        "tbody",
        {},
        rows.map((row) => h("tr", {}, columns.map((c) => h("td", {}, cell(c, row[c]))))),
      ),
    ),
  );
}

function cell(column, value) {
  if (value === null || value === undefined) return "";
  if (column === "evidence" && Array.isArray(value)) return evidenceList({ evidence: value });
  if (column === "articles" && Array.isArray(value)) return list(value.map((a) => articleLink(a)));
  if (column.startsWith("amount")) return amount(value);
  if (Array.isArray(value)) return list(value.map((v) => cell(column, v)));
  if (typeof value === "object") return objectCell(value);
  return String(value);
}

function objectCell(value) {
  if (value.id || value.name) {
    const extra = [value.title, value.relation === "SECONDED_TO" ? "挂职" : null, value.count && `${value.count}`]
      .filter(Boolean)
      .join(" ");
    return h("span", {}, entityLink(value), extra ? ` ${extra}` : "");
  }
  // Nested rows (pairings, secondments): key: value pairs.
  return h(
    "span",
    { class: "nested" },
    Object.entries(value).map(([k, v]) => h("span", {}, `${COLUMN_CAPTIONS[k] ?? k}：`, cell(k, v), " ")),
  );
}

function list(items) {
  return h("ul", { class: "cell-list" }, items.map((item) => h("li", {}, item)));
}
