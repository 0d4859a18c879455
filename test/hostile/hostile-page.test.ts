// A doc page written to attack the pipeline (test/fixtures/hostile/hostile-page.html): field
// names __proto__, constructor, toString, class, a-b, 1st, 名称 and x"; require('fs')...; text and
// examples full of */, backticks, ${process.exit(1)}, quotes, backslashes, U+2028/U+2029 and
// </script>. It is scraped, patched by an overlay (enum values and the one name the scraper does
// not take, see the overlay's header), generated into a package in a temp folder, type-checked,
// compiled, imported, and called against a local server with the temp folder as working
// directory. Nothing from the page may run, every name must reach the wire unchanged, and the
// validators must treat keys as data.

import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from "vitest";
import { generate } from "../../generator/index.ts";
import type { ServiceConfig } from "../../core/config.ts";
import { scrapeService, type ScrapeResult } from "../../scraper/index.ts";
import { serializeJson } from "../../core/stable-json.ts";
import { applyOverlayText } from "../../scraper/overlay/apply.ts";
import { readTree, repoRoot, tscBin } from "../generator/helpers.ts";

const pageFile = "test/fixtures/hostile/hostile-page.html";
const overlayFile = "test/fixtures/hostile/hostile.overlay.yaml";
const codeName = "x\";require('fs').writeFileSync('PWNED','');//";
const spacedCodeName = "x\"; require('fs').writeFileSync('PWNED','');//";
/** The request body fields, in page order (the overlay appends the spaced name). */
const bodyNames = ["__proto__", "constructor", "toString", "class", "a-b", "1st", "名称", codeName, "mode", spacedCodeName];
const hostileEnum = [
  "*/",
  "`x`",
  "${process.exit(1)}",
  '"q"',
  "back\\slash",
  "line\u2028sep",
  "para\u2029sep",
  "</script>",
  "'); require('fs').writeFileSync('PWNED',''); ('",
];
/** Names that would show up as code identifiers if doc text escaped its string or comment. */
const payloadIdentifiers = ["require", "writeFileSync", "PWNED", "process", "exit", "alert", "whoami"];

const service: ServiceConfig = {
  name: "hostile",
  title: "Hostile */ </script> ${process.exit(1)}",
  cloud: "",
  language: "en",
  pages: [pageFile],
  server: "https://{endpoint}",
  version: "0.1.0",
};

type Issue = { path: string; keyword: string; message: string };
type Validate = (value: unknown, options?: object) => Issue[];

let scraped: ScrapeResult;
let spec: any;
let tmp: string;
let pkgDir: string;
let files: Map<string, string>;
let pkg: Record<string, any>;
let exitSpy: MockInstance;
let previousCwd: string;
let prototypeKeys: string[];
let server: http.Server;
let base: string;
let received: { method: string; url: string; headers: http.IncomingHttpHeaders; body: string }[] = [];
let reply: (body: string) => string = (body) => body;

