// Formatting helpers shared by the card and the answers: entity links, evidence, amounts.

import { h } from "./dom.js";
import { emit } from "./events.js";
import { PROJECT_KINDS, colour, labelCaption, labelFromId, mainLabel } from "./labels.js";

/** A link that opens the entity's card (articles included). */
export function entityLink(entity) {
  if (!entity) return "";
  if (typeof entity === "string") entity = { id: entity, name: entity };
  const label = mainLabel(entity.label ?? labelFromId(entity.id));
  const text = entity.name ?? entity.title ?? entity.id;
  if (!entity.id) return h("span", {}, text);
  return h(
    "a",
    {
      href: `#${encodeURIComponent(entity.id)}`,
      class: "entity-link",
      style: `--label-colour:${colour(label)}`,
      title: labelCaption(label),
      dataset: { id: entity.id },
      onclick: (event) => {
        event.preventDefault();
        emit("open", { id: entity.id });
      },
    },
    text,
  );
}

/** 1700000000 → "17亿元"; 5000000 → "500万元". */
export function amount(cny) {
  if (cny === null || cny === undefined || cny === "") return "";
  const value = Number(cny);
  if (!Number.isFinite(value)) return String(cny);
  if (value >= 1e8) return `${trim(value / 1e8)}亿元`;
  if (value >= 1e4) return `${trim(value / 1e4)}万元`;
  return `${value}元`;
}

function trim(x) {
  return Number(x.toFixed(2)).toString();
}

export function kindCaption(kind) {
  return PROJECT_KINDS[kind] ?? kind ?? "";
}

/**
 * Evidence sentences of an item, each with a link to its article when the API says which one:
 * `evidence` is a list of sentences (or {sentence, article} objects), `articles` a parallel list.
 */
export function evidenceList(item) {
  const sentences = item?.evidence ?? [];
  const articles = item?.articles ?? [];
  if (!sentences.length) return null;
  return h(
    "div",
    { class: "evidence-list" },
    sentences.map((entry, i) => {
      const sentence = typeof entry === "string" ? entry : (entry.sentence ?? entry.text ?? "");
      const article = typeof entry === "object" && entry.article ? entry.article : articles[i];
      return h(
        "blockquote",
        { class: "evidence" },
        h("span", { class: "sentence" }, sentence),
        article ? articleLink(article) : null,
      );
    }),
  );
}

/** A small "原文" link to an article's card. */
export function articleLink(article) {
  const ref = typeof article === "string" ? { id: article } : article;
  const link = entityLink({ id: ref.id, name: ref.title ? `《${ref.title}》` : "来源文章", label: "Article" });
  link.classList.add("article-link");
  return link;
}

/** "key: value" pieces joined with a middle dot, empty ones dropped. */
export function facts(...parts) {
  return parts.filter((p) => p !== null && p !== undefined && p !== "").join(" · ");
}
