// Method and path template of a page: from its URI section, or, where the page has none, from
// its example request line with the project ID value turned back into `{project_id}`.
import type { Block, PageModel } from "../page-model.ts";
import type { HttpMethod } from "../operation-model.ts";
import { report, type PageContext } from "./context.ts";
import { blockText, requestLinePattern, type Section } from "./sections.ts";

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

/** Paths of other services' APIs that reference pages document (IAM tokens and projects). */
const foreignApiPaths = [/^\/v3\/auth\//, /^\/v3\/projects(\/|$)/, /^\/v3\/users\//];

export type RequestLineChoice =
  | { kind: "found"; requestLine: RequestLine; uriLine?: RequestLine; exampleLine?: RequestLine }
  | { kind: "none"; reason: string };

/**
 * The operation's request line: the URI section's, else (on pages with parameter tables) the
 * example request's with IDs turned back into placeholders.
 */
export function chooseRequestLine(ctx: PageContext, page: PageModel, sections: Section[], hasParameterTables: boolean): RequestLineChoice {
  const uriLine = findRequestLines(sections.filter((s) => s.kind === "uri"))[0];
  const exampleLine = pickExampleLine(findRequestLines(sections.filter((s) => s.kind !== "uri")), page.title);
  let requestLine: RequestLine | undefined = uriLine;
  if (!requestLine && exampleLine && hasParameterTables) {
    requestLine = { ...exampleLine, path: templateFromExample(exampleLine.path) };
    report(ctx, "uri-from-example", exampleLine.line, `no URI section; method and path taken from the example request: ${exampleLine.method.toUpperCase()} ${requestLine.path}`);
  }
  if (!requestLine) {
    if (hasParameterTables) {
      report(ctx, "operation-without-uri", page.titleLine ?? 1, "the page has parameter tables but states no method and URI (no URI section, no example request); left out");
    }
    return { kind: "none", reason: "no request line (method and URI)" };
  }
  if (foreignApiPaths.some((p) => p.test(requestLine!.path))) {
    return { kind: "none", reason: `documents another service's API (${requestLine.path})` };
  }
  return { kind: "found", requestLine, ...(uriLine ? { uriLine } : {}), ...(exampleLine ? { exampleLine } : {}) };
}

function findRequestLines(sections: Section[]): RequestLine[] {
  const found: RequestLine[] = [];
  for (const section of sections) {
    for (const block of section.blocks) {
      for (const [offset, text] of candidateLines(block)) {
        const line = parseRequestLine(text, block.line + offset);
        if (line) found.push(line);
      }
    }
  }
  return found;
}

const titleVerbMethods: [RegExp, RequestLine["method"]][] = [
  [/^(querying|viewing|listing|obtaining|getting|查询|获取)/i, "get"],
  [/^(creating|adding|创建|添加)/i, "post"],
  [/^(deleting|removing|删除|移除)/i, "delete"],
  [/^(updating|modifying|修改|更新)/i, "put"],
];

/** Pages without a URI section sometimes show several examples (copied from a sibling page): take the one the title's verb names. */
function pickExampleLine(lines: RequestLine[], title: string | undefined): RequestLine | undefined {
  const method = titleVerbMethods.find(([pattern]) => pattern.test(title?.trim() ?? ""))?.[1];
  return (method && lines.find((l) => l.method === method)) || lines[0];
}

function candidateLines(block: Block): [number, string][] {
  if (block.kind === "list") return block.items.map((item) => [item.line - block.line, item.text]);
  if (block.kind === "table") return [];
  return blockText(block)
    .split(/\r\n|\r|\n/)
    .map((text, i) => [i, text] as [number, string]);
}

/** Whether a concrete example request line is a call of the operation's method and path template. */
export function sameRoute(shown: RequestLine, operation: RequestLine): boolean {
  if (shown.method !== operation.method) return false;
  const a = shown.path.split("/");
  const b = operation.path.split("/");
  return a.length === b.length && b.every((segment, i) => segment.startsWith("{") || segment === a[i] || a[i]!.startsWith("{"));
}
