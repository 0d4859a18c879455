// Plain text and pipe cells beyond the seeds: other column layouts, Chinese headers, bullets.

import { describe, expect, test } from "vitest";
import { detectFormat, readPage } from "../../scraper/read/index.ts";
import { isNameLike, isTypeValue, normalizeText } from "../../scraper/read/text.ts";
import { codes, firstColumn, headerTexts, headings, paragraphs, tables } from "./helpers.ts";

const para = (...lines: string[]) => lines.join("\n\n") + "\n";

describe("text helpers", () => {
  test("normalizeText collapses ASCII whitespace and NBSP, keeps Chinese verbatim", () => {
    expect(normalizeText("  a \t\r\n b\u00a0 c  ")).toBe("a b c");
    expect(normalizeText("取值范围：长度为4~64位，\u3000必须")).toBe("取值范围：长度为4~64位，\u3000必须");
  });

  test.each([
    ["String", true],
    ["Array of strings", true],
    ["Array of BackupInfo objects", true],
    ["List<String>", true],
    ["Map<String,String>", true],
    ["backup object", true],
    ["BackupInfo", true],
    ["Integer", true],
    ["Backup name.", false],
    ["Minimum characters: 4", false],
  ])("isTypeValue(%j) = %s", (s, ok) => expect(isTypeValue(s)).toBe(ok));

  test.each([
    ["instance_id", true],
    ["X-Auth-Token", true],
    ["tags[0].key", true],
    ["Minimum characters: 4", false],
    ["For details, see Table 4.", false],
  ])("isNameLike(%j) = %s", (s, ok) => expect(isNameLike(s)).toBe(ok));
});

describe("plain text", () => {
  test("Chinese headers and values", () => {
    const page = para(
      "创建手动备份",
      "请求参数",
      "表2 参数说明",
      "参数",
      "是否必选",
      "参数类型",
      "描述",
      "instance_id",
      "是",
      "String",
      "实例ID。",
      "name",
      "否",
      "String",
      "备份名称。",
      "取值范围：4~64位。",
      "响应参数",
    );
    const m = readPage("zh.txt", page);
    expect(m.format).toBe("plain-text");
    expect(m.title).toBe("创建手动备份");
    expect(headings(m, 2)).toEqual(["请求参数", "响应参数"]);
    const [t] = tables(m);
    expect(t!.caption).toBe("表2 参数说明");
    expect(headerTexts(t!)).toEqual(["参数", "是否必选", "参数类型", "描述"]);
    expect(t!.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ["instance_id", "是", "String", "实例ID。"],
      ["name", "否", "String", "备份名称。\n取值范围：4~64位。"],
    ]);
  });

  test("a table without caption; lines without blank lines between them", () => {
    const m = readPage(
      "t.txt",
      'Listing Things\nURI\nGET /v1/things\nParameter\nType\nDescription\nlimit\nInteger\nPage size.\nMaximum: 100\nmarker\nString\nLast ID.\nExample Response\n[\n  { "id": 1 }\n]\n',
    );
    const [t] = tables(m);
    expect(t!.caption).toBeUndefined();
    expect(t!.line).toBe(4);
    expect(firstColumn(t!)).toEqual(["limit", "marker"]);
    expect(t!.rows[0]!.cells[2]!.paragraphs).toEqual(["Page size.", "Maximum: 100"]);
    expect(codes(m)).toEqual([{ kind: "code", text: '[\n  { "id": 1 }\n]', line: 15 }]);
  });

  test("a status code table and a two-column table", () => {
    const m = readPage(
      "s.txt",
      para(
        "Title",
        "Status Codes",
        "Table 5 Status codes",
        "Status Code",
        "Description",
        "200",
        "OK",
        "400",
        "Bad request.",
        "Table 6 Headers",
        "Parameter",
        "Description",
        "X-Auth-Token",
        "User token.",
        "Content-Type",
        "MIME type.",
      ),
    );
    const [codesTable, headersTable] = tables(m);
    expect(codesTable!.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ["200", "OK"],
      ["400", "Bad request."],
    ]);
    expect(firstColumn(headersTable!)).toEqual(["X-Auth-Token", "Content-Type"]);
  });

  test("a caption without header words stays a paragraph; bullets outside tables are lists", () => {
    const m = readPage("b.txt", para("Title", "Table 1 shows nothing", "Notes:\n  • one\n  • two", "The end."));
    expect(tables(m)).toEqual([]);
    expect(paragraphs(m).map((p) => p.text)).toEqual(["Table 1 shows nothing", "Notes:", "The end."]);
    expect(m.blocks.find((b) => b.kind === "list")).toMatchObject({
      items: [
        { text: "one", line: 6 },
        { text: "two", line: 7 },
      ],
    });
  });

  test("a row name like `type` or `name` is not taken for a header word", () => {
    const m = readPage(
      "h.txt",
      para("T", "Table 1 X", "Parameter", "Type", "Description", "type", "String", "The type."),
    );
    expect(headerTexts(tables(m)[0]!)).toEqual(["Parameter", "Type", "Description"]);
    expect(firstColumn(tables(m)[0]!)).toEqual(["type"]);
  });
});

describe("pipe cells", () => {
  test("bullets, section titles, stray separators, a table at the end of the file", () => {
    const page = [
      "Request Parameters",
      "Intro line",
      "• a bullet",
      "Parameter |",
      "Type |",
      "Description |",
      "---|---|---|",
      "x |",
      "String |",
      "first line",
      "second line",
      "|",
      "y |",
      "Integer |",
      "Why. |",
    ].join("\n");
    expect(detectFormat(page)).toBe("pipe-cells");
    const m = readPage("p.txt", page);
    expect(m.title).toBeUndefined();
    expect(m.blocks.slice(0, 3).map((b) => b.kind)).toEqual(["heading", "paragraph", "list"]);
    const [t] = tables(m);
    expect(t!.line).toBe(4);
    expect(t!.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ["x", "String", "first line\nsecond line"],
      ["y", "Integer", "Why."],
    ]);
    expect(t!.rows[0]!.cells[2]).toMatchObject({ line: 10, paragraphs: ["first line", "second line"] });
  });

  test("an incomplete last row is kept", () => {
    const m = readPage("p.txt", "A |\nB |\n---|---|\na |\n");
    expect(tables(m)[0]!.rows.map((r) => r.cells.map((c) => c.text))).toEqual([["a"]]);
  });
});
