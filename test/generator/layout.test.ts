// The generator prints TypeScript with prettier's document printer instead of formatting text
// with prettier (generator/layout.ts), aligns README tables itself (markdown.ts), collapses JSON
// arrays itself (emit.ts formatJson) and copies the runtime verbatim. Each of those must give
// exactly what prettier gives: checked here file by file, on the real specs and the fixtures
// (hostile names, Chinese text, quotes, long names), and on a spec built to hit every layout
// (long lines at every nesting depth). Real specs must not need the prettier fallback at all.

import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { emitPackage, formatFile, formatJson, runtimeNames } from "../../generator/emit.ts";
import { emitAll } from "../../generator/index.ts";
import { printFlat, printNumber, printString, printTs } from "../../generator/layout.ts";
import { alignTables } from "../../generator/markdown.ts";
import { planPackage, type PackageModel } from "../../generator/plan.ts";
import { loadRuntime } from "../../generator/runtime-files.ts";
import type { OpenApiDocument } from "../../generator/spec.ts";
import { fixturesDir, repoRoot } from "./helpers.ts";

async function model(file: string, service: string, doc?: OpenApiDocument): Promise<PackageModel> {
  const runtime = await loadRuntime();
  const spec = doc ?? (JSON.parse(await readFile(file, "utf8")) as OpenApiDocument);
  return planPackage(spec, { service, scope: "docs2ts", specPath: `specs/${service}.openapi.json`, reservedNames: runtimeNames(runtime) });
}

async function realSpecs(): Promise<[string, string][]> {
  const dir = path.join(repoRoot, "specs");
  return (await readdir(dir))
    .filter((f) => f.endsWith(".openapi.json"))
    .sort()
    .map((f) => [f.slice(0, -".openapi.json".length), path.join(dir, f)]);
}

/**
 * Every file of a package: what the fast paths print, and what prettier makes of the same code.
 * A file that needs prettier (some part did not fit the reproduced layouts) is compared part by
 * part: each top-level declaration that does print alone must print as prettier prints it.
 */
async function compare(m: PackageModel, typesOnly: boolean): Promise<{ bails: string[]; checkedParts: number }> {
  const pkg = emitPackage(m, await loadRuntime(), { typesOnly });
  const bails: string[] = [];
  let checkedParts = 0;
  for (const file of pkg.ts) {
    const fast = printTs(file.doc);
    if (fast !== undefined) {
      expect(fast, `${m.service}/${file.path}`).toBe(await formatFile(file.path, printFlat(file.doc)));
      continue;
    }
    bails.push(file.path);
    for (const block of file.blocks) {
      const part = printTs(block);
      if (part === undefined) continue;
      checkedParts++;
      expect(`${part}\n`, `${m.service}/${file.path}`).toBe(await formatFile(file.path, `${printFlat(block)}\n`));
    }
  }
  for (const file of pkg.runtime) expect(await formatFile(file.path, file.content), `${m.service}/${file.path}`).toBe(file.content);
  for (const file of pkg.text) {
    const fast = file.path.endsWith(".md") ? alignTables(file.content) : formatJson(file.content);
    expect(fast, `${m.service}/${file.path} takes the fast path`).toBeDefined();
    expect(fast, `${m.service}/${file.path}`).toBe(await formatFile(file.path, file.content));
  }
  return { bails, checkedParts };
}

describe("printed code is what prettier prints", () => {
  it("for every real spec, without the prettier fallback", async () => {
    for (const [service, file] of await realSpecs()) {
      const m = await model(file, service);
      expect((await compare(m, false)).bails, service).toEqual([]);
      expect((await compare(m, true)).bails, `${service} (types only)`).toEqual([]);
    }
  }, 120_000);

  it("for the fixtures (hostile names, quotes, Chinese text)", async () => {
    for (const name of ["dds-mini", "hostile"]) {
      await compare(await model(path.join(fixturesDir, `${name}.openapi.json`), name), false);
    }
  }, 60_000);

  it("for long names, long literals and deep nesting (some files may need prettier)", async () => {
    const m = await model("", "layout-stress", stressSpec());
    const { bails, checkedParts } = await compare(m, false);
    // Numeric enums (printed with `fill`) need prettier.
    expect(bails.length).toBeGreaterThan(0);
    expect(checkedParts).toBeGreaterThan(40);
    // emitAll formats exactly those files with prettier.
    const emitted = new Map((await emitAll([m])).get("layout-stress")!.map((f) => [f.path, f.content]));
    for (const file of emitPackage(m, await loadRuntime()).ts.filter((f) => bails.includes(f.path))) {
      expect(emitted.get(file.path)).toBe(await formatFile(file.path, printFlat(file.doc)));
    }
  }, 60_000);
});

