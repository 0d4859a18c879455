// npm run fuzz -- --runs 100000 [--seed N] [--path P] [--slow-ms MS] [--kinds a,b]
// Fuzzes the scraper with mutated real pages and prints `runs: N, failures: F, time: T s`, then
// each failure with the seed/path that replays it and its shrunk counterexample (described, not
// printed). Exit 1 when something failed, 2 on bad arguments.

import { MUTATION_KINDS, type MutationKind } from "./mutators.ts";
import { fuzzScraper, loadCorpus } from "./run.ts";

function usage(message: string): never {
  process.stderr.write(
    `${message}\nusage: node --import tsx fuzz/cli.ts [--runs N] [--seed N] [--path P] [--slow-ms MS] [--kinds ${MUTATION_KINDS.join(",")}]\n`,
  );
  process.exit(2);
}

function parseArgs(argv: string[]): {
  runs: number;
  seed?: number;
  path?: string;
  slowMs: number;
  kinds?: MutationKind[];
} {
  const out: { runs: number; seed?: number; path?: string; slowMs: number; kinds?: MutationKind[] } = {
    runs: 10_000,
    slowMs: 20_000,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = argv[i + 1];
    const int = (): number => {
      const n = Number(value);
      if (value === undefined || !Number.isInteger(n)) usage(`${flag} needs an integer`);
      i++;
      return n;
    };
    if (flag === "--runs") out.runs = int();
    else if (flag === "--seed") out.seed = int();
    else if (flag === "--slow-ms") out.slowMs = int();
    else if (flag === "--path") {
      if (value === undefined) usage("--path needs a value");
      out.path = value;
      i++;
    } else if (flag === "--kinds") {
      const kinds = (value ?? "").split(",").filter(Boolean);
      const unknown = kinds.filter((k) => !MUTATION_KINDS.includes(k as MutationKind));
      if (kinds.length === 0 || unknown.length > 0)
        usage(`unknown mutation kind(s): ${unknown.join(", ") || "(none)"}`);
      out.kinds = kinds as MutationKind[];
      i++;
    } else usage(`unknown argument ${flag}`);
  }
  if (out.path !== undefined && out.seed === undefined) usage("--path needs the --seed it was recorded with");
  return out;
}

const args = parseArgs(process.argv.slice(2));
const corpus = loadCorpus();
const seed = args.seed ?? Date.now() % 2 ** 31;
process.stderr.write(
  `fuzzing the scraper: ${corpus.pages.length} pages, seed ${seed}${args.path ? `, path ${args.path}` : ""}\n`,
);
let lastReport = 0;
const summary = fuzzScraper({
  runs: args.runs,
  seed,
  corpus,
  slowMs: args.slowMs,
  ...(args.path !== undefined ? { path: args.path } : {}),
  ...(args.kinds ? { kinds: args.kinds } : {}),
  onFailure: (f) => process.stderr.write(`failure (seed ${f.seed}, path ${f.path}): ${f.error.split("\n")[0]}\n`),
  onProgress: (runs, failures) => {
    if (process.stderr.isTTY || runs - lastReport >= 10_000) {
      lastReport = runs;
      process.stderr.write(
        `${process.stderr.isTTY ? "\r" : ""}${runs} runs, ${failures} failures${process.stderr.isTTY ? "" : "\n"}`,
      );
    }
  },
});
if (process.stderr.isTTY) process.stderr.write("\n");

console.log(
  `runs: ${summary.runs}, failures: ${summary.failures.length}, time: ${(summary.timeMs / 1000).toFixed(1)} s`,
);
console.log(`slowest run: ${Math.round(summary.slowest.ms)} ms (${summary.slowest.case})`);
for (const f of summary.failures) {
  console.log(`\nFAIL replay: node --import tsx fuzz/cli.ts --seed ${f.seed} --path ${f.path}`);
  console.log(`  case: ${f.counterexample}`);
  console.log(`  error: ${f.error.split("\n").join("\n         ")}`);
}
process.exitCode = summary.failures.length > 0 ? 1 : 0;
