// A spec written to break the generator: descriptions with */, ${, backticks, quotes,
// U+2028/U+2029 and </script>; property names like __proto__, constructor, a-b, 1st, 名称 and
// code; operationIds and schema names that clash with each other, with keywords, globals and
// the runtime. The package must compile under strict, keep every name distinct, and treat keys
// as data at run time.

import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate, loadModel, type PackageModel } from "../../generator/index.ts";
import { readTree, run, removeTempRoots, tempRoot, tscBin } from "./helpers.ts";

afterAll(removeTempRoots);

let root: string;
let model: PackageModel;
let pkg: Record<string, any>;
let files: Map<string, string>;

beforeAll(async () => {
  root = await tempRoot("hostile", ["hostile"]);
  await generate({ rootDir: root });
  model = await loadModel(root, path.join(root, "specs"), "hostile");
  files = await readTree(path.join(root, "generated/hostile"));
  pkg = (await import(path.join(root, "generated/hostile/src/index.ts"))) as Record<string, any>;
}, 60_000);

describe("hostile spec", () => {
  it("type-checks under strict", async () => {
    const result = await run(tscBin, ["--noEmit", "-p", path.join(root, "generated/hostile/tsconfig.json")], { cwd: root });
    expect(result.stdout + result.stderr).toBe("");
    expect(result.code).toBe(0);
  }, 120_000);

  it("settles distinct, safe names", () => {
    expect(model.operations.map((op) => [op.operationId, op.functionName]).sort()).toEqual(
      [
        ["1st op", "_1stOp"],
        ["__proto__", "proto"],
        ["client", "client2"],
        ["constructor", "constructor"],
        ["create-backup", "createBackup2"],
        ["createBackupRequest", "createBackupRequest"],
        ["create_backup", "createBackup3"],
        ["delete", "delete2"],
        ["list", "list"],
        ["toString", "toString"],
        ["x\"; require('fs')", "xRequireFs"],
        ["名称", "名称2"],
      ].sort(),
    );
    expect(model.components.map((c) => c.typeName)).toEqual(["ApiError2", "CreateBackupRequest", "Error2", "Promise2", "AB", "String2", "名称"]);
    expect(typeof pkg.createHostileClient).toBe("function");
    const client = pkg.createHostileClient({ endpoint: "https://h" });
    // Methods named like Object.prototype members are own data properties of the client.
    expect(Object.prototype.hasOwnProperty.call(client, "constructor")).toBe(true);
    expect(Object.prototype.hasOwnProperty.call(client, "toString")).toBe(true);
    expect(Object.getPrototypeOf(client)).toBe(Object.prototype);
  });

  it("keeps doc text out of the code", () => {
    for (const [file, content] of files) {
      if (!file.endsWith(".ts")) continue;
      expect(content, file).not.toMatch(/[\u2028\u2029]/);
      expect(content, file).not.toContain("require('fs').rmSync('/'); \"\"");
    }
    const readme = files.get("README.md")!;
    expect(readme).not.toContain("<script>");
    expect(readme).not.toContain("</script>");
  });

  it("validators treat keys as data: own __proto__ is checked, inherited properties are not present", () => {
    const validate = pkg.validateCreateBackup2RequestBody as (v: unknown) => { path: string; keyword: string }[];
    const good = JSON.parse('{"__proto__": "x", "名称": "ab", "nested": {"__proto__": {}, "名称": "n"}}');
    expect(validate(good)).toEqual([]);
    const badProto = JSON.parse('{"__proto__": 5, "名称": "ab", "nested": {"__proto__": {"constructor": 1}, "名称": "n"}}');
    expect(validate(badProto).map((e) => `${e.path} ${e.keyword}`).sort()).toEqual(["/__proto__ type", "/nested/__proto__/constructor type"]);
    // Object.prototype is not a "__proto__" property; inherited keys are not properties either.
    const inherited = Object.create({ 名称: "ab" }) as object;
    expect(validate(inherited).map((e) => `${e.path} ${e.keyword}`).sort()).toEqual([" required", " required", " required"]);
    expect(validate({ ...good, constructor: 0, "a-b": "x", 名称: "名称名称名称" }).map((e) => `${e.path} ${e.keyword}`).sort()).toEqual([
      "/a-b minLength",
      "/constructor minimum",
      "/名称 maxLength",
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("validates escaped enum values, patterns and constants", () => {
    const validate = pkg.validateCreateBackup2RequestBody as (v: unknown) => { path: string; keyword: string }[];
    const base = JSON.parse('{"__proto__": "x", "名称": "ab", "nested": {"__proto__": {}, "名称": "n"}}');
    const withField = (key: string, value: unknown) => {
      const copy = JSON.parse(JSON.stringify(base));
      Object.defineProperty(copy, key, { value, enumerable: true });
      return validate(copy).map((e) => `${e.path} ${e.keyword}`);
    };
    expect(withField("a/b~c", ["*/", "a\"b", "${x}", "`", "\u2028", "多"])).toEqual([]);
    expect(withField("a/b~c", ["*/x"])).toEqual(["/a~1b~0c/0 enum"]);
    expect(withField("slashPattern", "a/b*/c")).toEqual([]);
    expect(withField("slashPattern", "漢字")).toEqual([]);
    expect(withField("slashPattern", "x")).toEqual(["/slashPattern pattern"]);
    expect(withField("constField", "fixed\"*/")).toEqual([]);
    expect(withField("constField", "fixed")).toEqual(["/constField const"]);
    expect(withField("nullable", null)).toEqual([]);
    expect(withField("nullable", "abcd")).toEqual(["/nullable maxLength"]);
  });

  it("sends __proto__ query parameters and odd path parameters as data", async () => {
    const urls: string[] = [];
    const client = pkg.createHostileClient({
      endpoint: "https://evil.example.com",
      validation: { request: false },
      fetch: async (url: string) => {
        urls.push(url);
        return { status: 200, headers: { get: () => "application/json" }, text: async () => "{}" };
      },
    });
    const query = JSON.parse('{"__proto__": "*/", "constructor": 1}');
    await client.createBackup2({ path: { 名称: "../x", "a-b": "y z" }, query, body: {} });
    expect(urls).toEqual(["https://evil.example.com/v1/..%2Fx/items/y%20z?__proto__=*%2F&constructor=1"]);
  });
});
