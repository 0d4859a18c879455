// Readers never throw, keep lines inside the file, and stay linear on big pages.

import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { PageFormat, PageModel } from "../../scraper/page-model.ts";
import { detectFormat, readPage } from "../../scraper/read/index.ts";
import { readDitaHtml } from "../../scraper/read/dita-html.ts";
import { readMarkdownHtml } from "../../scraper/read/markdown-html.ts";
import { readPipeCells } from "../../scraper/read/pipe-cells.ts";
import { readPlainText } from "../../scraper/read/plain-text.ts";
import { fixture, firstColumn, paragraphs, sourceLines, tables } from "./helpers.ts";

const SEEDS = [
  "seeds/taurusdb-create-manual-backup.en.gitea.html",
  "seeds/geminidb-cassandra-create-manual-backup.en.gitea.html",
  "seeds/dds-create-manual-backup.zh.md",
  "seeds/gaussdb-opengauss-create-manual-backup.en.txt",
  "seeds/rds-create-manual-backup.en.pipes.txt",
];

const READERS: [PageFormat, (file: string, content: string) => PageModel][] = [
  ["dita-html", readDitaHtml],
  ["markdown-html", readMarkdownHtml],
  ["plain-text", readPlainText],
  ["pipe-cells", readPipeCells],
];

/** Every line a model mentions is a line of the content. */
function expectLinesInside(m: PageModel, content: string): void {
  const n = sourceLines(content).length;
  const check = (line: number) => {
    expect(Number.isInteger(line)).toBe(true);
    expect(line).toBeGreaterThanOrEqual(1);
    expect(line).toBeLessThanOrEqual(n);
  };
  if (m.titleLine !== undefined) check(m.titleLine);
  for (const b of m.blocks) {
    check(b.line);
    if (b.kind === "list") b.items.forEach((i) => check(i.line));
    if (b.kind === "table") {
      check(b.table.line);
      for (const c of b.table.header) check(c.line);
      for (const r of b.table.rows) {
        check(r.line);
        r.cells.forEach((c) => check(c.line));
      }
    }
  }
}

describe("odd input", () => {
  const odd: [string, string][] = [
    ["empty", ""],
    ["only a BOM", "\ufeff"],
    ["whitespace", " \n\r\n\t\r"],
    ["NUL bytes", "\u0000\u0000<h1>\u0000T\u0000</h1>\u0000"],
    ["binary-ish", "\u0000\u0001\u0002\uffff\ud800 |\n---|\n\u0000 |"],
    ["lone surrogates", "\ud800# \udc00\n\n<table><tr><td>\ud800</td></tr></table>"],
    ["unclosed everything", "<h1>T<table><tr><td><ul><li><p>x<pre>{"],
    ["only a separator", "---|---|"],
    ["caption and nothing", "Table 1 Parameter description\n\nParameter\n\nType\n"],
    ["unbalanced JSON", 'Title\n\n{\n  "a": [\n\nStatus Code\n\nx'],
    ["deep lists", "<ul><li>".repeat(2000)],
    ["markdown fence never closed", "# T\n\n```\ncode\n"],
    ["markdown table never closed", "# T\n\n<table><tr><td>x"],
  ];

  test.each(odd)("%s: no reader throws", (_name, content) => {
    for (const [format, read] of READERS) {
      const m = read("odd", content);
      expect(m.format).toBe(format);
      expectLinesInside(m, content);
    }
    const m = readPage("odd", content);
    expectLinesInside(m, content);
  });

  test("a leading BOM is stripped and does not change anything", () => {
    for (const file of SEEDS) {
      const content = fixture(file);
      expect(readPage(file, "\ufeff" + content)).toEqual(readPage(file, content));
    }
  });

  test("NUL bytes do not reach the text", () => {
    const m = readPage("x.txt", "Title\n\nSome\u0000 text\n");
    expect(paragraphs(m)[0]!.text).toBe("Some text");
  });
});

describe("properties", () => {
  test("any string: no throw, lines inside the content", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (s) => {
        const m = readPage("p", s);
        expectLinesInside(m, s.replace(/^\ufeff/, ""));
      }),
      { numRuns: 300 },
    );
  });

  test("markup-ish strings: no reader throws", () => {
    const piece = fc.constantFrom(
      "<h1>",
      "</h1>",
      "<table>",
      "</table>",
      "<tr>",
      "<td>",
      "</td>",
      "<th>",
      "<ul>",
      "<li>",
      "<p>",
      "</p>",
      "<pre>",
      "</pre>",
      '<a name="x"></a>',
      '<a href="#y">',
      "</a>",
      "<caption>",
      "<thead>",
      "<tbody>",
      "\n",
      "\r\n",
      "\r",
      " |",
      "|",
      "---|---|",
      "# ",
      "## ",
      "-   ",
      "1.  ",
      "```",
      "**表 1**  ",
      "\\_",
      "[a](b)",
      "{",
      "}",
      "[",
      "]",
      '"',
      "Table 1 X",
      "Parameter",
      "Type",
      "Description",
      "Mandatory",
      "Yes",
      "String",
      "name",
      "  • item",
      ">",
      "<",
      "&",
      "&lt;",
      "text",
      "Function",
      "URI",
      'rowspan="3"',
      'colspan="2"',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }), (parts) => {
        const s = parts.join("");
        for (const [, read] of READERS) expectLinesInside(read("p", s), s);
        expect(detectFormat(s)).toMatch(/^(dita-html|markdown-html|plain-text|pipe-cells)$/);
      }),
      { numRuns: 300 },
    );
  });

  test("truncated seed pages: no throw, lines inside", () => {
    fc.assert(
      fc.property(fc.constantFrom(...SEEDS), fc.double({ min: 0, max: 1, noNaN: true }), (file, at) => {
        const content = fixture(file);
        const cut = content.slice(0, Math.floor(content.length * at));
        expectLinesInside(readPage(file, cut), cut);
      }),
      { numRuns: 100 },
    );
  });
});

describe("size", () => {
  // Several MB of real page content per format (10 MB for one DITA HTML page, the slowest format); reading is
  // linear, so this takes a few seconds.
  test.each(SEEDS)("a big page built from %s", (file) => {
    const content = fixture(file);
    const body = file.endsWith(".html") ? content.slice(content.indexOf("<a name")) : content;
    const size = file.includes("taurusdb") ? 10_000_000 : 4_000_000;
    const big = content + "\n" + body.repeat(Math.ceil(size / body.length));
    const start = performance.now();
    const m = readPage(file, big);
    const ms = performance.now() - start;
    const one = readPage(file, content);
    expect(m.format).toBe(one.format);
    expect(tables(m).length).toBeGreaterThan(tables(one).length * 100);
    expect(firstColumn(tables(m).at(-1)!)).toEqual(firstColumn(tables(one).at(-1)!));
    expect(ms).toBeLessThan(20_000);
  });
});
