// Generation: `docs2ts generate` for every spec vs @hey-api/openapi-ts (types + sdk + zod) vs
// openapi-typescript (types only), each a fresh process on the same specs, into empty folders,
// contenders alternating (the order rotates every round), medians. The last round's output is
// kept in bench/.work/gen/ for the other sections (hey-api's zod schemas, openapi-typescript's
// types).
import { spawnSync } from "node:child_process";
import { readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fmt, median } from "./measure.ts";
import { freshDir, rootDir, specFiles, verdict, workDir, type GoalResult, type Row } from "./work.ts";

export const genDir = path.join(workDir, "gen");
const node = process.execPath;
const bin = {
  docs2ts: path.join(rootDir, "bin/docs2ts.js"),
  heyApi: path.join(rootDir, "node_modules/@hey-api/openapi-ts/bin/run.js"),
  openapiTypescript: path.join(rootDir, "node_modules/openapi-typescript/bin/cli.js"),
};

function run(args: string[], cwd = rootDir): void {
  const result = spawnSync(node, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  if (result.status !== 0) throw new Error(`bench: ${args.join(" ")} failed (${result.status}):\n${result.stderr}${result.stdout}`);
}

interface Contender {
  name: string;
  out: string;
  /** Runs the contender into its (empty) output folder. */
  run: () => void;
}

function contenders(): Contender[] {
  const specs = specFiles();
  const out = (name: string) => path.join(genDir, name);

  // hey-api: one CLI run with one job per spec (its config-file form), default output options.
  const heyConfig = path.join(genDir, "hey-api.config.mjs");
  const jobs = specs.map(([service, file]) => ({
    input: file,
    output: { path: path.join(out("hey-api"), service) },
    plugins: ["@hey-api/client-fetch", "@hey-api/typescript", "@hey-api/sdk", "zod"],
  }));
  writeFileSync(heyConfig, `export default ${JSON.stringify(jobs, null, 2)};\n`);

  // openapi-typescript in one process: its multi-API form (a Redocly config listing the specs).
  const redocly = path.join(genDir, "redocly.yaml");
  const apis = specs.map(([service, file]) => `  ${service}:\n    root: ${JSON.stringify(file)}\n    x-openapi-ts:\n      output: ${JSON.stringify(path.join(out("openapi-typescript-one"), `${service}.ts`))}\n`);
  writeFileSync(redocly, `apis:\n${apis.join("")}`);

  return [
    { name: "docs2ts", out: out("docs2ts"), run: () => run([bin.docs2ts, "generate", "--out", out("docs2ts")]) },
    { name: "hey-api", out: out("hey-api"), run: () => run([bin.heyApi, "-f", heyConfig, "--no-log-file", "-s"], genDir) },
    { name: "docs2ts-types", out: out("docs2ts-types"), run: () => run([bin.docs2ts, "generate", "--types-only", "--out", out("docs2ts-types")]) },
    {
      name: "openapi-typescript",
      out: out("openapi-typescript"),
      run: () => {
        for (const [service, file] of specs) run([bin.openapiTypescript, file, "-o", path.join(out("openapi-typescript"), `${service}.ts`)]);
      },
    },
    { name: "openapi-typescript-one", out: out("openapi-typescript-one"), run: () => run([bin.openapiTypescript, "--redocly", redocly], genDir) },
  ];
}

function treeSize(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

export interface GenerationResult {
  rows: Row[];
  goals: GoalResult[];
}

export function benchGeneration(rounds: number): GenerationResult {
  freshDir("gen");
  const list = contenders();
  const samples = new Map<string, number[]>(list.map((c) => [c.name, []]));
  // Round 0 warms the disk cache and tsx's compile cache; it is not counted.
  for (let round = 0; round <= rounds; round++) {
    const order = list.map((_, i) => list[(i + round) % list.length]!);
    for (const c of order) {
      rmSync(c.out, { recursive: true, force: true });
      const start = performance.now();
      c.run();
      const ms = performance.now() - start;
      if (round > 0) samples.get(c.name)!.push(ms);
    }
  }
  const ms = (name: string) => median(samples.get(name)!);
  const size = (name: string) => {
    const { files, bytes } = treeSize(list.find((c) => c.name === name)!.out);
    return `${files} files, ${fmt(bytes / 1024, 0)} KiB`;
  };
  const specCount = specFiles().length;
  const ours = ms("docs2ts");
  const hey = ms("hey-api");
  const types = ms("docs2ts-types");
  const oats = ms("openapi-typescript");
  const oatOne = ms("openapi-typescript-one");
  const rows: Row[] = [
    [`generate, ${specCount} specs: \`docs2ts generate\` (types, validators, client, package files)`, `${fmt(ours, 0)} ms`, `${size("docs2ts")}; ${fmt(ours / hey, 2)}x hey-api`, verdict(ours < hey, "goal < hey-api")],
    [`generate: @hey-api/openapi-ts (types + sdk + zod, one CLI run)`, `${fmt(hey, 0)} ms`, size("hey-api"), ""],
    [`generate, types only: \`docs2ts generate --types-only\``, `${fmt(types, 0)} ms`, `${size("docs2ts-types")}; ${fmt(types / oats, 2)}x openapi-typescript`, verdict(types <= oats, "goal <= openapi-typescript")],
    [`generate, types only: openapi-typescript CLI, once per spec`, `${fmt(oats, 0)} ms`, size("openapi-typescript"), ""],
    [`generate, types only: openapi-typescript, one process (Redocly config)`, `${fmt(oatOne, 0)} ms`, `${size("openapi-typescript-one")}; docs2ts types ${fmt(types / oatOne, 2)}x this`, ""],
  ];
  return {
    rows,
    goals: [
      { goal: "generation faster than hey-api", met: ours < hey, detail: `${fmt(ours, 0)} ms vs ${fmt(hey, 0)} ms` },
      { goal: "types step no slower than openapi-typescript", met: types <= oats, detail: `${fmt(types, 0)} ms vs ${fmt(oats, 0)} ms per spec, ${fmt(oatOne, 0)} ms in one process` },
    ],
  };
}
