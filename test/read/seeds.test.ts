// The five seed pages ("create a manual backup" for five services, five formats).

import { describe, expect, test } from "vitest";
import type { PageFormat, PageModel } from "../../scraper/page-model.ts";
import { detectFormat, readPage } from "../../scraper/read/index.ts";
import {
  codes,
  firstColumn,
  fixture,
  headerTexts,
  headings,
  paragraphs,
  rowNamed,
  sourceLines,
  tables,
} from "./helpers.ts";

const TAURUS = "seeds/taurusdb-create-manual-backup.en.gitea.html";
const GEMINI = "seeds/geminidb-cassandra-create-manual-backup.en.gitea.html";
const DDS = "seeds/dds-create-manual-backup.zh.md";
const GAUSS = "seeds/gaussdb-opengauss-create-manual-backup.en.txt";
const RDS = "seeds/rds-create-manual-backup.en.pipes.txt";

interface Expected {
  file: string;
  format: PageFormat;
  title: string | undefined;
  titleLine?: number;
  sections: string[];
  tables: { caption: string | undefined; header: string[]; names: string[] }[];
  /** Starts of the code blocks, in order. */
  code: string[];
}

const MANDATORY4 = ["Parameter", "Mandatory", "Type", "Description"];
const OUT3 = ["Parameter", "Type", "Description"];

const expected: Expected[] = [
  {
    file: TAURUS,
    format: "dita-html",
    title: "Creating a Manual Backup",
    titleLine: 14,
    sections: [
      "Function",
      "URI",
      "Request Parameters",
      "Response Parameters",
      "Example Request",
      "Example Response",
      "Status Code",
      "Error Code",
    ],
    tables: [
      { caption: "Table 1 Parameter description", header: ["Name", "Mandatory", "Description"], names: ["project_id"] },
      {
        caption: "Table 2 Request header parameters",
        header: MANDATORY4,
        names: ["X-Auth-Token", "X-Language", "Content-Type"],
      },
      { caption: "Table 3 Request body parameters", header: MANDATORY4, names: ["instance_id", "name", "description"] },
      { caption: "Table 4 Response body parameter", header: OUT3, names: ["backup"] },
      {
        caption: "Table 5 backup",
        header: OUT3,
        names: ["id", "name", "descriprion", "begin_time", "status", "type", "instance_id"],
      },
      { caption: "Table 6 Response body parameters", header: OUT3, names: ["error_code", "error_msg"] },
      { caption: "Table 7 Response body parameters", header: OUT3, names: ["error_code", "error_msg"] },
    ],
    code: ["POST https://gaussdb-mysql.eu-de.otc.t-systems.com/mysql/v3/", '{\n"backup" : {'],
  },
  {
    file: GEMINI,
    format: "dita-html",
    title: "Creating a Manual Backup",
    titleLine: 14,
    sections: [
      "Function",
      "Constraints",
      "URI",
      "Request Parameters",
      "Response Parameters",
      "Example Request",
      "Example Response",
      "Status Codes",
      "Error Codes",
    ],
    tables: [
      { caption: "Table 1 URI parameters", header: MANDATORY4, names: ["project_id", "instance_id"] },
      { caption: "Table 2 Request header parameter", header: MANDATORY4, names: ["Content-Type", "X-Auth-Token"] },
      { caption: "Table 3 Request body parameters", header: MANDATORY4, names: ["name", "description"] },
      { caption: "Table 4 Response body parameters", header: OUT3, names: ["job_id", "backup_id"] },
    ],
    code: ["POST https://{Endpoint}/v3/054e292c9880d499", '{\n"name" : "backup-4f57"', '{\n"job_id"'],
  },
  {
    file: DDS,
    format: "markdown-html",
    title: "创建手动备份",
    titleLine: 1,
    sections: ["功能介绍", "接口约束", "URI", "请求消息", "响应消息", "状态码", "错误码"],
    tables: [
      { caption: "表 1  参数说明", header: ["名称", "是否必选", "描述"], names: ["project_id"] },
      { caption: "表 2  参数说明", header: ["名称", "是否必选", "参数类型", "描述"], names: ["backup"] },
      {
        caption: "表 3  backup字段数据结构说明",
        header: ["名称", "是否必选", "参数类型", "描述"],
        names: ["instance_id", "name", "description"],
      },
      { caption: "表 4  要素说明", header: ["名称", "参数类型", "描述"], names: ["backup_id"] },
    ],
    code: ["POST https://DDS的Endpoint/v3/{project_id}/backups", '{\n        "backup":{', '{\n    "backup_id"'],
  },
  {
    file: GAUSS,
    format: "plain-text",
    title: "Creating a Manual Backup",
    titleLine: 3,
    sections: [
      "Function",
      "URI",
      "Request Parameters",
      "Example Request",
      "Response Parameters",
      "Example Response",
      "Status Code",
      "Error Code",
    ],
    tables: [
      { caption: "Table 1 Parameter description", header: MANDATORY4, names: ["project_id"] },
      { caption: "Table 2 Parameter description", header: MANDATORY4, names: ["instance_id", "name", "description"] },
      { caption: "Table 3 Response body parameters", header: OUT3, names: ["backup", "job_id"] },
      {
        caption: "Table 4 backup field data structure description",
        header: OUT3,
        names: ["id", "name", "description", "begin_time", "status", "type", "instance_id"],
      },
    ],
    code: ['{\n  "instance_id" : "7e01ac5ac5274957ba506f3851d11d51in14"', '{\n    "backup": {'],
  },
  {
    file: RDS,
    format: "pipe-cells",
    title: undefined,
    sections: [],
    tables: [
      { caption: undefined, header: ["Name", "Mandatory", "Description"], names: ["project_id"] },
      {
        caption: undefined,
        header: ["Name", "Mandatory", "Type", "Description"],
        names: ["instance_id", "name", "description", "databases"],
      },
      { caption: undefined, header: ["Name", "Type", "Description"], names: ["backup"] },
      {
        caption: undefined,
        header: ["Name", "Type", "Description"],
        names: ["id", "instance_id", "name", "description", "databases", "begin_time", "status", "type"],
      },
    ],
    code: ['{ "instance_id": "d8e6ca5a624745bcb546a227aa3ae1cfin01"', '{ "backup": { "id"'],
  },
];

