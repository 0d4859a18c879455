import { describe, expect, test } from "vitest";
import { detectFormat, inlineMarkdown, readPage } from "../../scraper/read/index.ts";
import { codes, headings, paragraphs, tables } from "./helpers.ts";

describe("inlineMarkdown", () => {
  test.each([
    ["POST /v3/\\{project\\_id\\}/backups", "POST /v3/{project_id}/backups"],
    ["**bold** and _italic_ and __strong__", "bold and italic and strong"],
    ["_IAM__\\_Endpoint_替换", "IAM_Endpoint替换"],
    ["_username_和_password_分别", "username和password分别"],
    ["project_id stays, snake_case_name too", "project_id stays, snake_case_name too"],
    ["a * b and 2 * 3", "a * b and 2 * 3"],
    ["`code \\_x_` kept", "code \\_x_ kept"],
    ['标题<a name="section1"></a>', "标题"],
    ['**图 1**  URI示意图<a name="fig1"></a>  \n![](figures/URI.png "URI示意图")', "图 1 URI示意图"],
    ["&gt;!&lt;&quot;&amp;'= &#20013;", `>!<"&'= 中`],
    ["[unclosed and ] no link", "[unclosed and ] no link"],
    ["[[[[", "[[[["],
    ["5\\~10分钟", "5~10分钟"],
    ["a\\b", "a\\b"],
  ])("%j", (input, output) => {
    expect(inlineMarkdown(input).text).toBe(output);
  });

  test("links", () => {
    expect(inlineMarkdown("详情请参见[状态码](状态码.md)。")).toEqual({
      text: "详情请参见状态码。",
      links: [{ text: "状态码", href: "状态码.md" }],
    });
    expect(inlineMarkdown('see [the **guide**](https://x.example/a_b "Title") and <https://y.example>').links).toEqual([
      { text: "the guide", href: "https://x.example/a_b" },
      { text: "https://y.example", href: "https://y.example" },
    ]);
  });

  test("captions keep their spacing", () => {
    expect(inlineMarkdown("**表 3**  backup字段数据结构说明", false).text).toBe("表 3  backup字段数据结构说明");
  });
});

describe("Markdown reader", () => {
  const page = [
    '# 构造请求<a name="a1"></a>',
    "",
    '## 请求URI<a name="s1"></a>',
    "",
    '1.  <a name="li1"></a>获取相关信息。',
    "    1.  获取项目ID，具体请参见[获取项目ID](获取项目ID.md)。",
    "    2.  second",
    "2.  发送请求",
    "    continued on the next line",
    "",
    ">![](public_sys-resources/icon-note.gif) **说明：**   ",
    ">请求体样例中参数“region”的值为示例值。  ",
    "",
    "**Table 1**  Pipes",
    "",
    "| Parameter | Type | Description |",
    "| --- | --- | --- |",
    "| a\\_b | String | one \\| two |",
    "| c | Integer | [see](x.md) |",
    "",
    "~~~json",
    '{ "a": 1 }',
    "~~~",
    "",
    "**表 9**  not followed by a table",
    "",
    '<div class="p">HTML block <b>text</b></div>',
  ].join("\n");

  test("lists, notes, pipe tables, fences, captions without tables, HTML blocks", () => {
    const m = readPage("p.md", page);
    expect(m.format).toBe("markdown-html");
    expect(m.title).toBe("构造请求");
    expect(headings(m)).toEqual(["构造请求", "请求URI"]);
    const lists = m.blocks.flatMap((b) => (b.kind === "list" ? [b] : []));
    expect(lists.map((l) => [l.ordered, l.items.map((i) => i.text)])).toEqual([
      [true, ["获取相关信息。"]],
      [true, ["获取项目ID，具体请参见获取项目ID。", "second"]],
      [true, ["发送请求 continued on the next line"]],
    ]);
    expect(lists[1]!.items[0]!.links).toEqual([{ text: "获取项目ID", href: "获取项目ID.md" }]);
    expect(lists.map((l) => l.line)).toEqual([5, 6, 8]);
    const ps = paragraphs(m).map((p) => [p.text, p.line]);
    expect(ps).toEqual([
      ["说明：", 11],
      ["请求体样例中参数“region”的值为示例值。", 12],
      ["表 9 not followed by a table", 25],
      ["HTML block text", 27],
    ]);
    const [t] = tables(m);
    expect(t!.caption).toBe("Table 1  Pipes");
    expect(t!.line).toBe(16);
    expect(t!.header.map((c) => c.text)).toEqual(["Parameter", "Type", "Description"]);
    expect(t!.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ["a_b", "String", "one | two"],
      ["c", "Integer", "see"],
    ]);
    expect(t!.rows[1]!.cells[2]!.links).toEqual([{ text: "see", href: "x.md" }]);
    expect(codes(m)).toEqual([{ kind: "code", text: '{ "a": 1 }', line: 21 }]);
  });

  test("detection", () => {
    expect(detectFormat("# Title\n\nSome text.\n")).toBe("markdown-html");
    expect(detectFormat("\ufeff# 标题\r\n\r\n正文\r\n")).toBe("markdown-html");
    expect(detectFormat("intro\n\n**表 1**  参数说明\n\n<table><tr><td>x</td></tr></table>\n")).toBe("markdown-html");
    expect(detectFormat("Title\n\n| a | b |\n|---|---|\n| 1 | 2 |\n## Section\n[x](y.md)\n")).toBe("markdown-html");
  });
});