beforeAll(async () => {
  prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
  scraped = scrapeService(service, [{ file: pageFile, content: readFileSync(path.join(repoRoot, pageFile), "utf8") }]);
  const overlaid = applyOverlayText(scraped.spec, readFileSync(path.join(repoRoot, overlayFile), "utf8"), overlayFile);
  expect(overlaid.diagnostics).toEqual([]);
  spec = overlaid.spec;

  tmp = await mkdtemp(path.join(os.tmpdir(), "docs2ts-hostile-"));
  await mkdir(path.join(tmp, "specs"));
  await writeFile(path.join(tmp, "specs/hostile.openapi.json"), serializeJson(spec));
  await writeFile(path.join(tmp, "docs2ts.config.json"), JSON.stringify({ scope: "docs2ts", services: [service] }));
  pkgDir = path.join(tmp, "generated/hostile");

  // From here on the page's content is in play: it runs with the temp folder as working
  // directory, and process.exit is a spy.
  previousCwd = process.cwd();
  process.chdir(tmp);
  exitSpy = vi.spyOn(process, "exit").mockImplementation((() => {
    throw new Error("process.exit was called");
  }) as never);
  await generate({ rootDir: tmp });
  files = await readTree(pkgDir);
  pkg = (await import(path.join(pkgDir, "src/index.ts"))) as Record<string, any>;

  server = http.createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      received.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      res.writeHead(201, { "Content-Type": "application/json" });
      res.end(reply(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  exitSpy?.mockRestore();
  if (previousCwd !== undefined) process.chdir(previousCwd);
  if (server !== undefined) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  if (tmp !== undefined) await rm(tmp, { recursive: true, force: true });
});

function expectNothingRan(): void {
  expect(exitSpy).not.toHaveBeenCalled();
  for (const dir of [tmp, pkgDir, repoRoot, previousCwd, process.cwd()]) expect(existsSync(path.join(dir, "PWNED")), dir).toBe(false);
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

describe("scraping the hostile page", () => {
  const body = () => spec.paths["/v3/{project_id}/things"].post.requestBody.content["application/json"].schema;

  it("keeps every hostile name exactly, as own keys", () => {
    expect(Object.keys(body().properties)).toEqual(bodyNames);
    expect(body().required).toEqual(["constructor", "toString"]);
    const op = spec.paths["/v3/{project_id}/things"].post;
    expect(op.parameters.map((p: { name: string; in: string }) => `${p.in} ${p.name}`)).toEqual(["path project_id", "query __proto__", "query 名称"]);
    const response = op.responses["201"].content["application/json"].schema;
    expect(Object.keys(response.properties)).toEqual(["__proto__", "constructor", "toString", "名称", codeName, spacedCodeName]);
    expect(Object.getPrototypeOf(body().properties)).toBe(Object.prototype);
  });

  it("keeps hostile text as text", () => {
    const op = spec.paths["/v3/{project_id}/things"].post;
    expect(op.description).toContain("*/ ${process.exit(1)} `rm -rf /` \"double\" 'single' C:\\temp\\new");
    expect(op.description).toContain("</script><script>alert(1)</script>");
    expect(op.description).toContain("line\u2028separator paragraph\u2029separator");
    expect(body().properties.__proto__.description).toContain("back\\slash \\\" </script>");
    const example = op.requestBody.content["application/json"].examples.example1.value;
    expect(Object.keys(example)).toEqual(bodyNames.slice(0, -1));
    expect(example.__proto__).toBe("*/ ${process.exit(1)} `id` </script> \u2028 \\ \"");
  });

  it("takes only token-like enum values from prose; the row whose name has a space is reported", () => {
    expect(body().properties.class.enum).toEqual(["gold", "a.b:c", "x-y_z"]);
    // "*/", "${process.exit(1)}", "</script>" are listed as values on the page but are not tokens.
    expect(scraped.spec.paths!["/v3/{project_id}/things"]!.post!.requestBody).toBeDefined();
    const scrapedBody = (scraped.spec.paths!["/v3/{project_id}/things"]!.post!.requestBody as any).content["application/json"].schema;
    expect(scrapedBody.properties["a-b"].enum).toBeUndefined();
    expect(scrapedBody.properties.mode.enum).toBeUndefined();
    expect(body().properties.mode.enum).toEqual(hostileEnum);
    expect(scraped.diagnostics.map((d) => `${d.ruleId} ${d.line}`)).toEqual(["unparsed-table-row 147"]);
    expect(scraped.diagnostics[0]?.message).toContain(JSON.stringify(spacedCodeName).slice(1, -1));
  });
});

describe("the generated package", () => {
  it("type-checks under strict", () => {
    const result = spawnSync(tscBin, ["--noEmit", "-p", path.join(pkgDir, "tsconfig.json")], { cwd: tmp, encoding: "utf8" });
    expect(result.stdout + result.stderr).toBe("");
    expect(result.status).toBe(0);
    expectNothingRan();
  }, 120_000);

  it("has no doc text outside string literals and comments", () => {
    for (const [file, content] of files) {
      if (!file.endsWith(".ts")) continue;
      const source = ts.createSourceFile(file, content, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
      expect((source as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics, file).toEqual([]);
      const identifiers = new Set<string>();
      const visit = (node: ts.Node): void => {
        if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) identifiers.add(node.text);
        ts.forEachChild(node, visit);
      };
      visit(source);
      expect(payloadIdentifiers.filter((name) => identifiers.has(name)), file).toEqual([]);
    }
  });

  it("escapes comment closers, line separators and </script>", () => {
    const operation = files.get("src/operations/create-thing.gen.ts")!;
    for (const [file, content] of files) {
      expect(content, file).not.toMatch(/[\u2028\u2029]/);
      expect(content, file).not.toMatch(/<\/script/i);
      if (!file.endsWith(".ts")) continue;
      // A lexer ends a block comment at the first "*/": each must end where the generator put it,
      // on a line of its own or at the end of a one-line comment.
      for (const match of content.matchAll(/\/\*[\s\S]*?\*\//g)) {
        const comment = match[0];
        const after = content.slice(match.index + comment.length).split("\n", 1)[0]!;
        expect(after.trim(), `${file}: ${comment.slice(0, 80)}`).toBe("");
        if (comment.includes("\n")) expect(comment, file).toMatch(/\n\s*\*\/$/);
      }
    }
    expect(operation).toContain("A field named __proto__. *\\/ /* ${process.exit(1)} `whoami` \"quoted\" 'single' back\\slash \\\" <\\/script>");
    expect(operation).toContain("<\\/script><script>alert(1)<\\/script> \\@param evil");
    expect(operation).toContain('"line\\u2028sep"');
    expect(operation).toContain('"<\\/script>"');
    expect(files.get("README.md")).toContain("&lt;/script&gt;");
    expect(files.get("package.json")).toContain("Hostile */ <\\/script> ${process.exit(1)}");
  });

  it("README code keeps __proto__ a property (a quoted __proto__ key would set the prototype)", () => {
    const readme = files.get("README.md")!;
    expect(readme).toContain('    ["__proto__"]: "*/ ${process.exit(1)} `id` <\\/script> \\u2028 \\\\ \\"",');
    expect(readme).not.toMatch(/^\s*"__proto__":/m);
    for (const [, code] of readme.matchAll(/```ts\n([\s\S]*?)\n```/g)) {
      const source = ts.createSourceFile("readme.ts", code!, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
      expect((source as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics).toEqual([]);
    }
  });

  it("compiles, and the compiled JavaScript runs in plain Node with nothing executed", () => {
    const build = spawnSync(tscBin, ["-p", path.join(pkgDir, "tsconfig.json")], { cwd: tmp, encoding: "utf8" });
    expect(build.stdout + build.stderr).toBe("");
    const script = `
      const pkg = await import(${JSON.stringify(path.join(pkgDir, "dist/index.js"))});
      const issues = pkg.validateCreateThingRequestBody(JSON.parse('{"__proto__": 5}'));
      const sent = JSON.parse('{"__proto__":{"polluted":1}}');
      pkg.validateCreateThingRequest({ body: sent });
      console.log(JSON.stringify({ issues: issues.map((i) => i.path + " " + i.keyword), polluted: ({}).polluted ?? null }));
    `;
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: tmp, encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ issues: ["/__proto__ type", " required", " required"], polluted: null });
    expectNothingRan();
  }, 120_000);
});

describe("validators treat keys as data", () => {
  const validateBody = () => pkg.validateCreateThingRequestBody as Validate;
  const found = (issues: Issue[]) => issues.map((i) => `${i.path} ${i.keyword}`).sort();
  const valid = () =>
    JSON.parse(
      JSON.stringify({ constructor: 3, toString: "t" }).replace(/}$/, ',"__proto__":"p","名称":"名称","mode":"${process.exit(1)}"}'),
    ) as Record<string, unknown>;

  it("accepts a valid body with an own __proto__ key", () => {
    expect(Object.prototype.hasOwnProperty.call(valid(), "__proto__")).toBe(true);
    expect(validateBody()(valid())).toEqual([]);
  });

  it("reports a documented __proto__ field with the wrong type", () => {
    const body = JSON.parse('{"__proto__": 5, "constructor": 1, "toString": "s"}');
    expect(validateBody()(body)).toEqual([{ path: "/__proto__", keyword: "type", message: "must be string" }]);
    const nested = JSON.parse('{"__proto__": {"constructor": 1, "toString": "s"}}');
    expect(found(validateBody()(nested))).toEqual([" required", " required", "/__proto__ type"]);
  });

  it("reports required constructor and toString as missing although every object inherits them", () => {
    expect(validateBody()({})).toEqual([
      { path: "", keyword: "required", message: "must have required property 'constructor'" },
      { path: "", keyword: "required", message: "must have required property 'toString'" },
    ]);
    expect(found(validateBody()(Object.create({ constructor: 1, toString: "s" })))).toEqual([" required", " required"]);
    expect(found(validateBody()(Object.assign(Object.create(null), { constructor: 1, toString: "s" })))).toEqual([]);
  });

  it("checks the other names under their exact JSON Pointer", () => {
    const body = { ...valid(), "a-b": 1, "1st": 0, 名称: "*/", [codeName]: 1, [spacedCodeName]: false, class: "${process.exit(1)}" };
    expect(found(validateBody()(body))).toEqual(
      [
        "/1st minimum",
        "/a-b type",
        "/class enum",
        `/${codeName.replace(/\//g, "~1")} type`,
        `/${spacedCodeName.replace(/\//g, "~1")} type`,
        "/名称 pattern",
      ].sort(),
    );
  });

  it("matches hostile enum values exactly", () => {
    for (const mode of hostileEnum) expect(validateBody()({ ...valid(), mode }), JSON.stringify(mode)).toEqual([]);
    for (const mode of ["*/x", "`x", "${process.exit(0)}", "line\nsep", "</SCRIPT>", "back\\\\slash"]) {
      expect(found(validateBody()({ ...valid(), mode })), JSON.stringify(mode)).toEqual(["/mode enum"]);
    }
  });

  it("validating {\"__proto__\":{\"polluted\":1}} with every validator leaves Object.prototype clean", () => {
    const validators = Object.entries(pkg).filter(([name, value]) => /^(validate|is)/.test(name) && typeof value === "function");
    // validate/is for path, query, body, response and the whole request, and isCreateThingError.
    expect(validators.length).toBe(11);
    for (const [, validate] of validators) {
      const polluted = JSON.parse('{"__proto__":{"polluted":1}}');
      (validate as Validate)(polluted);
      (validate as Validate)({ body: polluted, query: polluted, path: polluted });
      (validate as Validate)([polluted]);
    }
    expectNothingRan();
  });
});

describe("the client against a local server", () => {
  const client = (extra: object = {}) =>
    pkg.createHostileClient({ endpoint: base, projectId: "proj-1", auth: { token: "TOKEN-0123456789" }, ...extra });

  it("sends every name to the wire exactly, and reads them back as own keys", async () => {
    received = [];
    reply = (body) => body;
    // A Map, not an object: values.toString would be Object.prototype's (keys are data here too).
    const values = new Map<string, unknown>([["constructor", 2], ["1st", 6], ["class", "a.b:c"], ["mode", "*/"], ["名称", "名称"]]);
    const text = `{${bodyNames.map((name, i) => `${JSON.stringify(name)}:${JSON.stringify(values.get(name) ?? `v${i}`)}`).join(",")}}`;
    const body = JSON.parse(text);
    const query = JSON.parse('{"__proto__":"*/ ${process.exit(1)}","名称":"</script>"}');
    const result = await client({ validation: { response: true } }).createThing({ query, body });

    expect(received).toHaveLength(1);
    const wire = received[0]!;
    expect(wire.method).toBe("POST");
    expect(wire.body).toBe(text);
    expect(Object.keys(JSON.parse(wire.body))).toEqual(bodyNames);
    const url = new URL(wire.url, base);
    expect(url.pathname).toBe("/v3/proj-1/things");
    expect([...url.searchParams]).toEqual([
      ["__proto__", "*/ ${process.exit(1)}"],
      ["名称", "</script>"],
    ]);
    expect(Object.keys(result)).toEqual(bodyNames);
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(result.__proto__).toBe("v0");
    expectNothingRan();
  });

  it("sends and receives {\"__proto__\":{\"polluted\":1}} without polluting anything", async () => {
    received = [];
    reply = () => '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}';
    const polluted = JSON.parse('{"__proto__":{"polluted":1}}');
    const noValidation = client({ validation: { request: false } });
    const result = await noValidation.createThing({ path: polluted, query: polluted, body: polluted });
    expect(received[0]!.body).toBe('{"__proto__":{"polluted":1}}');
    expect(Object.keys(result)).toEqual(["__proto__", "constructor"]);
    const error = await client({ validation: { response: "strict" } })
      .createThing({ body: polluted })
      .catch((e: unknown) => e);
    expect((error as Error).name).toBe("RequestValidationError");
    const invalid = await client({ validation: { request: false, response: true } })
      .createThing({ body: polluted })
      .catch((e: unknown) => e);
    expect((invalid as Error).name).toBe("ResponseValidationError");
    expect(found((invalid as { issues: Issue[] }).issues)).toEqual(["/__proto__ type", "/constructor type"]);
    expectNothingRan();
  });
});

function found(issues: Issue[]): string[] {
  return issues.map((i) => `${i.path} ${i.keyword}`).sort();
}