/** A spec whose names and literals are long enough to break every construct at some depth. */
function stressSpec(): OpenApiDocument {
  const long = (base: string, n: number) => `${base}${"_x".repeat(n)}`;
  const nested = (depth: number): Record<string, unknown> =>
    depth === 0
      ? { type: "string", minLength: 1, maxLength: 64, pattern: `^[a-z"']{1,${depth + 3}}$` }
      : {
          type: "object",
          required: [long("required_field", depth * 3)],
          properties: {
            [long("required_field", depth * 3)]: nested(depth - 1),
            [`名称${"名".repeat(depth * 4)}`]: { type: "string", enum: ["ACTIVE", "PENDING_CREATE", "ERROR", `状态${"态".repeat(depth)}`, "it's \"quoted\""] },
            [long("numbers", depth)]: { type: "integer", enum: Array.from({ length: depth * 6 }, (_, i) => i * 1000) },
            [long("choice", depth)]: { oneOf: [{ type: "string" }, { type: "integer", minimum: -1e21, maximum: 1.5e-7 }] },
            [long("list", depth)]: { type: "array", maxItems: 10, items: { type: ["string", "null"], maxLength: 3 } },
            "a-b.c": { type: "boolean" },
          },
        };
  const params = Array.from({ length: 14 }, (_, i) => ({ name: long(`filter${i}`, i % 4), in: "query", schema: { type: "string" } }));
  return {
    openapi: "3.1.0",
    info: { title: "Layout stress", version: "1" },
    paths: {
      [`/v3/{project_id}/${"very-long-segment/".repeat(4)}items`]: {
        get: {
          operationId: long("listEverythingWithAnExtremelyLongOperationName", 3),
          parameters: [{ name: "project_id", in: "path", required: true, schema: { type: "string" } }, ...params, { name: "offset", in: "query", schema: { type: "integer" } }, { name: "limit", in: "query", schema: { type: "integer" } }],
          responses: {
            "200": { description: "ok", content: { "application/json": { schema: { type: "object", properties: { items: { type: "array", items: nested(6) }, total_count: { type: "integer" } } } } } },
            "400": { description: "bad", content: { "application/json": { schema: { type: "object", properties: { error_code: { type: "string" } } } } } },
            "401": { description: "unauthorised" },
            "403": { description: "forbidden" },
            "404": { description: "missing" },
            "500": { description: "server" },
          },
        },
        post: {
          operationId: "create",
          parameters: [{ name: "project_id", in: "path", required: true, schema: { type: "string" } }],
          requestBody: { required: true, content: { "application/json": { schema: nested(8) } } },
          responses: { "202": { description: "accepted", content: { "application/json": { schema: { type: ["object", "null"], properties: { id: { type: "string" } } } } } } },
        },
      },
    },
  } as unknown as OpenApiDocument;
}

describe("literals as prettier prints them", () => {
  const cases: [string, string][] = [
    ["plain", '"abc"'],
    ["more double quotes than single", '"say \\"hi\\" it\'s"'],
    ["more single quotes", "\"it's 'x'\""],
    ["escapes kept", '"<\\/script> \\u2028 \\\\ \\n"'],
    ["only double quotes", '"\\"\\""'],
  ];
  it.each(cases)("string: %s", async (_name, literal) => {
    const viaPrettier = (await formatFile("x.ts", `x(${literal});\n`)).slice(2, -3);
    expect(printString(literal)).toBe(viaPrettier);
  });
  it.each(["1", "1e+21", "1.5e-7", "0.5", "-0.25", "1E5", "100"])("number: %s", async (text) => {
    expect(printNumber(text)).toBe((await formatFile("x.ts", `x(${text});\n`)).slice(2, -3));
  });
});