const models = new Map<string, PageModel>();
function model(file: string): PageModel {
  let m = models.get(file);
  if (!m) models.set(file, (m = readPage(file, fixture(file))));
  return m;
}

describe.each(expected)("$file", (e) => {
  test("format is detected from the content", () => {
    expect(detectFormat(fixture(e.file))).toBe(e.format);
    expect(model(e.file).format).toBe(e.format);
    expect(model(e.file).file).toBe(e.file);
  });

  test("title", () => {
    expect(model(e.file).title).toBe(e.title);
    if (e.titleLine !== undefined) expect(model(e.file).titleLine).toBe(e.titleLine);
  });

  test("section headings", () => {
    expect(headings(model(e.file), 2)).toEqual(e.sections);
  });

  test("tables: captions, headers, first columns", () => {
    const got = tables(model(e.file)).map((t) => ({
      caption: t.caption,
      header: headerTexts(t),
      names: firstColumn(t),
    }));
    expect(got).toEqual(e.tables);
  });

  test("every row has one cell per header cell", () => {
    for (const t of tables(model(e.file))) {
      for (const r of t.rows) expect(r.cells.length, `${t.caption} row at ${r.line}`).toBe(t.header.length);
    }
  });

  test("code blocks", () => {
    const got = codes(model(e.file)).map((c) => c.text);
    expect(got.length).toBe(e.code.length);
    e.code.forEach((start, i) => expect(got[i]!.startsWith(start), `${got[i]} starts with ${start}`).toBe(true));
  });

  test("block lines are inside the file and in document order", () => {
    const n = sourceLines(fixture(e.file)).length;
    let last = 0;
    for (const b of model(e.file).blocks) {
      expect(b.line).toBeGreaterThanOrEqual(Math.max(1, last));
      expect(b.line).toBeLessThanOrEqual(n);
      last = b.line;
    }
  });
});

