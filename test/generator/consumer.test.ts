// A consumer's view: `npm pack` a generated package (prepack builds dist/ with tsc), install the
// tarball into a fresh project outside the repo, compile a small program against the published
// types under strict (skipLibCheck off, no Node types), and run it.

import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadModel, type PackageModel } from "../../generator/index.ts";
import { cacheDir, readJson, repoRoot, run, tscBin } from "./helpers.ts";

// The real DDS package when it exists, else the fixture snapshot package.
const realDds = path.join(repoRoot, "generated/dds");
const hasReal = await readdir(realDds).then(() => true, () => false);
const sourceDir = hasReal ? realDds : path.join(import.meta.dirname, "__snapshots__/dds-mini");
const service = hasReal ? "dds" : "dds-mini";
const specsDir = hasReal ? path.join(repoRoot, "specs") : path.join(repoRoot, "test/fixtures/generator");

const cleanup: string[] = [];
afterAll(async () => {
  for (const dir of cleanup) await rm(dir, { recursive: true, force: true });
});

function consumerProgram(model: PackageModel): string {
  const op = model.operations.find((o) => o.bodyExample !== undefined && o.bodyUnit) ?? model.operations[0]!;
  const parts: string[] = [];
  const pathParams = op.params.filter((p) => p.in === "path" && p.name !== op.projectIdParam);
  if (pathParams.length > 0) parts.push(`path: { ${pathParams.map((p) => `${JSON.stringify(p.name)}: "x"`).join(", ")} }`);
  if (op.bodyExample !== undefined) parts.push(`body: ${JSON.stringify(op.bodyExample)}`);
  const input = `{ ${parts.join(", ")} }`;
  const validateBody = op.bodyUnit?.validateName;
  return `import { ${model.factoryName}, ApiError, RequestValidationError, type FetchLike, type ${op.responseTypeName}${validateBody ? `, ${validateBody}` : ""} } from "${model.packageName}";

const calls: string[] = [];
const fetch: FetchLike = async (url, init) => {
  calls.push(\`\${init.method} \${url} \${init.headers["X-Auth-Token"] ?? "-"}\`);
  const fail = init.headers["X-Fail"] === "1";
  return {
    status: fail ? 400 : 200,
    headers: { get: (name: string) => ({ "content-type": "application/json", "x-request-id": "req-1" } as Record<string, string>)[name.toLowerCase()] ?? null },
    text: async () => JSON.stringify(fail ? { error_code: "E.1", error_msg: "bad" } : { ok: true }),
  };
};

const client = ${model.factoryName}({ endpoint: "https://api.example.com", projectId: "p-1", auth: { token: "tok" }, fetch });
const result: ${op.responseTypeName} = await client.${op.functionName}(${input});
let failure: unknown;
try {
  await client.${op.functionName}(${input}, { headers: { "X-Fail": "1" } });
} catch (error) {
  failure = error;
}
let invalid: unknown;
try {
  // @ts-expect-error: the input type rejects a number body
  await client.${op.functionName}({ body: 42 });
} catch (error) {
  invalid = error;
}
const issues = ${validateBody ? `${validateBody}({}).map((i) => \`\${i.path} \${i.keyword}\`)` : "[]"};
console.log(JSON.stringify({
  calls,
  result,
  failure: failure instanceof ApiError ? { status: failure.status, errorCode: failure.errorCode, errorMessage: failure.errorMessage, requestId: failure.requestId } : String(failure),
  invalid: invalid instanceof RequestValidationError,
  issues,
}));
`;
}

describe("consumer", () => {
  it(`npm pack ${service}, install the tarball offline, compile strict, run`, async () => {
    await mkdir(cacheDir, { recursive: true });
    // Pack a copy (inside the repo, so prepack finds the repo's tsc) to leave generated/ untouched.
    const work = await mkdtemp(path.join(cacheDir, "consumer-pack-"));
    cleanup.push(work);
    const pkgDir = path.join(work, "pkg");
    await cp(sourceDir, pkgDir, { recursive: true, filter: (src) => !/[\\/](dist|node_modules)$/.test(src) });
    const packed = await run("npm", ["pack", "--pack-destination", work, "--json"], { cwd: pkgDir, timeoutMs: 180_000 });
    expect(packed.code, packed.stderr).toBe(0);
    const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf("["))) as { filename: string; files: { path: string }[] }[];
    const files = info!.files.map((f) => f.path).sort();
    expect(files).toContain("dist/index.js");
    expect(files).toContain("dist/index.d.ts");
    expect(files).toContain("README.md");
    expect(files.some((f) => f.startsWith("src/"))).toBe(false);

    // A fresh project outside the repository.
    const project = await mkdtemp(path.join(tmpdir(), "docs2ts-consumer-"));
    cleanup.push(project);
    await writeFile(path.join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
    const installed = await run("npm", ["install", "--offline", "--no-audit", "--no-fund", path.join(work, info!.filename)], {
      cwd: project,
      timeoutMs: 180_000,
    });
    expect(installed.code, installed.stderr).toBe(0);
    const model = await loadModel(repoRoot, specsDir, service);
    const manifest = (await readJson(path.join(project, "node_modules", ...model.packageName.split("/"), "package.json"))) as Record<string, unknown>;
    expect(manifest.dependencies).toBeUndefined();
    expect((await readdir(path.join(project, "node_modules"))).filter((d) => !d.startsWith("."))).toEqual([model.packageName.split("/")[0]]);

    await writeFile(path.join(project, "consumer.ts"), consumerProgram(model));
    await writeFile(
      path.join(project, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          module: "NodeNext",
          moduleResolution: "NodeNext",
          lib: ["ES2022", "DOM"],
          types: [],
          strict: true,
          noUncheckedIndexedAccess: true,
          exactOptionalPropertyTypes: true,
          skipLibCheck: false,
          outDir: "out",
        },
        files: ["consumer.ts"],
      }),
    );
    const compiled = await run(tscBin, ["-p", "tsconfig.json"], { cwd: project });
    expect(compiled.stdout + compiled.stderr).toBe("");
    const ran = await run(process.execPath, ["out/consumer.js"], { cwd: project });
    expect(ran.stderr).toBe("");
    const output = JSON.parse(ran.stdout) as Record<string, unknown>;
    expect(output.result).toEqual({ ok: true });
    expect((output.calls as string[])[0]).toMatch(/^POST https:\/\/api\.example\.com\/.*p-1.* tok$/);
    expect(output.failure).toEqual({ status: 400, errorCode: "E.1", errorMessage: "bad", requestId: "req-1" });
    expect(output.invalid).toBe(true);
    expect((output.issues as string[]).length).toBeGreaterThan(0);
  }, 300_000);
});
