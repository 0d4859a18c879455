// The whole scraper in linear time: a 10 MB page of each of the four formats (a real page with one
// of its tables grown by repeating its rows) and 100 000-character adversarial description cells
// in real pages. No timing assertions: the generous timeouts only catch a hang or a catastrophic
// backtrack. The 10 MB timings are printed so they can be quoted.

import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { parseConfig, type ServiceConfig } from "../../core/config.ts";
import { scrapeService, type ScrapeResult } from "../../scraper/index.ts";
import { detectFormat } from "../../scraper/read/index.ts";
import { serializeJson } from "../../core/stable-json.ts";
import { repoRoot } from "../../fuzz/run.ts";

const TEN_MB = 10 * 1024 * 1024;
const HANG = 120_000;

const config = parseConfig(
  JSON.parse(readFileSync(path.join(repoRoot, "docs2ts.config.json"), "utf8")),
  "docs2ts.config.json",
);
const service = (name: string): ServiceConfig => config.services.find((s) => s.name === name)!;
const source = (file: string): string => readFileSync(path.join(repoRoot, file), "utf8");

interface FormatCase {
  format: string;
  service: string;
  file: string;
  /** Where the grown rows go and what is repeated: [start, end) of the page. */
  rows: (page: string) => { start: number; end: number };
  /** Copy `i` of the rows with its parameter names made unique. */
  rename: (rows: string, i: number) => string;
  /** A phrase in a string field's description cell: the adversarial text goes right after it. */
  descriptionAnchor: string;
}

/** The rows of the `<tbody>` with the most rows. */
function largestTbody(page: string): { start: number; end: number } {
  let best = { start: 0, end: 0, rows: -1 };
  for (let from = page.indexOf("<tbody"); from >= 0; from = page.indexOf("<tbody", from + 1)) {
    const start = page.indexOf("<tr", from);
    const end = page.indexOf("</tbody>", from);
    if (start < 0 || end < start) continue;
    const rows = page.slice(start, end).split("<tr").length - 1;
    if (rows > best.rows) best = { start, end, rows };
  }
  return best;
}

/** In each `<tr>`, the first `>name</p>` (the name cell) gets a suffix. */
function renameHtmlRows(rows: string, i: number): string {
  return rows
    .split("<tr")
    .map((piece, k) =>
      k === 0 ? piece : piece.replace(/>([A-Za-z_][\w.-]{0,100})<\/p>/, (_m, name: string) => `>${name}_${i}</p>`),
    )
    .join("<tr");
}

const FORMATS: FormatCase[] = [
  {
    format: "dita-html",
    service: "elb",
    file: "sources/elb/CreateLoadBalancer.html",
    rows: largestTbody,
    rename: renameHtmlRows,
    descriptionAnchor: "Specifies the load balancer name.",
  },
  {
    format: "markdown-html",
    service: "dds",
    file: "sources/dds/创建实例.md",
    rows: largestTbody,
    rename: renameHtmlRows,
    descriptionAnchor: "实例名称。用于表示实例的名称",
  },
  {
    format: "plain-text",
    service: "gaussdb-opengauss",
    file: "sources/gaussdb-opengauss/gaussdb-opengauss-create-manual-backup.en.txt",
    rows: (page) => ({ start: page.indexOf("\ninstance_id\n") + 1, end: page.indexOf("Example Request") }),
    rename: (rows, i) =>
      rows.replace(/^([a-z_]{1,64})\n\n(Yes|No)\n/gm, (_m, name: string, yes: string) => `${name}_${i}\n\n${yes}\n`),
    descriptionAnchor: "Backup name.",
  },
  {
    format: "pipe-cells",
    service: "rds",
    file: "sources/rds/rds-create-manual-backup.en.pipes.txt",
    rows: (page) => ({ start: page.indexOf("\ninstance_id |\n") + 1, end: page.indexOf("POST https://") }),
    rename: (rows, i) =>
      rows.replace(
        /^([a-z_]{1,64}) \|\n(Yes|No) \|\n/gm,
        (_m, name: string, yes: string) => `${name}_${i} |\n${yes} |\n`,
      ),
    descriptionAnchor: "Specifies the backup name.",
  },
];

/** The page with its rows repeated (names made unique) until it is at least `size` characters. */
function grow(c: FormatCase, size: number): string {
  const page = source(c.file);
  const { start, end } = c.rows(page);
  if (start <= 0 || end <= start) throw new Error(`${c.file}: rows to repeat not found`);
  const rows = page.slice(start, end);
  const copies: string[] = [];
  let total = page.length;
  for (let i = 1; total < size; i++) {
    const copy = c.rename(rows, i);
    copies.push(copy);
    total += copy.length;
  }
  return page.slice(0, end) + copies.join("") + page.slice(end);
}

function scrape(c: FormatCase, content: string): ScrapeResult {
  return scrapeService(service(c.service), [{ file: c.file, content }]);
}

/** All schemas' property counts, summed (a rough measure of how many rows made it into the spec). */
function propertyCount(value: unknown): number {
  if (typeof value !== "object" || value === null) return 0;
  let n = 0;
  for (const [k, v] of Object.entries(value)) {
    if (k === "properties" && typeof v === "object" && v !== null) n += Object.keys(v).length;
    n += propertyCount(v);
  }
  return n;
}