/** The source line a cell points at contains the expected text. */
function expectLine(file: string, line: number, contains: string): void {
  expect(sourceLines(fixture(file))[line - 1]).toContain(contains);
}

describe("TaurusDB (Gitea DITA HTML)", () => {
  const m = () => model(TAURUS);

  test("the Gitea chrome does not become content", () => {
    const text = JSON.stringify(m().blocks);
    for (const chrome of ["Reviewed-by", "Co-authored-by", "291 lines", "22 KiB", "doc-exports/docs"]) {
      expect(text).not.toContain(chrome);
    }
    expect(m().blocks[0]).toMatchObject({ kind: "heading", level: 1, text: "Creating a Manual Backup", line: 14 });
  });

  test("a list item holding a paragraph and a table is flattened in document order", () => {
    const start = m().blocks.findIndex((b) => b.kind === "heading" && b.text === "URI");
    const uri = m().blocks.slice(start + 1, start + 7);
    expect(uri.map((b) => b.kind)).toEqual(["list", "paragraph", "list", "paragraph", "list", "table"]);
    expect(uri[0]).toMatchObject({ kind: "list", items: [{ text: "URI format", line: 18 }] });
    expect(uri[1]).toMatchObject({ text: "POST https://{endpoint}/mysql/v3/{project_id}/backups/create", line: 18 });
    expect(uri[4]).toMatchObject({ kind: "list", items: [{ text: "Parameter description" }] });
  });

  test("tables: anchors, cell lines, paragraphs, lists and links", () => {
    const [, , body, out, backup] = tables(m());
    expect(body!.anchors).toEqual(["gaussdb_11_0022__en-us_topic_0000001181562672_request_MysqlCreateBackupRequest"]);
    expect(body!.rows.map((r) => r.line)).toEqual([93, 102, 112]);
    const name = rowNamed(body!, "name");
    expect(name.cells.map((c) => c.line)).toEqual([102, 104, 106, 108]);
    expect(name.cells[3]!.paragraphs).toEqual([
      "Backup name.",
      "The value consists of 4 to 64 characters and starts with a letter. It is case-sensitive and contains only letters, digits, hyphens (-), and underscores (_).",
    ]);
    expect(rowNamed(body!, "description").cells[3]!.text).toBe(
      `Backup description. It contains a maximum of 256 characters and cannot contain the special characters (>!<"&'=)`,
    );
    expectLine(TAURUS, 108, "Backup name.");

    // "backup object" links to the table anchored by the preceding <a name> and its id.
    expect(out!.rows[0]!.cells[1]).toMatchObject({
      text: "backup object",
      links: [{ text: "backup", href: "#gaussdb_11_0022__en-us_topic_0000001181562672_response_backup" }],
    });
    expect(backup!.anchors).toEqual([
      "gaussdb_11_0022__en-us_topic_0000001181562672_response_backup",
      "en-us_topic_0000001181562672_response_backup",
    ]);

    const status = rowNamed(backup!, "status").cells[2]!;
    expect(status.line).toBe(184);
    expect(status.paragraphs).toEqual(["Backup status", "Valid value:"]);
    expect(status.lists).toEqual([
      [
        "BUILDING: Backup in progress",
        "COMPLETED: Backup completed",
        "FAILED: Backup failed",
        "AVAILABLE: Backup available",
      ],
    ]);
    expect(status.text).toBe(
      "Backup status\nValid value:\n- BUILDING: Backup in progress\n- COMPLETED: Backup completed\n- FAILED: Backup failed\n- AVAILABLE: Backup available",
    );
  });

  test("paragraph links", () => {
    const p = paragraphs(m()).find((b) => b.text === "For details, see Status Codes.");
    expect(p).toMatchObject({ links: [{ text: "Status Codes", href: "gaussdb_10_0002.html" }], line: 284 });
  });

  test("code keeps its lines; the example request starts on the <pre> line", () => {
    const [req, res] = codes(m());
    expect(req!.line).toBe(262);
    expect(req!.text.split("\n")).toEqual([
      "POST https://gaussdb-mysql.eu-de.otc.t-systems.com/mysql/v3/0483b6b16e954cb88930a360d2c4e663/backups/create",
      "{",
      '"instance_id": "d8e6ca5a624745bcb546a227aa3ae1cfin01",',
      '"name": "backup-1",',
      '"description": "manual backup"',
      "}",
    ]);
    expect(res!.line).toBe(272);
  });
});

