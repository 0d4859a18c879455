// Bundle size: a consumer that creates a client and calls one ELB operation, bundled by esbuild
// (bundle, minify, ESM, browser) and gzipped, once with our generated ELB package and once with
// openapi-fetch (typed with openapi-typescript's output for the same spec; the types vanish in
// the bundle). Same operation, same token header. The consumer files are written to
// bench/.work/bundle/.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import * as esbuild from "esbuild";
import { loadModel } from "../generator/index.ts";
import { genDir } from "./generation.ts";
import { fmt } from "./measure.ts";
import { freshDir, rootDir, verdict, type GoalResult, type Row } from "./work.ts";

export interface BundleResult {
  rows: Row[];
  goals: GoalResult[];
}

interface Size {
  minified: number;
  gzip: number;
}

async function bundle(entry: string): Promise<Size & { inputs: Record<string, number> }> {
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    logLevel: "silent",
    metafile: true,
  });
  const code = result.outputFiles[0]!.contents;
  const inputs = Object.values(result.metafile.outputs)[0]!.inputs;
  return {
    minified: code.length,
    gzip: gzipSync(code).length,
    inputs: Object.fromEntries(Object.entries(inputs).map(([file, { bytesInOutput }]) => [file, bytesInOutput])),
  };
}

/** "http 4.9, errors 3.1, ..." KiB of minified output per generated module, largest first. */
function composition(inputs: Record<string, number>): string {
  return Object.entries(inputs)
    .filter(([file]) => file.includes("/generated/") || file.startsWith("generated/") || file.includes("generated/elb/src/"))
    .map(([file, bytes]) => [file.replace(/.*\/src\//, "").replace(/\.gen\.ts$|\.ts$/, ""), bytes] as const)
    .filter(([, bytes]) => bytes > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([name, bytes]) => `${name} ${fmt(bytes / 1024, 1)}`)
    .join(", ");
}

/**
 * `operationIds`: the ELB operations to measure (each its own consumer). The first one is the
 * goal's: the list operation of the validator section (the largest response schema).
 */
export async function benchBundle(operationIds: string[]): Promise<BundleResult> {
  const dir = freshDir("bundle");
  const model = await loadModel(rootDir, path.join(rootDir, "specs"), "elb");
  const elbIndex = path.relative(dir, path.join(rootDir, "generated/elb/src/index.ts")).split(path.sep).join("/");
  const elbTypes = path.relative(dir, path.join(genDir, "openapi-typescript/elb.ts")).split(path.sep).join("/");
  const rows: Row[] = [];
  const goals: GoalResult[] = [];
  for (const operationId of operationIds) {
    const op = model.operations.find((o) => o.operationId === operationId);
    if (!op) throw new Error(`bench: no ELB operation ${operationId}`);
    const pathParams = Object.fromEntries(op.params.filter((p) => p.in === "path").map((p) => [p.name, p.name === "project_id" ? "0b5a3d4f" : "id-1"]));
    const { project_id: projectId, ...otherPath } = pathParams as Record<string, string>;
    const oursInput = Object.keys(otherPath).length > 0 ? `{ path: ${JSON.stringify(otherPath)} }` : "{}";
    const method = op.method;
    const ours = path.join(dir, `${operationId}.docs2ts.ts`);
    writeFileSync(
      ours,
      [
        `import { createClient, ${op.functionName} } from "${elbIndex}";`,
        "",
        `const client = createClient({ endpoint: "https://elb.example.com", projectId: ${JSON.stringify(projectId ?? "")}, auth: { token: "token" } });`,
        `console.log(await ${op.functionName}(client, ${oursInput}));`,
        "",
      ].join("\n"),
    );
    const peer = path.join(dir, `${operationId}.openapi-fetch.ts`);
    writeFileSync(
      peer,
      [
        `import createClient from "openapi-fetch";`,
        `import type { paths } from "${elbTypes}";`,
        "",
        `const client = createClient<paths>({ baseUrl: "https://elb.example.com", headers: { "X-Auth-Token": "token" } });`,
        `console.log(await client.${method}(${JSON.stringify(op.path)}, { params: { path: ${JSON.stringify(pathParams)} } } as never));`,
        "",
      ].join("\n"),
    );
    const a = await bundle(ours);
    const b = await bundle(peer);
    const met = a.gzip < b.gzip;
    rows.push([`bundle, ELB ${operationId} consumer: docs2ts (client, request validation, one operation)`, `${fmt(a.gzip / 1024, 2)} KiB gzip`, `${fmt(a.minified / 1024, 1)} KiB min; ${fmt(a.gzip / b.gzip, 2)}x openapi-fetch`, operationId === operationIds[0] ? verdict(met, "goal < openapi-fetch") : ""]);
    rows.push([`bundle, ELB ${operationId} consumer: openapi-fetch`, `${fmt(b.gzip / 1024, 2)} KiB gzip`, `${fmt(b.minified / 1024, 1)} KiB min`, ""]);
    rows.push([`bundle, ELB ${operationId}: what docs2ts's bundle is made of (KiB minified)`, composition(a.inputs), "", ""]);
    if (operationId === operationIds[0]) goals.push({ goal: `bundle smaller than openapi-fetch (${operationId})`, met, detail: `${a.gzip} B vs ${b.gzip} B gzip` });
  }
  return { rows, goals };
}
