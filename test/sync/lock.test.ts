// sources.lock.json is deterministic: sorted by path, fixed key order, trailing newline.

import { expect, test } from "vitest";
import { parseLock, serializeLock, type LockEntry } from "../../sync/lock.ts";

const b: LockEntry = {
  sha256: "bb",
  charset: "gbk",
  etag: '"2"',
  origin: "https://x.invalid/b.html",
  path: "b.html",
  lastModified: "Tue, 01 Jul 2025 10:00:00 GMT",
};
const a: LockEntry = { sha256: "aa", charset: "utf-8", commit: "c0ffee", origin: "repo#docs/a.md", path: "a.md" };
const upper: LockEntry = { sha256: "cc", charset: "utf-8", origin: "o", path: "B.html" };

test("serializeLock sorts by path in byte order and fixes key order", () => {
  const text = serializeLock([b, a, upper]);
  expect(text).toBe(`{
  "lockfileVersion": 1,
  "pages": [
    {
      "path": "B.html",
      "origin": "o",
      "charset": "utf-8",
      "sha256": "cc"
    },
    {
      "path": "a.md",
      "origin": "repo#docs/a.md",
      "commit": "c0ffee",
      "charset": "utf-8",
      "sha256": "aa"
    },
    {
      "path": "b.html",
      "origin": "https://x.invalid/b.html",
      "etag": "\\"2\\"",
      "lastModified": "Tue, 01 Jul 2025 10:00:00 GMT",
      "charset": "gbk",
      "sha256": "bb"
    }
  ]
}
`);
  expect(serializeLock([a, upper, b])).toBe(text);
  expect(parseLock(text)).toEqual([upper, a, b]);
});

test("parseLock says why a file is not a lock", () => {
  expect(parseLock("{")).toMatch(/^not JSON/);
  expect(parseLock('{"lockfileVersion":2,"pages":[]}')).toBe("unknown lockfileVersion 2");
  expect(parseLock('{"lockfileVersion":1,"pages":[{"path":"a"}]}')).toBe(
    "pages[0] lacks path, origin, charset or sha256",
  );
});