describe("GeminiDB (Gitea DITA HTML with `|` lines and decoded entities)", () => {
  const m = () => model(GEMINI);

  test("the text `>!<\"&'=` survives", () => {
    const cell = rowNamed(tables(m())[2]!, "description").cells[3]!;
    expect(cell.paragraphs[1]).toBe(
      `The description can include a maximum of 256 characters and cannot contain the following special characters: >!<"&'=`,
    );
    expect(cell.line).toBe(309);
  });

  test("`|` lines produce no content and lines still refer to the original file", () => {
    const all = JSON.stringify(m().blocks);
    expect(all).not.toMatch(/"\|"|\\n\|/);
    const uri = tables(m())[0]!;
    expect(uri.rows[0]!.cells.map((c) => c.line)).toEqual([67, 73, 79, 85]);
    expectLine(GEMINI, 67, "project_id");
    const [, req, res] = codes(m());
    expect(req).toMatchObject({ text: '{\n"name" : "backup-4f57",\n"description" : "manual backup"\n}', line: 419 });
    expect(res!.line).toBe(443);
  });

  test("list items holding code are flattened", () => {
    const start = m().blocks.findIndex((b) => b.kind === "heading" && b.text === "Example Request");
    expect(
      m()
        .blocks.slice(start + 1, start + 5)
        .map((b) => b.kind),
    ).toEqual(["list", "code", "list", "code"]);
  });
});

describe("DDS (Chinese Markdown with HTML tables)", () => {
  const m = () => model(DDS);

  test("escaped Markdown is unescaped in text", () => {
    const p = paragraphs(m()).find((b) => b.text.startsWith("POST /v3/"));
    expect(p).toMatchObject({ text: "POST /v3/{project_id}/backups", line: 15 });
  });

  test("heading anchors are stripped", () => {
    expect(headings(m())).not.toContain(expect.stringContaining("<a"));
    expect(m().blocks.find((b) => b.kind === "heading" && b.text === "URI")).toMatchObject({ level: 2, line: 11 });
  });

  test("captions, anchors and cell lines of the embedded tables", () => {
    const [t1, t2, t3] = tables(m());
    expect(t1!.anchors).toEqual(["table58427690"]);
    expect(t1!.line).toBe(22);
    expect(t3!.anchors).toEqual(["table35260043174853"]);
    const backup = t2!.rows[0]!.cells[3]!;
    expect(backup).toMatchObject({
      text: "备份参数对象。详情请参见表3。",
      links: [{ text: "表3", href: "#table35260043174853" }],
      line: 64,
    });
    const name = rowNamed(t3!, "name");
    expect(name.cells.map((c) => c.line)).toEqual([92, 94, 96, 98]);
    expect(name.cells[1]!.text).toBe("是");
    expect(name.cells[3]!.paragraphs[1]).toMatch(/^取值范围：长度为4~64位/);
    expect(rowNamed(t3!, "description").cells[3]!.paragraphs[1]).toBe(
      "取值范围：长度不超过256位，且不能包含>!<\"&'=特殊字符。",
    );
  });

  test("bullets with indented content: item, then its paragraph/table/code", () => {
    const start = m().blocks.findIndex((b) => b.kind === "heading" && b.text === "请求消息");
    const kinds = m()
      .blocks.slice(start + 1, start + 8)
      .map((b) => (b.kind === "list" ? `list:${b.items.map((i) => i.text).join(",")}` : b.kind));
    expect(kinds).toEqual(["list:参数说明", "table", "table", "list:请求头", "code", "list:请求体样例", "code"]);
    expect(codes(m())[1]).toMatchObject({ line: 124 });
  });

  test("Markdown links", () => {
    expect(paragraphs(m()).at(-1)).toMatchObject({
      text: "详情请参见错误码。",
      links: [{ text: "错误码", href: "错误码.md" }],
      line: 176,
    });
  });
});

