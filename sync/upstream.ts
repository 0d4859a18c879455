// `upstream` of a service in docs2ts.config.json: where its doc pages are published. Two forms:
//
//   git:   { "git": "<url or local path>", "ref": "<branch, tag or full commit sha>",
//            "path": "<folder in the repo>"?, "include": ["<glob>", ...]?, "timeoutMs"? }
//   http:  { "urls": ["https://...", ...], "timeoutMs"?, "retries"?, "concurrency"?, "retryDelayMs"? }
//          or just the array of URLs.
//
// scraper/config.ts passes the value through raw; this file is the only place that reads it.

import { ConfigError } from "../core/config.ts";

export const CONFIG_FILE = "docs2ts.config.json";

export interface GitUpstream {
  kind: "git";
  /** As written in the config: a URL, or a local path relative to the project root. */
  git: string;
  ref: string;
  /** Folder in the repository, without leading or trailing slash; "" for the repository root. */
  path: string;
  /** Globs matched against paths relative to `path`. */
  include: string[];
  timeoutMs: number;
}

export interface HttpUpstream {
  kind: "http";
  urls: string[];
  /** Per request attempt, including reading the body. */
  timeoutMs: number;
  /** Extra attempts after a 5xx, a 429, a timeout or a network error. */
  retries: number;
  /** Requests in flight at once. */
  concurrency: number;
  /** First backoff delay; doubles on each retry (a longer Retry-After wins). */
  retryDelayMs: number;
}

export type Upstream = GitUpstream | HttpUpstream;

export const gitDefaults = { path: "", include: ["**/*"], timeoutMs: 600_000 } as const;
export const httpDefaults = { timeoutMs: 30_000, retries: 3, concurrency: 4, retryDelayMs: 500 } as const;

/** Validates `raw`; `where` is the config location, e.g. `services[2].upstream`. */
export function parseUpstream(raw: unknown, where: string): Upstream {
  if (Array.isArray(raw)) return parseHttp({ urls: raw }, where, true);
  if (typeof raw !== "object" || raw === null) {
    throw fail(where, `must be an object ({ "git": ... } or { "urls": [...] }) or an array of URLs`);
  }
  const object = raw as Record<string, unknown>;
  if ("git" in object && "urls" in object) throw fail(where, `has both "git" and "urls"; pick one`);
  if ("git" in object) return parseGit(object, where);
  if ("urls" in object) return parseHttp(object, where, false);
  throw fail(where, `needs "git" (a repository) or "urls" (a list of page URLs)`);
}

function parseGit(o: Record<string, unknown>, where: string): GitUpstream {
  allowOnly(o, ["git", "ref", "path", "include", "timeoutMs"], where);
  const git = o.git;
  if (typeof git !== "string" || git.trim() === "")
    throw fail(`${where}.git`, "must be a repository URL or local path");
  if (git.startsWith("-")) throw fail(`${where}.git`, `must not start with "-" (got ${JSON.stringify(git)})`);
  const ref = o.ref;
  if (typeof ref !== "string" || ref === "") {
    throw fail(`${where}.ref`, `must name a branch, tag or full commit sha (e.g. "main")`);
  }
  if (ref.startsWith("-") || /[\s\0~^:?*[\\]/.test(ref) || ref.includes("..")) {
    throw fail(`${where}.ref`, `is not a valid git ref (got ${JSON.stringify(ref)})`);
  }
  const rawPath = o.path ?? gitDefaults.path;
  if (typeof rawPath !== "string") throw fail(`${where}.path`, "must be a folder in the repository");
  let folder = rawPath.replace(/^\/+|\/+$/g, "");
  if (folder === ".") folder = "";
  if (
    folder !== "" &&
    (folder.includes("\\") ||
      folder.includes("\0") ||
      folder.split("/").some((s) => s === ".." || s === "." || s === ""))
  ) {
    throw fail(`${where}.path`, `must be a plain folder path inside the repository (got ${JSON.stringify(o.path)})`);
  }
  const include = o.include ?? [...gitDefaults.include];
  if (!Array.isArray(include) || include.length === 0 || !include.every((g) => typeof g === "string" && g !== "")) {
    throw fail(`${where}.include`, `must be a non-empty array of globs (e.g. ["*.md"])`);
  }
  return {
    kind: "git",
    git,
    ref,
    path: folder,
    include: include as string[],
    timeoutMs: positiveInt(o.timeoutMs, gitDefaults.timeoutMs, `${where}.timeoutMs`),
  };
}

function parseHttp(o: Record<string, unknown>, where: string, bare: boolean): HttpUpstream {
  if (!bare) allowOnly(o, ["urls", "timeoutMs", "retries", "concurrency", "retryDelayMs"], where);
  const urlsWhere = bare ? where : `${where}.urls`;
  const urls = o.urls;
  if (!Array.isArray(urls) || urls.length === 0) throw fail(urlsWhere, "must be a non-empty array of http(s) URLs");
  const seen = new Set<string>();
  urls.forEach((u, i) => {
    const at = `${urlsWhere}[${i}]`;
    if (typeof u !== "string") throw fail(at, "must be a URL string");
    let url: URL;
    try {
      url = new URL(u);
    } catch {
      throw fail(at, `is not a valid URL (got ${JSON.stringify(u)})`);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:")
      throw fail(at, `must be an http or https URL (got ${JSON.stringify(u)})`);
    if (seen.has(u)) throw fail(at, `lists ${u} twice`);
    seen.add(u);
  });
  return {
    kind: "http",
    urls: urls as string[],
    timeoutMs: positiveInt(o.timeoutMs, httpDefaults.timeoutMs, `${where}.timeoutMs`),
    retries: nonNegativeInt(o.retries, httpDefaults.retries, `${where}.retries`, 10),
    concurrency: positiveInt(o.concurrency, httpDefaults.concurrency, `${where}.concurrency`, 64),
    retryDelayMs: nonNegativeInt(o.retryDelayMs, httpDefaults.retryDelayMs, `${where}.retryDelayMs`, 60_000),
  };
}

/** A few words describing the upstream, for reports: `git <url> <ref>[:<path>]` or `3 URLs`. */
export function describeUpstream(upstream: Upstream): string {
  if (upstream.kind === "git") return `git ${upstream.git} ${upstream.ref}${upstream.path ? `:${upstream.path}` : ""}`;
  return `${upstream.urls.length} URL${upstream.urls.length === 1 ? "" : "s"}`;
}

function allowOnly(o: Record<string, unknown>, keys: string[], where: string): void {
  for (const key of Object.keys(o).sort()) {
    if (!keys.includes(key))
      throw fail(`${where}.${key}`, `is not a known option (expected one of ${keys.join(", ")})`);
  }
}

function positiveInt(value: unknown, fallback: number, where: string, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > max) {
    throw fail(where, `must be an integer from 1 to ${max} (got ${JSON.stringify(value)})`);
  }
  return value;
}

function nonNegativeInt(value: unknown, fallback: number, where: string, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > max) {
    throw fail(where, `must be an integer from 0 to ${max} (got ${JSON.stringify(value)})`);
  }
  return value;
}

function fail(where: string, message: string): ConfigError {
  return new ConfigError(CONFIG_FILE, `${where} ${message}`);
}
