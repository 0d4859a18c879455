// Line counting: CRLF, LF and a lone CR each end one line, also mixed within one file.

import { describe, expect, test } from "vitest";
import { LineIndex, SegmentLineMap, lineStarts, splitLines } from "../../scraper/read/lines.ts";
import { readPage } from "../../scraper/read/index.ts";
import { codes, fixture, headings, paragraphs, sourceLines, tables } from "./helpers.ts";

describe("lines", () => {
  test.each([
    ["", [0]],
    ["a", [0]],
    ["a\n", [0, 2]],
    ["a\r\nb", [0, 3]],
    ["a\rb", [0, 2]],
    ["a\r\n\r\nb\n\rc", [0, 3, 5, 7, 8]],
  ])("lineStarts(%j)", (text, starts) => {
    expect(lineStarts(text)).toEqual(starts);
  });

  test("LineIndex maps offsets to 1-based lines", () => {
    const text = "one\r\ntwo\nthree\rfour\r\n";
    const idx = new LineIndex(text);
    const at = (s: string) => idx.lineAt(text.indexOf(s));
    expect([at("one"), at("two"), at("three"), at("four")]).toEqual([1, 2, 3, 4]);
    expect(idx.lineAt(text.indexOf("\r\ntwo"))).toBe(1); // a terminator belongs to its line
    expect(idx.lineAt(text.length + 10)).toBe(5);
  });

  test("splitLines drops terminators and keeps numbers and offsets", () => {
    const text = "a\r\nb\nc\rd";
    expect(splitLines(text).map((l) => [l.text, l.line, l.start])).toEqual([
      ["a", 1, 0],
      ["b", 2, 3],
      ["c", 3, 5],
      ["d", 4, 7],
    ]);
    expect(splitLines("")).toEqual([{ text: "", line: 1, start: 0, end: 0 }]);
  });

  test("SegmentLineMap maps a derived text back to original lines", () => {
    const map = new SegmentLineMap();
    map.add(0, 5);
    map.add(10, 9);
    expect([map.lineAt(0), map.lineAt(9), map.lineAt(10), map.lineAt(99)]).toEqual([5, 5, 9, 9]);
  });
});

/** Re-joins lines with the given terminators (cycled). */
function withEndings(content: string, endings: string[]): string {
  const lines = sourceLines(content);
  return lines.map((l, i) => l + (i < lines.length - 1 ? endings[i % endings.length] : "")).join("");
}

describe("mixed line endings in real pages", () => {
  test("the DDS page that mixes CRLF and LF (as published)", () => {
    const content = fixture("read/dds-create-manual-backup.crlf.zh.md");
    expect(content).toMatch(/\r\n/);
    expect(content).toMatch(/[^\r]\n/);
    const m = readPage("dds.md", content);
    expect(m.format).toBe("markdown-html");
    expect(headings(m, 2)).toEqual(["功能介绍", "接口约束", "URI", "请求消息", "响应消息", "状态码", "错误码"]);
    const lines = sourceLines(content);
    for (const t of tables(m)) {
      expect(lines[t.line - 1]).toMatch(/<table/);
      for (const r of t.rows) for (const c of r.cells) expect(lines[c.line - 1]).toMatch(/<td/);
    }
    for (const c of codes(m)) expect(lines[c.line - 1]!.trim()).toBe("```");
  });

  // The same page with CRLF, LF and lone CR interleaved gives the same model as with LF only.
  test.each([
    ["seeds/dds-create-manual-backup.zh.md"],
    ["seeds/taurusdb-create-manual-backup.en.gitea.html"],
    ["seeds/geminidb-cassandra-create-manual-backup.en.gitea.html"],
    ["seeds/gaussdb-opengauss-create-manual-backup.en.txt"],
    ["seeds/rds-create-manual-backup.en.pipes.txt"],
  ])("%s with CRLF / LF / CR mixed", (file) => {
    const lf = withEndings(fixture(file), ["\n"]);
    const mixed = withEndings(fixture(file), ["\r\n", "\n", "\r", "\r\n", "\r\n", "\n"]);
    const a = readPage(file, lf);
    const b = readPage(file, mixed);
    expect(b.format).toBe(a.format);
    expect(b).toEqual(a);
  });

  test("lines of paragraphs after lone CRs", () => {
    const m = readPage("x.txt", "First line\r\rSecond line\r\n\nThird line\n");
    expect(paragraphs(m).map((p) => [p.text, p.line])).toEqual([
      ["Second line", 3],
      ["Third line", 5],
    ]);
    expect(m.title).toBe("First line");
  });
});