describe("a 10 MB page of each format scrapes", () => {
  test.each(FORMATS)(
    "$format ($file)",
    (c) => {
      const content = grow(c, TEN_MB);
      expect(detectFormat(content)).toBe(c.format);
      const started = performance.now();
      const result = scrape(c, content);
      const ms = performance.now() - started;
      const bytes = Buffer.byteLength(content, "utf8");
      const properties = propertyCount(result.spec);
      console.log(
        `10 MB ${c.format}: ${(bytes / 1024 / 1024).toFixed(1)} MiB scraped in ${(ms / 1000).toFixed(2)} s (${properties} properties, ${result.diagnostics.length} diagnostics)`,
      );
      expect(result.spec.openapi).toBe("3.1.0");
      expect(result.pages[0]?.kind).toBe("operation");
      // The repeated rows reached the spec: thousands of fields, not a handful.
      expect(properties).toBeGreaterThan(1_000);
      expect(serializeJson(result.spec).length).toBeGreaterThan(0);
    },
    HANG,
  );
});

const N = 100_000;
const run = (unit: string): string => unit.repeat(Math.ceil(N / unit.length)).slice(0, N);

/** Runs that the prose regexes (constraints, enums, defaults, allowed characters) could backtrack on. */
const ADVERSARIAL_UNITS = [
  "a",
  "-",
  "1",
  " ",
  "<",
  "(",
  "1,",
  "1~",
  "1 to ",
  "0.",
  "取值范围：",
  "取值范围：1~",
  "Minimum: ",
  "Minimum: 1 ",
  "Maximum characters: ",
  "maximum of 1 characters ",
  "default value is a ",
  "only letters, ",
  "cannot contain (",
  "start with a, ",
  "Value: ",
  "Value:\n- a",
  "默认值为",
  "长度为4~",
  "以a",
  "“a”、",
  "Regular expression: ",
  "正则表达式：^",
  "^(a+)+$ ",
  "&#",
  "*_`[",
];

describe("a 100 000-character adversarial description cell in a real page", () => {
  const cases = FORMATS.flatMap((c) =>
    ADVERSARIAL_UNITS.map((unit) => [c.format, JSON.stringify(unit), c, unit] as const),
  );
  test.each(cases)(
    "%s: %s",
    (_format, _name, c, unit) => {
      const page = source(c.file);
      const at = page.indexOf(c.descriptionAnchor);
      expect(at).toBeGreaterThan(0);
      const end = at + c.descriptionAnchor.length;
      const content = `${page.slice(0, end)} ${run(unit)}${page.slice(end)}`;
      const result = scrape(c, content);
      expect(result.spec.openapi).toBe("3.1.0");
      expect(() => serializeJson(result.spec)).not.toThrow();
    },
    HANG,
  );
});

describe("thousands of tables", () => {
  const service: ServiceConfig = {
    name: "tables",
    title: "Tables",
    cloud: "",
    language: "en",
    pages: [],
    server: "https://{endpoint}",
    version: "0.1.0",
  };
  const page = (n: number, row: (i: number) => string): string => {
    const parts = ["# Creating a Thing\n\n## URI\n\nPOST /v1/things\n\n## Request Parameters\n\n"];
    for (let i = 1; i <= n; i++)
      parts.push(`**Table ${i}** t${i}\n\n| Parameter | Type | Description |\n| --- | --- | --- |\n${row(i)}\n\n`);
    return parts.join("");
  };

  test(
    "20 000 tables, each pointing at the next: nesting stops at a depth, no stack overflow",
    () => {
      const content = page(20_000, (i) => `| t${i + 1} | Object | See Table ${i + 1}. |`);
      const started = performance.now();
      const result = scrapeService(service, [{ file: "chain.md", content }]);
      console.log(
        `20 000 chained tables (${(content.length / 1e6).toFixed(1)} MB): ${((performance.now() - started) / 1000).toFixed(2)} s`,
      );
      expect(result.diagnostics.some((d) => d.ruleId === "table-reference-too-deep")).toBe(true);
      expect(() => serializeJson(result.spec)).not.toThrow();
    },
    HANG,
  );

  test(
    "60 tables whose rows each point twice at the next (2^60 fields if inlined): expansion stops at a budget",
    () => {
      const content = page(60, (i) => `| a | Object | See Table ${i + 1}. |\n| b | Object | See Table ${i + 1}. |`);
      const result = scrapeService(service, [{ file: "laughs.md", content }]);
      expect(
        result.diagnostics.filter((d) => d.ruleId === "table-reference-too-deep").map((d) => d.message),
      ).toContainEqual(expect.stringContaining("already expand to 20000 nested fields"));
      expect(() => serializeJson(result.spec)).not.toThrow();
    },
    HANG,
  );

  test(
    "20 000 tables no field refers to",
    () => {
      const content = page(20_000, (i) => `| a${i} | String | x |`);
      const started = performance.now();
      const result = scrapeService(service, [{ file: "flat.md", content }]);
      console.log(
        `20 000 unclaimed tables (${(content.length / 1e6).toFixed(1)} MB): ${((performance.now() - started) / 1000).toFixed(2)} s`,
      );
      expect(result.diagnostics.filter((d) => d.ruleId === "table-unclaimed")).toHaveLength(19_999);
    },
    HANG,
  );
});
