// Declared charsets (BOM, Content-Type, <meta>, <?xml?>) and the check that bytes are text.

import { describe, expect, test } from "vitest";
import { declaredCharset, textProblem } from "../../sync/charset.ts";

const ascii = (s: string) => Buffer.from(s, "latin1");

const declared: [string, { bytes: Uint8Array; contentType?: string; name: string; want: string }][] = [
  ["nothing declared", { bytes: ascii("# x\n"), name: "a.md", want: "utf-8" }],
  [
    "Content-Type wins over meta",
    {
      bytes: ascii('<meta charset="gbk">'),
      contentType: "text/html; charset=ISO-8859-1",
      name: "a.html",
      want: "iso-8859-1",
    },
  ],
  [
    "quoted Content-Type charset",
    { bytes: ascii(""), contentType: 'text/html; charset="Shift_JIS"', name: "a", want: "shift_jis" },
  ],
  [
    "BOM wins over Content-Type",
    {
      bytes: Buffer.from([0xef, 0xbb, 0xbf, 0x41]),
      contentType: "text/html; charset=gbk",
      name: "a.html",
      want: "utf-8",
    },
  ],
  ["meta charset", { bytes: ascii('<html><head><meta charset="GB2312"></head>'), name: "a.html", want: "gb2312" }],
  [
    "meta http-equiv",
    {
      bytes: ascii('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'),
      name: "a.htm",
      want: "windows-1252",
    },
  ],
  [
    "xml declaration",
    { bytes: ascii('<?xml version="1.0" encoding="ISO-8859-15"?><html/>'), name: "a.xhtml", want: "iso-8859-15" },
  ],
  ["meta in Markdown is not a declaration", { bytes: ascii('<meta charset="gbk">\n# x'), name: "a.md", want: "utf-8" }],
  [
    "meta in an HTML response without .html name",
    { bytes: ascii('<meta charset="gbk">'), contentType: "text/html", name: "page", want: "gbk" },
  ],
];

describe("declaredCharset", () => {
  test.each(declared)("%s", (_name, { bytes, contentType, name, want }) => {
    expect(declaredCharset(bytes, { name, ...(contentType ? { contentType } : {}) })).toBe(want);
  });
});

describe("textProblem", () => {
  test("valid text in its charset", () => {
    expect(textProblem(Buffer.from([0xb4, 0xb4, 0xbd, 0xa8]), "gbk")).toBeUndefined(); // 创建
    expect(textProblem(Buffer.from("é", "utf8"), "utf-8")).toBeUndefined();
  });
  test("problems", () => {
    expect(textProblem(Buffer.from([0xe9]), "utf-8")).toBe("is not valid utf-8 text");
    expect(textProblem(Buffer.from("a\0b"), "utf-8")).toBe("contains NUL characters (not a text page)");
    expect(textProblem(Buffer.from("a"), "x-no-such-charset")).toBe(
      `declares charset "x-no-such-charset", which this Node.js cannot decode`,
    );
  });
});
