// The scraper never crashes: real pages broken by every kind of mutation (fuzz/mutators.ts) give a
// spec plus diagnostics, or one Error naming the file (fuzz/run.ts `checkCase`). A few thousand
// runs with fixed seeds here; `npm run fuzz -- --runs 100000` runs many more.

import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { scrapeService } from "../../scraper/index.ts";
import {
  applyMutation,
  applyMutations,
  mutationArbitraries,
  MUTATION_KINDS,
  type Mutation,
  type MutationKind,
} from "../../fuzz/mutators.ts";
import { checkCase, fuzzScraper, loadCorpus, type CorpusPage } from "../../fuzz/run.ts";

const corpus = loadCorpus();

const byFile = (file: string): CorpusPage => {
  const page = corpus.pages.find((p) => p.file === file);
  if (!page) throw new Error(`${file} is not in the corpus`);
  return page;
};

/** One real page of each format (and the ELB one with its table of contents). */
const REPRESENTATIVES = [
  "sources/elb/CreateLoadBalancer.html",
  "sources/taurusdb/taurusdb-create-manual-backup.en.gitea.html",
  "sources/dds/创建实例.md",
  "sources/gaussdb-opengauss/gaussdb-opengauss-create-manual-backup.en.txt",
  "sources/rds/rds-create-manual-backup.en.pipes.txt",
].map(byFile);

test("the corpus holds the sources and the fixtures, not the generator's or expected outputs", () => {
  const files = corpus.pages.map((p) => p.file);
  expect(files.filter((f) => f.startsWith("sources/")).length).toBeGreaterThan(200);
  expect(files).toContain("test/fixtures/seeds/dds-create-manual-backup.zh.md");
  expect(files.some((f) => f.startsWith("test/fixtures/generator/") || f.includes("/expected/"))).toBe(false);
  expect(byFile("sources/elb/CreateLoadBalancer.html").toc?.file).toBe("sources/elb/CLASS.TXT.json");
  expect(byFile("sources/dds/创建实例.md").service.name).toBe("dds");
});

describe("every mutation kind changes real pages", () => {
  test.each(MUTATION_KINDS)("%s", (kind) => {
    const samples = fc.sample(mutationArbitraries[kind], { numRuns: 30, seed: 7 });
    const changed = samples.filter((m, i) => {
      const page = REPRESENTATIVES[i % REPRESENTATIVES.length]!;
      return applyMutation(page.content, m) !== page.content;
    });
    expect(changed.length).toBeGreaterThan(0);
  });
});

