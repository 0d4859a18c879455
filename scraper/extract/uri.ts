// Method and path template of a page: from its URI section, or, where the page has none, from
// its example request line with the project ID value turned back into `{project_id}`.
import type { HttpMethod } from "../operation-model.ts";
import { requestLinePattern } from "./sections.ts";

export interface RequestLine {
  method: HttpMethod;
  /** Path template without query string. */
  path: string;
  /** Query parameter names written inline (`?offset={offset}&limit={limit}`). */
  queryNames: string[];
  /** Host as written, when it is a real host name (not `{Endpoint}` or prose). */
  host?: string;
  line: number;
}

const hostPattern = /^[a-z0-9]([a-z0-9-]{0,62}\.){1,10}[a-z]{2,63}(:\d{1,5})?$/i;
const projectIdValue = /^[0-9a-f]{32}$/;

export function parseRequestLine(text: string, line: number): RequestLine | undefined {
  const match = requestLinePattern.exec(text.trim());
  if (!match) return undefined;
  const method = match[1]!.toLowerCase() as HttpMethod;
  let target = match[2]!;
  let host: string | undefined;
  const scheme = /^https?:\/\//i.exec(target);
  if (scheme) {
    const rest = target.slice(scheme[0].length);
    const slash = rest.indexOf("/");
    const rawHost = slash < 0 ? rest : rest.slice(0, slash);
    if (hostPattern.test(rawHost)) host = rawHost.toLowerCase();
    target = slash < 0 ? "/" : rest.slice(slash);
  } else if (!target.startsWith("/")) {
    return undefined;
  }
  const question = target.indexOf("?");
  const pathPart = question < 0 ? target : target.slice(0, question);
  const queryPart = question < 0 ? "" : target.slice(question + 1);
  const queryNames = queryPart
    .split("&")
    .map((pair) => pair.split("=")[0]!.replace(/[{}[\]]/g, "").trim())
    .filter((name) => name.length > 0);
  const path = normalizePath(pathPart);
  return { method, path, queryNames, ...(host ? { host } : {}), line };
}

/** Undo Markdown escapes, drop a trailing slash, and keep `{name}` placeholders as written. */
function normalizePath(path: string): string {
  let p = path.replace(/\\([{}_])/g, "$1").trim();
  if (p.length > 1 && p.endsWith("/")) p = p.slice(0, -1);
  return p;
}

/** `/v3/0483b6b16e954cb88930a360d2c4e663/backups` -> `/v3/{project_id}/backups`. */
export function templateFromExample(path: string): string {
  return path
    .split("/")
    .map((segment, i, all) => (projectIdValue.test(segment) && i <= 2 && all.length > 2 ? "{project_id}" : segment))
    .join("/");
}

export function pathPlaceholders(path: string): string[] {
  return [...path.matchAll(/\{([^{}]{1,100})\}/g)].map((m) => m[1]!);
}
