// Entity cards: people, places, organisations, projects and articles, each fact with its evidence.

import { ApiError, get, rowsOf } from "./api.js";
import { h, fill } from "./dom.js";
import { emit } from "./events.js";
import { amount, articleLink, entityLink, evidenceList, facts, kindCaption } from "./format.js";
import { LEVELS, RELS, colour, labelCaption, labelFromId } from "./labels.js";

const ROUTES = {
  Person: "/people/",
  City: "/cities/",
  Organisation: "/organisations/",
  Project: "/projects/",
  Article: "/articles/",
};

/** Fetch the card of entity `id` and render it into `cardEl`. */
export async function showCard(cardEl, id) {
  const label = labelFromId(id);
  const route = ROUTES[label];
  if (!route) return fill(cardEl, h("p", { class: "error" }, `未知的实体：${id}`));
  fill(cardEl, h("p", { class: "muted" }, "加载中…"));
  try {
    const body = await get(route + encodeURIComponent(id));
    if (label === "Article") body.facts = rowsOf(await get(`${route}${encodeURIComponent(id)}/facts`));
    fill(cardEl, RENDER[label](body, id));
    cardEl.dataset.id = id;
  } catch (err) {
    const message = err instanceof ApiError && err.status === 404 ? "图谱中没有这个实体。" : `加载失败：${err.message}`;
    fill(cardEl, h("p", { class: "error" }, message));
  }
}

/** Show the evidence of one graph edge (by its element id): each supporting sentence and article. */
export async function showEdge(cardEl, edgeId) {
  fill(cardEl, h("p", { class: "muted" }, "加载中…"));
  try {
    const edge = await get(`/graph/edges/${encodeURIComponent(edgeId)}`);
    fill(
      cardEl,
      h(
        "header",
        { class: "card-header" },
        h("span", { class: "badge", style: "background:#566" }, "关系"),
        h("h2", {}, entityLink(edge.source), h("span", { class: "rel" }, ` ${RELS[edge.type] ?? edge.type} `), entityLink(edge.target)),
        h("p", { class: "muted" }, facts(edge.rules?.length && `规则：${edge.rules.join("、")}`, edge.extractor_version)),
      ),
      section("证据", edge.support, (x) => evidenceList({ evidence: [x.evidence ?? ""], articles: [x.article ?? x.article_id] })),
    );
    delete cardEl.dataset.id;
  } catch (err) {
    fill(cardEl, h("p", { class: "error" }, `加载失败：${err.message}`));
  }
}

function header(label, entity, subtitle = "") {
  const aliases = (entity.aliases ?? []).filter((a) => a && a !== entity.name);
  return h(
    "header",
    { class: "card-header" },
    h("span", { class: "badge", style: `background:${colour(label)}` }, labelCaption(label)),
    h("h2", {}, entity.name ?? entity.title ?? entity.id),
    subtitle ? h("p", { class: "muted" }, subtitle) : null,
    aliases.length ? h("p", { class: "aliases" }, `又名：${aliases.join("、")}`) : null,
    label === "Article"
      ? null
      : h("button", { type: "button", class: "expand", onclick: () => emit("focus", { id: entity.id }) }, "在关系图中展开"),
  );
}

/** A titled list section; `render(item)` gives the content of each entry. Empty lists are left out. */
function section(title, items, render) {
  if (!items?.length) return null;
  return h(
    "section",
    { class: "card-section", dataset: { title } },
    h("h3", {}, `${title}（${items.length}）`),
    h("ul", {}, items.map((item) => h("li", {}, render(item)))),
  );
}

const articles = (list) => section("来源文章", list, (a) => [articleLink(a), h("span", { class: "muted" }, ` ${a.published ?? ""}`)]);

function person(body) {
  const p = body.person ?? body;
  return [
    header("Person", p),
    section("任职", body.home_posts, (x) => [entityLink(x), ` ${x.title ?? ""}`, evidenceList(x)]),
    section("挂职", body.secondments, (x) => [
      entityLink(x),
      ` ${facts(x.title, x.mode, x.start && `${x.start} 起`)}`,
      x.home ? h("div", { class: "muted" }, `派出单位：${facts(x.home, x.home_title)}`) : null,
      evidenceList(x),
    ]),
    section("促成的项目", body.brokered, (x) => [entityLink(x), ` ${facts(kindCaption(x.kind), amount(x.amount_cny))}`, evidenceList(x)]),
    section("疑似同名", body.maybe_same, (x) => [entityLink(x), ` ${x.reason ?? ""}`]),
    articles(body.articles),
  ];
}

function city(body) {
  const c = body.city ?? body;
  const chain = (body.parents ?? []).map((x) => x.name).join(" › ");
  return [
    header("City", c, facts(LEVELS[c.level] ?? c.level, c.code && `代码 ${c.code}`, chain && `属于 ${chain}`)),
    section("结对合作", body.paired_with, (x) => [entityLink(x), ` ${x.program ?? ""}`, evidenceList(x)]),
    section("在此挂职", body.seconded_here, (x) => [entityLink(x), ` ${facts(x.host, x.title, x.start)}`, evidenceList(x)]),
    section("机构", body.organisations, (x) => entityLink(x)),
    section("项目", body.projects, (x) => [entityLink(x), ` ${facts(kindCaption(x.kind), amount(x.amount_cny))}`]),
    articles(body.articles),
  ];
}

function organisation(body) {
  const o = body.organisation ?? body;
  return [
    header("Organisation", o, (body.located_in ?? []).map((c) => c.name).join("、")),
    section("在此挂职", body.seconded_here, (x) => [entityLink(x), ` ${facts(x.title, x.mode, x.start)}`, evidenceList(x)]),
    section("本单位人员", body.staff, (x) => [entityLink(x), ` ${x.title ?? ""}`, evidenceList(x)]),
    section("签署的协议", body.signed, (x) => [entityLink(x), ` ${facts(kindCaption(x.kind), x.date)}`, evidenceList(x)]),
    articles(body.articles),
  ];
}

function project(body) {
  const j = body.project ?? body;
  const where = (body.located_in ?? []).map((c) => c.name).join("、");
  return [
    header("Project", j, facts(kindCaption(j.kind), amount(j.amount_cny), where && `位于 ${where}`)),
    section("促成者", body.brokers, (x) => [entityLink(x), evidenceList(x)]),
    section("签署方", body.signatories, (x) => [entityLink(x), ` ${x.date ?? ""}`, evidenceList(x)]),
    articles(body.articles),
  ];
}

function article(body, id) {
  const a = body.article ?? body;
  return [
    header("Article", { ...a, id, name: a.title ?? a.name }, facts(a.source, a.published, (a.authors ?? []).join("、"))),
    a.url ? h("p", {}, h("a", { href: a.url, target: "_blank", rel: "noopener" }, "阅读原文 ↗")) : null,
    section("文中的关系", body.facts, (f) => [
      entityLink(f.source),
      h("span", { class: "rel" }, ` ${RELS[f.type] ?? f.type} `),
      entityLink(f.target),
      evidenceList({ evidence: f.evidence }),
    ]),
    section("提及的实体", body.mentions, (x) => entityLink(x)),
  ];
}

const RENDER = { Person: person, City: city, Organisation: organisation, Project: project, Article: article };
