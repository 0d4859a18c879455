// Confinement of page names, and names derived from URLs.

import path from "node:path";
import { describe, expect, test } from "vitest";
import { pageNameFromUrl } from "../../sync/http.ts";
import { resolveInside, unsafePageName } from "../../sync/paths.ts";

const names: [string, string | undefined][] = [
  ["create-backup.md", undefined],
  ["api/sub/create-backup.md", undefined],
  ["..data.md", undefined],
  ["", "is empty"],
  ["..", `contains ".."`],
  ["../evil.md", `contains ".."`],
  ["api/../../evil.md", `contains ".."`],
  ["/etc/passwd", "is an absolute path"],
  ["C:/evil.md", "is an absolute path"],
  ["a\\b.md", "contains a backslash"],
  ["a\0.md", "contains a NUL byte"],
  ["a\n.md", "contains a control character"],
  ["a//b.md", `has an empty or "." segment`],
  ["./a.md", `has an empty or "." segment`],
  ["sources.lock.json", "is reserved for the lock file"],
];

describe("unsafePageName", () => {
  test.each(names)("%j", (name, want) => expect(unsafePageName(name)).toBe(want));
});

test("resolveInside refuses what escapes even if the text check were skipped", () => {
  expect(resolveInside("/s/dds", "a/b.md")).toBe(path.resolve("/s/dds/a/b.md"));
  expect(() => resolveInside("/s/dds", "../rds/x.md")).toThrow(/resolves outside/);
  expect(() => resolveInside("/s/dds", "")).toThrow(/resolves outside/);
});

const urls: [string, ReturnType<typeof pageNameFromUrl>][] = [
  ["https://support.example.invalid/api-dds/dds_api_0020.html", { name: "dds_api_0020.html" }],
  ["https://example.invalid/docs/create%20backup.md?lang=en#top", { name: "create backup.md" }],
  ["https://example.invalid/docs/", { problem: "has no file name (its path ends with /)" }],
  ["https://example.invalid/docs/..%2Fx.md", { problem: `names the file "../x.md", which contains "/"` }],
  [
    "https://example.invalid/docs/a%5Cb.md",
    { problem: `names the file ${JSON.stringify("a\\b.md")}, which contains a backslash` },
  ],
  ["https://example.invalid/docs/a%00.md", { problem: `names the file "a\\u0000.md", which contains a NUL byte` }],
  [
    "https://example.invalid/docs/%E0%A4%A.md",
    { problem: "has a malformed percent-encoding in its last path segment" },
  ],
];

describe("pageNameFromUrl", () => {
  test.each(urls)("%s", (url, want) => expect(pageNameFromUrl(url)).toEqual(want));
});
