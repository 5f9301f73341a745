// Chinese captions and colours for labels and relationship types (one place, shared by all views).

export const LABELS = {
  Person: { caption: "人物", colour: "#e4572e", shape: "ellipse" },
  City: { caption: "地区", colour: "#3f7fd9", shape: "round-rectangle" },
  Organisation: { caption: "机构", colour: "#2a9d62", shape: "round-hexagon" },
  Project: { caption: "项目", colour: "#f0a202", shape: "round-diamond" },
  Article: { caption: "文章", colour: "#8d99ae", shape: "round-tag" },
};

export const RELS = {
  SECONDED_TO: "挂职",
  SERVES_AT: "任职",
  BROKERED: "促成",
  SIGNED: "签署",
  PAIRED_WITH: "结对",
  PART_OF: "隶属",
  LOCATED_IN: "位于",
  MENTIONS: "提及",
  MAYBE_SAME: "疑似同名",
};

export const PROJECT_KINDS = {
  project: "项目",
  agreement: "协议",
  platform: "平台",
  mechanism: "机制",
  event: "活动",
  plan: "规划",
};

export const LEVELS = { province: "省级", city: "地级", county: "县级", district: "区", town: "乡镇街道" };

/** The main label of a node given its label list (or a single label string). */
export function mainLabel(labels) {
  const list = Array.isArray(labels) ? labels : [labels];
  return list.find((l) => l in LABELS) ?? list[0] ?? "Entity";
}

/** Guess the label from an id prefix (`person:…`, `city:…`) when the API gives none. */
export function labelFromId(id) {
  const prefix = String(id ?? "").split(":")[0];
  return (
    { person: "Person", city: "City", org: "Organisation", project: "Project", agreement: "Project", article: "Article" }[
      prefix
    ] ?? "Entity"
  );
}

export function labelCaption(label) {
  return LABELS[label]?.caption ?? label;
}

export function relCaption(type) {
  return RELS[type] ?? type;
}

export function colour(label) {
  return LABELS[label]?.colour ?? "#999";
}
