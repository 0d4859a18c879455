// DITA HTML without the Gitea wrapper (the ELB corpus) and the HTML edge cases.

import { describe, expect, test } from "vitest";
import { escapeStrayMarkup } from "../../scraper/read/html.ts";
import { detectFormat, readPage } from "../../scraper/read/index.ts";
import { codes, firstColumn, fixture, headerTexts, headings, paragraphs, rowNamed, tables } from "./helpers.ts";

describe("escapeStrayMarkup", () => {
  test.each([
    [`special characters: >!<"&'=`, `special characters: >!&lt;"&amp;'=`],
    ["List<String> and Map<String,Object>", "List&lt;String> and Map&lt;String,Object>"],
    ["a < b && c", "a &lt; b &amp;&amp; c"],
    ["&copy= &lt; &#60; &#x3C; &amp;", "&amp;copy= &lt; &#60; &#x3C; &amp;"],
    ['<p id="x">t</p><br/><!-- c --><a href="?a=1&amp;b=2">', '<p id="x">t</p><br/><!-- c --><a href="?a=1&amp;b=2">'],
    ["</String>", "&lt;/String>"],
    ["", ""],
  ])("%j", (input, output) => {
    expect(escapeStrayMarkup(input)).toBe(output);
  });
});

describe("stray markup in text survives parsing", () => {
  test.each([
    [`cannot contain: >!<"&'=`, `cannot contain: >!<"&'=`],
    ["Type: List<String>", "Type: List<String>"],
    ["x &copy= y & z", "x &copy= y & z"],
    ["1 < 2 and 3 > 2", "1 < 2 and 3 > 2"],
    ["&lt;b&gt; is escaped", "<b> is escaped"],
  ])("%j", (text, expected) => {
    const html = `<h1 class="topictitle1">T</h1>\n<table><thead><tr><th>Parameter</th><th>Description</th></tr></thead>\n<tbody><tr><td>p</td><td><p>${text}</p></td></tr></tbody></table>\n<p>${text}</p>`;
    const m = readPage("x.html", html);
    expect(tables(m)[0]!.rows[0]!.cells[1]!.text).toBe(expected);
    expect(paragraphs(m)[0]!.text).toBe(expected);
  });
});

