// Validation of `upstream` in docs2ts.config.json: every error names services[i].upstream....

import { describe, expect, test } from "vitest";
import { ConfigError } from "../../core/config.ts";
import { parseUpstream } from "../../sync/upstream.ts";

const where = "services[3].upstream";

const valid: [string, { given: unknown; want: object }][] = [
  [
    "git with defaults",
    {
      given: { git: "https://example.invalid/docs.git", ref: "main" },
      want: { kind: "git", path: "", include: ["**/*"], timeoutMs: 600_000 },
    },
  ],
  [
    "git path is trimmed of slashes",
    { given: { git: "../docs", ref: "v1.2", path: "/api/dds/" }, want: { path: "api/dds" } },
  ],
  [
    "http object form with knobs",
    {
      given: { urls: ["https://a.invalid/x.html"], timeoutMs: 500, retries: 0, concurrency: 1 },
      want: { kind: "http", timeoutMs: 500, retries: 0, concurrency: 1, retryDelayMs: 500 },
    },
  ],
  [
    "http plain array form",
    {
      given: ["http://127.0.0.1/x.md"],
      want: { kind: "http", urls: ["http://127.0.0.1/x.md"], retries: 3, concurrency: 4 },
    },
  ],
];

const invalid: [string, { given: unknown; want: string }][] = [
  [
    "a string",
    {
      given: "https://x",
      want: `${where} must be an object ({ "git": ... } or { "urls": [...] }) or an array of URLs`,
    },
  ],
  [
    "neither form",
    { given: { ref: "main" }, want: `${where} needs "git" (a repository) or "urls" (a list of page URLs)` },
  ],
  ["both forms", { given: { git: "x", urls: [] }, want: `${where} has both "git" and "urls"; pick one` }],
  [
    "a typo",
    {
      given: { git: "x", ref: "main", includes: ["*.md"] },
      want: `${where}.includes is not a known option (expected one of git, ref, path, include, timeoutMs)`,
    },
  ],
  ["no ref", { given: { git: "x" }, want: `${where}.ref must name a branch, tag or full commit sha (e.g. "main")` }],
  [
    "an option-like ref",
    {
      given: { git: "x", ref: "--upload-pack=evil" },
      want: `${where}.ref is not a valid git ref (got "--upload-pack=evil")`,
    },
  ],
  [
    "an option-like url",
    {
      given: { git: "--upload-pack=evil", ref: "main" },
      want: `${where}.git must not start with "-" (got "--upload-pack=evil")`,
    },
  ],
  [
    "a path that climbs",
    {
      given: { git: "x", ref: "main", path: "docs/../.." },
      want: `${where}.path must be a plain folder path inside the repository (got "docs/../..")`,
    },
  ],
  [
    "an empty include",
    {
      given: { git: "x", ref: "main", include: [] },
      want: `${where}.include must be a non-empty array of globs (e.g. ["*.md"])`,
    },
  ],
  ["no urls", { given: { urls: [] }, want: `${where}.urls must be a non-empty array of http(s) URLs` }],
  [
    "a file URL",
    { given: ["file:///etc/passwd"], want: `${where}[0] must be an http or https URL (got "file:///etc/passwd")` },
  ],
  ["not a URL", { given: { urls: ["x.html"] }, want: `${where}.urls[0] is not a valid URL (got "x.html")` }],
  [
    "a duplicate",
    { given: ["http://a.invalid/x", "http://a.invalid/x"], want: `${where}[1] lists http://a.invalid/x twice` },
  ],
  [
    "a bad timeout",
    {
      given: { urls: ["http://a.invalid/x"], timeoutMs: 0 },
      want: `${where}.timeoutMs must be an integer from 1 to 9007199254740991 (got 0)`,
    },
  ],
  [
    "too many retries",
    {
      given: { urls: ["http://a.invalid/x"], retries: 11 },
      want: `${where}.retries must be an integer from 0 to 10 (got 11)`,
    },
  ],
];

describe("parseUpstream", () => {
  test.each(valid)("%s", (_name, { given, want }) => {
    expect(parseUpstream(given, where)).toMatchObject(want);
  });
  test.each(invalid)("rejects %s", (_name, { given, want }) => {
    let error: unknown;
    try {
      parseUpstream(given, where);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toBe(`docs2ts.config.json: ${want}`);
  });
});