describe("deterministic hostile pages", () => {
  const cases: [string, Mutation[]][] = [
    ["empty file", [{ kind: "empty" }]],
    ["BOM only", [{ kind: "empty" }, { kind: "bom", count: 1 }]],
    ["BOMs in front", [{ kind: "bom", count: 3 }]],
    ["NUL bytes", [{ kind: "insert", label: "NULs", at: 500_000, text: "\u0000\u0000<td>\u0000</td>\u0000\n\u0000" }]],
    ["NUL only", [{ kind: "empty" }, { kind: "insert", label: "NULs", at: 0, text: "\u0000".repeat(1000) }]],
    ["CR-only line ends", [{ kind: "line-ends", style: "cr" }]],
    ["CRLF line ends", [{ kind: "line-ends", style: "crlf" }]],
    ["mixed line ends", [{ kind: "line-ends", style: "mixed" }]],
    ["lone surrogates", [{ kind: "insert", label: "surrogates", at: 300_000, text: "\uD800x\uDC00\uDBFF|\uDFFF" }]],
    [
      "lone surrogates as entities",
      [{ kind: "insert", label: "entities", at: 300_000, text: "&#xD800;&#55296;&#0;&#x110000;" }],
    ],
    [
      "binary junk in the middle",
      [
        {
          kind: "binary-junk",
          at: 500_000,
          bytes: [0, 1, 2, 0xff, 0xfe, 0x80, 0x3c, 0x74, 0x64, 0x3e],
          replaceAll: false,
        },
      ],
    ],
    [
      "binary file",
      [{ kind: "binary-junk", at: 0, bytes: Array.from({ length: 255 }, (_, i) => (i * 37) % 256), replaceAll: true }],
    ],
    ["nested tables", [{ kind: "nest-table", cell: 400_000, depth: 3, copyReal: true }]],
    ["deeply nested tables", [{ kind: "nest-table", cell: 400_000, depth: 500, copyReal: false }]],
    [
      "unclosed tags",
      [
        { kind: "open-tag", tag: "td", at: 500_000, depth: 3 },
        { kind: "drop-tag", tag: "table", closing: true, index: 0 },
      ],
    ],
    ["thousands of unclosed tags", [{ kind: "open-tag", tag: "ul", at: 500_000, depth: 3_000 }]],
    ["no closing </tr>", [{ kind: "drop-tag", tag: "tr", closing: true, index: 500_000 }]],
    [
      "dropped and duplicated rows",
      [
        { kind: "drop-element", tag: "tr", index: 300_000 },
        { kind: "duplicate-element", tag: "tr", index: 600_000, times: 3 },
      ],
    ],
    ["swapped columns", [{ kind: "swap-columns", a: 0, b: 2 }]],
    ["empty cells", [{ kind: "empty-cells", index: 0, count: 50 }]],
    ["huge cell of '<'", [{ kind: "huge-cell", at: 500_000, unit: "<", length: 100_000 }]],
    ["truncated mid-tag", [{ kind: "truncate", at: 500_000 }]],
    ["JSON example 20 000 arrays deep", [{ kind: "deep-json", depth: 20_000, objects: false }]],
    ["JSON example 20 000 objects deep", [{ kind: "deep-json", depth: 20_000, objects: true }]],
  ];
  const rows = cases.flatMap(([name, mutations]) =>
    REPRESENTATIVES.map((page) => [name, page.file, page, mutations] as const),
  );
  test.each(rows)("%s: %s", (_name, _file, page, mutations) => {
    expect(() => checkCase({ page, mutations })).not.toThrow();
  });

  test("a JSON example nested deeper than the spec writer can print is left out, named", () => {
    const page = byFile("sources/gaussdb-opengauss/gaussdb-opengauss-create-manual-backup.en.txt");
    const content = applyMutations(page.content, [{ kind: "deep-json", depth: 20_000, objects: false }]);
    const result = scrapeService(page.service, [{ file: page.file, content }]);
    expect(result.diagnostics.filter((d) => d.ruleId === "example-too-deep").map((d) => d.message)).toEqual([
      "example request nests more than 64 levels deep; left out",
    ]);
  });

  test("found by the fuzzer: a body row repeating a body field listed among the URI parameters is reported at its table, not line 0", () => {
    const table = (row: string) =>
      `<table><tr><th>Parameter</th><th>Mandatory</th><th>Type</th><th>Description</th></tr><tr><td>${row}</td><td>Yes</td><td>String</td><td>Name.</td></tr></table>`;
    const content = [
      "# Creating a Thing",
      "",
      "## URI",
      "",
      "POST /v1/things",
      "",
      table("name"),
      "",
      "## Request Parameters",
      "",
      table("name"),
      "",
      "## Example Request",
      "",
      "POST /v1/things",
      "",
      "```",
      '{ "name": "a" }',
      "```",
      "",
    ].join("\n");
    const service = byFile("sources/dds/创建实例.md").service;
    const result = scrapeService(service, [{ file: "things.md", content }]);
    const duplicates = result.diagnostics.filter((d) => d.ruleId === "duplicate-field");
    expect(duplicates).toEqual([
      expect.objectContaining({ line: 11, message: '"name" is listed twice; the first row is kept' }),
    ]);
  });

  test("an empty or junk page is left out with a diagnostic naming it", () => {
    const page = byFile("sources/rds/rds-create-manual-backup.en.pipes.txt");
    for (const content of [
      "",
      "\uFEFF",
      "\u0000\u0001\uD800",
      applyMutations(page.content, [{ kind: "binary-junk", at: 0, bytes: [0, 255, 128], replaceAll: true }]),
    ]) {
      const result = scrapeService(page.service, [{ file: page.file, content }]);
      expect(result.spec.openapi).toBe("3.1.0");
      expect(result.pages).toEqual([{ file: page.file, kind: "left-out", reason: "no request line (method and URI)" }]);
      expect(result.diagnostics.map((d) => d.file)).toEqual([page.file]);
    }
  });
});

// Runs per kind, tuned so the whole file stays well under a minute on two cores: huge cells are the
// expensive ones.
const RUNS: Partial<Record<MutationKind, number>> = { "huge-cell": 40, empty: 20, bom: 40, "deep-json": 40 };

describe("property: mutated real pages never crash the scraper", () => {
  test("any mix of mutations (fixed seed)", () => {
    const summary = fuzzScraper({ runs: 2_000, seed: 20_240_521, corpus, batch: 2_000 });
    expect(summary.failures).toEqual([]);
    expect(summary.runs).toBe(2_000);
  });

  test.each(MUTATION_KINDS)("only %s (fixed seed)", (kind) => {
    const runs = RUNS[kind] ?? 100;
    const summary = fuzzScraper({
      runs,
      seed: 1_000 + MUTATION_KINDS.indexOf(kind),
      corpus,
      kinds: [kind],
      batch: runs,
    });
    expect(summary.failures).toEqual([]);
  });
});