describe("ELB DITA HTML (no Gitea chrome)", () => {
  const create = () => readPage("elb-create-member.html", fixture("read/elb-create-member.html"));
  const list = () => readPage("elb-list-members.html", fixture("read/elb-list-members.html"));

  test("CreateMember", () => {
    const m = create();
    expect(m.format).toBe("dita-html");
    expect(m.title).toBe("Adding a Backend Server");
    expect(m.titleLine).toBe(3);
    expect(headings(m, 2)).toEqual([
      "Function",
      "Constraints",
      "URI",
      "Request Parameters",
      "Response Parameters",
      "Example Requests",
      "Example Responses",
      "Status Codes",
      "Error Codes",
    ]);
    const ts = tables(m);
    expect(ts.map((t) => t.caption)).toEqual([
      "Table 1 Path parameters",
      "Table 2 Request header parameters",
      "Table 3 Request body parameters",
      "Table 4 CreateMemberOption",
      "Table 5 Response body parameters",
      "Table 6 Member",
      undefined,
    ]);
    expect(ts[0]!.anchors).toEqual([]);
    expect(firstColumn(ts[3]!)).toEqual([
      "address",
      "admin_state_up",
      "name",
      "project_id",
      "protocol_port",
      "subnet_cidr_id",
      "weight",
    ]);
    expect(ts[3]!.anchors).toEqual(["CreateMember__request_CreateMemberOption", "request_CreateMemberOption"]);
    expect(rowNamed(ts[2]!, "member").cells[2]).toMatchObject({
      text: "CreateMemberOption object",
      links: [{ text: "CreateMemberOption", href: "#CreateMember__request_CreateMemberOption" }],
    });
    const address = rowNamed(ts[3]!, "address").cells[3]!;
    expect(address.lists[0]).toHaveLength(3);
    expect(address.paragraphs).toContain("Minimum: 1");
    // The status code table has no caption, only an id.
    expect(headerTexts(ts[6]!)).toEqual(["Status Code", "Description"]);
    expect(ts[6]!.anchors).toEqual(["CreateMember__status_code"]);
    expect(firstColumn(ts[6]!)).toEqual(["201"]);
    // Constraints: a list whose items are <li><p>...</p></li>.
    const constraints = m.blocks.find((b) => b.kind === "list");
    expect(constraints).toMatchObject({ kind: "list", line: 7 });
    if (constraints?.kind === "list") expect(constraints.items).toHaveLength(4);
    expect(codes(m).map((c) => c.line)).toEqual([320, 335]);
    expect(paragraphs(m).map((p) => p.text)).toContain("POST /v3/{project_id}/elb/pools/{pool_id}/members");
  });

  test("ListMembers: query parameters with lists in cells", () => {
    const m = list();
    const ts = tables(m);
    expect(ts[1]!.caption).toBe("Table 2 Query parameters");
    expect(firstColumn(ts[1]!).slice(0, 3)).toEqual(["marker", "limit", "page_reverse"]);
    const marker = rowNamed(ts[1]!, "marker").cells[3]!;
    expect(marker.paragraphs.slice(0, 2)).toEqual([
      "Specifies the ID of the last record on the previous page.",
      "Note:",
    ]);
    expect(marker.lists[0]![0]).toBe("This parameter must be used together with limit.");
    expect(marker.text.split("\n")[2]).toBe("- This parameter must be used together with limit.");
    expect(rowNamed(ts[3]!, "members").cells[1]!.text).toBe("Array of Member objects");
  });

  test("rowspan cells repeat in every row they cover; a first row of header words is the header", () => {
    const m = readPage("elb-status-codes.html", fixture("read/elb-status-codes.html"));
    const [, errors, codesTable] = tables(m);
    expect(headerTexts(errors!)).toEqual(["Status Code", "Type", "Possible Cause"]);
    for (const r of errors!.rows) expect(r.cells).toHaveLength(3);
    expect(firstColumn(errors!).slice(0, 13)).toEqual([...Array(12).fill("400"), "401"]);
    expect(errors!.rows[1]!.cells[1]!.text).toBe("Bad request");
    expect(errors!.rows[1]!.cells[2]!.text).toBe("Invalid admin _state_up value.");
    // Table 3 has no <thead> and no <th>: its first row holds the header words.
    expect(headerTexts(codesTable!)).toEqual([
      "Module",
      "HTTP Status Code",
      "Error Code",
      "Error Message",
      "Description",
      "Handling Measure",
    ]);
    expect(codesTable!.rows[0]!.cells[2]!.text).toBe("ELB.0002");
  });
});

describe("odd HTML", () => {
  test("truncated page", () => {
    const full = fixture("seeds/taurusdb-create-manual-backup.en.gitea.html");
    const cut = full.slice(0, full.indexOf("Backup description. It contains"));
    const m = readPage("cut.html", cut);
    expect(m.format).toBe("dita-html");
    expect(m.title).toBe("Creating a Manual Backup");
    const last = tables(m).at(-1)!;
    expect(firstColumn(last)).toEqual(["instance_id", "name", "description"]);
  });

  test("a table without header cells keeps all rows as rows", () => {
    const m = readPage("t.html", "<h1>T</h1><table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>");
    const t = tables(m)[0]!;
    expect(t.header).toEqual([]);
    expect(firstColumn(t)).toEqual(["a", "c"]);
  });

  test("a table nested in a cell becomes paragraphs of that cell", () => {
    const m = readPage(
      "t.html",
      "<h1>T</h1><table><thead><tr><th>Parameter</th><th>Description</th></tr></thead><tbody><tr><td>p</td><td><p>Values:</p><table><tr><td>1</td><td>one</td></tr></table></td></tr></tbody></table>",
    );
    const t = tables(m);
    expect(t).toHaveLength(1);
    expect(t[0]!.rows[0]!.cells[1]!.paragraphs).toEqual(["Values:", "1 | one"]);
  });

  test("DITA HTML without chrome or sections is still DITA HTML", () => {
    expect(detectFormat('<a name="x"></a>\n<h1 class="topictitle1">T</h1>\n<p>x</p>')).toBe("dita-html");
    expect(detectFormat("<table><tr><td>x</td></tr></table>")).toBe("dita-html");
  });
});
