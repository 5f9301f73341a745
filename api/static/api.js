// The API client: JSON GETs on the same origin, and the up/down signal for the banner.

export class ApiError extends Error {
  constructor(status, message, body = null) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

export const HEALTH_PATH = "/health";
const listeners = new Set();
// Set by a 503 and cleared only by a successful /health: endpoints that never touch the database
// (the query catalogue) answer 200 while it is down, and must not hide the banner.
let databaseDown = false;

/** Call `fn(up, detail)` whenever a request tells whether the API (and its database) is reachable. */
export function onApiStatus(fn) {
  listeners.add(fn);
}

function report(up, detail = "") {
  for (const fn of listeners) fn(up, detail);
}

/** GET `path` with query `params` (empty values dropped); resolves to the parsed JSON body. */
export async function get(path, params = {}) {
  const url = new URL(path, window.location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") url.searchParams.set(key, value);
  }
  let response;
  try {
    response = await fetch(url, { headers: { Accept: "application/json" } });
  } catch (err) {
    report(false, "无法连接到 API 服务");
    throw new ApiError(0, "无法连接到 API 服务");
  }
  const body = await response.json().catch(() => null);
  if (response.status === 503) {
    databaseDown = true;
    report(false, "图数据库暂时不可用（503）");
    throw new ApiError(503, detailOf(body) ?? "图数据库暂时不可用", body);
  }
  if (response.status >= 500) {
    report(false, `API 出错（${response.status}）`);
    throw new ApiError(response.status, detailOf(body) ?? response.statusText, body);
  }
  if (url.pathname === HEALTH_PATH) databaseDown = false;
  if (databaseDown) {
    // The API answers, but was the database back? Only /health can tell.
    get(HEALTH_PATH).catch(() => {});
  } else {
    report(true);
  }
  if (!response.ok) throw new ApiError(response.status, detailOf(body) ?? response.statusText, body);
  return body;
}

function detailOf(body) {
  if (!body) return null;
  if (typeof body.detail === "string") return body.detail;
  if (Array.isArray(body.detail)) return body.detail.map((d) => d.msg ?? JSON.stringify(d)).join("; ");
  return body.message ?? body.error ?? null;
}

/** Rows of a list response, whatever its wrapper (`{data: [...]}`, `{rows: [...]}` or a bare list). */
export function rowsOf(body) {
  if (Array.isArray(body)) return body;
  return body?.data ?? body?.rows ?? body?.results ?? [];
}