describe("GaussDB (plain text)", () => {
  const m = () => model(GAUSS);

  test("Table 4: rows, a description over several paragraphs, and a list in a cell", () => {
    const t4 = tables(m())[3]!;
    expect(t4.line).toBe(110);
    const status = rowNamed(t4, "status");
    expect(status.line).toBe(144);
    expect(status.cells.map((c) => c.line)).toEqual([144, 146, 148]);
    expect(status.cells[2]!.paragraphs).toEqual(["Backup status. Value:"]);
    expect(status.cells[2]!.lists).toEqual([
      ["BUILDING: Backup in progress", "COMPLETED: Backup completed", "FAILED: Backup failed"],
    ]);
    expect(rowNamed(t4, "begin_time").cells[2]!.paragraphs).toHaveLength(2);
  });

  test("extra description paragraphs stay in their cell", () => {
    const [, t2, t3] = tables(m());
    expect(rowNamed(t2!, "name").cells[3]!.paragraphs.slice(1)).toEqual([
      "Minimum characters: 4",
      "Maximum characters: 64",
    ]);
    expect(rowNamed(t2!, "description").cells[3]!.text).toBe(
      `Backup description. It contains up to 256 characters and cannot contain special characters (>!<"&'=).\nMaximum characters: 256`,
    );
    expect(rowNamed(t3!, "backup").cells[2]!.paragraphs).toEqual(["Backup information.", "For details, see Table 4."]);
  });

  test("the request line is a paragraph and the JSON after it a code block", () => {
    const i = m().blocks.findIndex((b) => b.kind === "paragraph" && b.text.startsWith("POST https://gaussdb"));
    expect(m().blocks[i]!.line).toBe(79);
    expect(m().blocks[i + 1]).toMatchObject({ kind: "code", line: 80 });
    expect(codes(m())[1]!.line).toBe(168);
  });

  test('"Updated on" is not the title', () => {
    expect(m().blocks[0]).toMatchObject({ kind: "paragraph", text: "Updated on 2024-05-21 GMT+08:00", line: 1 });
    expect(m().blocks[1]).toMatchObject({ kind: "heading", level: 1, text: "Creating a Manual Backup" });
  });
});

describe("RDS (pipe-terminated cells)", () => {
  const m = () => model(RDS);

  test("text outside tables", () => {
    expect(m().blocks[0]).toMatchObject({
      kind: "paragraph",
      text: "This API is used to create a manual backup.",
      line: 1,
    });
    expect(paragraphs(m()).map((p) => p.text)).toContain(
      "POST https://rds.eu-de.otc.t-systems.com/v3/0483b6b16e954cb88930a360d2c4e663/backups",
    );
    expect(codes(m()).map((c) => c.line)).toEqual([31, 69]);
  });

  test("cells, cell lines, and a cell closed by a lone `|`", () => {
    const [t1, t2, , t4] = tables(m());
    expect(t1!.line).toBe(2);
    expect(t2!.rows.map((r) => r.line)).toEqual([14, 18, 22, 26]);
    expect(rowNamed(t2!, "databases").cells[2]!.text).toBe("Array of objects");
    expect(rowNamed(t2!, "description").cells[3]!.text).toMatch(/special characters: >!<"&'=$/);
    const status = rowNamed(t4!, "status");
    expect(status.cells[2]).toMatchObject({ text: "Indicates the backup status. Value:", line: 63 });
    expect(rowNamed(t4!, "type").line).toBe(65);
  });
});
