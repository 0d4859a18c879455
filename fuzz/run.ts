// The scraper fuzzing property: a real page (from sources/ or the test fixtures), broken by one
// or more mutations, goes through `scrapeService` exactly as one page of its service. The
// outcome must be a spec (a plain JSON-serialisable object, `openapi: "3.1.0"`) with
// well-formed diagnostics, or an Error whose message names the file. Anything else (another
// throw, a non-Error, a spec that cannot be serialised) is a failure.

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { parseConfig, type ServiceConfig } from "../core/config.ts";
import { scrapeService, type ScrapeOptions, type SourcePage } from "../scraper/index.ts";
import { serializeJson } from "../core/stable-json.ts";
import {
  applyMutations,
  describeMutations,
  mutationsArbitrary,
  MUTATION_KINDS,
  type Mutation,
  type MutationKind,
} from "./mutators.ts";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const PAGE_EXTENSIONS = /\.(?:html?|md|txt)$/i;

export interface CorpusPage {
  file: string;
  content: string;
  service: ServiceConfig;
  toc?: SourcePage;
}

export interface Corpus {
  pages: CorpusPage[];
}

function filesUnder(dir: string, skip: (relative: string) => boolean): string[] {
  const absolute = path.join(repoRoot, dir);
  let entries;
  try {
    entries = readdirSync(absolute, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isFile() && PAGE_EXTENSIONS.test(e.name))
    .map((e) => path.relative(repoRoot, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .filter((f) => !skip(f))
    .sort();
}

/**
 * Every page of `sources/**` and `test/fixtures/**` (html, md, txt; not the generator's fixtures
 * nor `expected` outputs), each with the service config it belongs to: the configured service for
 * `sources/<name>/`, else the one its file name starts with, else a neutral one.
 */
export function loadCorpus(root = repoRoot): Corpus {
  const config = parseConfig(
    JSON.parse(readFileSync(path.join(root, "docs2ts.config.json"), "utf8")),
    "docs2ts.config.json",
  );
  const byName = new Map(config.services.map((s) => [s.name, s]));
  const fallback: ServiceConfig = {
    name: "fuzz",
    title: "Fuzz",
    cloud: "",
    language: "en",
    pages: ["**"],
    server: "https://{endpoint}",
    version: "0.1.0",
  };
  const tocs = new Map<string, SourcePage>();
  for (const s of config.services) {
    if (!s.toc) continue;
    try {
      tocs.set(s.name, { file: s.toc, content: readFileSync(path.join(root, s.toc), "utf8") });
    } catch {
      // A missing TOC only means its service's pages are fuzzed without one.
    }
  }
  const files = [
    ...filesUnder("sources", () => false),
    ...filesUnder("test/fixtures", (f) => f.startsWith("test/fixtures/generator/") || /(^|\/)expected\//.test(f)),
  ];
  const pages = files.map((file): CorpusPage => {
    const content = readFileSync(path.join(root, file), "utf8");
    const inSources = /^sources\/([^/]+)\//.exec(file)?.[1];
    const base = path.posix.basename(file);
    const service =
      (inSources !== undefined ? byName.get(inSources) : undefined) ??
      config.services.find((s) => base.startsWith(`${s.name}-`)) ??
      fallback;
    const toc = inSources !== undefined ? tocs.get(service.name) : undefined;
    return { file, content, service, ...(toc ? { toc } : {}) };
  });
  return { pages };
}

// ---------------------------------------------------------------------------------------------
// The property.

export interface FuzzCase {
  page: CorpusPage;
  mutations: Mutation[];
  /** Also scrape a second, separately mutated page of the corpus with it (exercises merging). */
  companion?: { page: CorpusPage; mutations: Mutation[] };
}

export function describeCase(c: FuzzCase): string {
  const one = (p: CorpusPage, m: Mutation[]) => `${p.file} [${describeMutations(m)}]`;
  return c.companion
    ? `${one(c.page, c.mutations)} + ${one(c.companion.page, c.companion.mutations)}`
    : one(c.page, c.mutations);
}

export function fuzzCaseArbitrary(
  corpus: Corpus,
  kinds: readonly MutationKind[] = MUTATION_KINDS,
): fc.Arbitrary<FuzzCase> {
  const page = fc.constantFrom(...corpus.pages);
  const mutated = fc.record({ page, mutations: mutationsArbitrary(kinds) });
  return fc.oneof(
    { weight: 6, arbitrary: mutated },
    {
      weight: 1,
      arbitrary: fc.record({ page, mutations: mutationsArbitrary(kinds), companion: mutated }),
    },
  );
}

/** The file name a fuzzed page is scraped under (the real one: diagnostics and errors name it). */
function sourcePages(c: FuzzCase): SourcePage[] {
  const pages = [{ file: c.page.file, content: applyMutations(c.page.content, c.mutations) }];
  if (c.companion && c.companion.page.file !== c.page.file) {
    pages.push({
      file: c.companion.page.file,
      content: applyMutations(c.companion.page.content, c.companion.mutations),
    });
  }
  return pages;
}

const SEVERITIES = new Set(["error", "warning", "info"]);

/**
 * Throws (with the reason) when scraping the case breaks the contract; otherwise returns how long
 * the scrape (not the mutation) took, in ms.
 */
export function checkCase(c: FuzzCase): number {
  const pages = sourcePages(c);
  const options: ScrapeOptions = c.page.toc ? { toc: c.page.toc } : {};
  let result;
  const started = performance.now();
  try {
    result = scrapeService(c.page.service, pages, options);
  } catch (error) {
    if (error instanceof Error && pages.some((p) => error.message.includes(p.file))) return performance.now() - started; // one clear error naming the file
    const what =
      error instanceof Error
        ? `${error.name}: ${error.message}\n${error.stack?.split("\n").slice(1, 6).join("\n") ?? ""}`
        : `non-Error thrown: ${String(error)}`;
    throw new Error(`scrapeService threw without naming the file: ${what}`);
  }
  const ms = performance.now() - started;
  const { spec, diagnostics } = result;
  if (
    typeof spec !== "object" ||
    spec === null ||
    Array.isArray(spec) ||
    Object.getPrototypeOf(spec) !== Object.prototype
  ) {
    throw new Error("spec is not a plain object");
  }
  if (spec.openapi !== "3.1.0") throw new Error(`spec.openapi is ${JSON.stringify(spec.openapi)}`);
  const text = serializeJson(spec);
  if (typeof JSON.parse(text) !== "object") throw new Error("serialized spec does not parse back to an object");
  for (const d of diagnostics) {
    if (typeof d.ruleId !== "string" || !SEVERITIES.has(d.severity) || typeof d.message !== "string") {
      throw new Error(`malformed diagnostic ${JSON.stringify(d)}`);
    }
    if (!Number.isInteger(d.line) || d.line < 1)
      throw new Error(`diagnostic with line ${d.line}: ${JSON.stringify(d).slice(0, 300)}`);
    if (!pages.some((p) => p.file === d.file) && d.file !== c.page.toc?.file)
      throw new Error(`diagnostic names a file that was not scraped: ${d.file}`);
  }
  return ms;
}

// ---------------------------------------------------------------------------------------------
// The runner.

export interface FuzzFailure {
  /** fast-check seed and path: `fuzzScraper({ seed, path, runs: 1 })` (CLI: `--seed S --path P`) replays the shrunk case. */
  seed: number;
  path: string;
  /** The shrunk counterexample, described (not the page itself). */
  counterexample: string;
  error: string;
}

export interface FuzzOptions {
  runs: number;
  seed?: number;
  /** Replays one recorded failure (with its seed). */
  path?: string;
  kinds?: readonly MutationKind[];
  corpus?: Corpus;
  /** Runs per fast-check batch; a failure ends its batch and the next starts with the next seed. */
  batch?: number;
  /** A run slower than this counts as a failure (0: off). Only a catastrophic slowdown, not a benchmark. */
  slowMs?: number;
  onFailure?: (failure: FuzzFailure) => void;
  onProgress?: (runs: number, failures: number) => void;
}

export interface FuzzSummary {
  runs: number;
  failures: FuzzFailure[];
  timeMs: number;
  slowest: { ms: number; case: string };
}

export function fuzzScraper(options: FuzzOptions): FuzzSummary {
  const corpus = options.corpus ?? loadCorpus();
  const arbitrary = fuzzCaseArbitrary(corpus, options.kinds);
  const seed = options.seed ?? Date.now() % 2 ** 31;
  const batch = options.batch ?? 1_000;
  const slowMs = options.slowMs ?? 0;
  const failures: FuzzFailure[] = [];
  const slowest = { ms: 0, case: "" };
  const started = performance.now();
  let runs = 0;

  const property = fc.property(arbitrary, (c) => {
    const ms = checkCase(c);
    if (ms > slowest.ms) {
      slowest.ms = ms;
      slowest.case = describeCase(c);
    }
    if (slowMs > 0 && ms > slowMs) throw new Error(`took ${Math.round(ms)} ms (limit ${slowMs} ms)`);
  });

  for (let round = 0; runs < options.runs; round++) {
    const roundSeed = (seed + round) | 0;
    const numRuns = options.path !== undefined ? 1 : Math.min(batch, options.runs - runs);
    const details = fc.check(property, {
      seed: roundSeed,
      numRuns,
      ...(options.path !== undefined ? { path: options.path } : {}),
    });
    runs += details.numRuns;
    if (details.failed) {
      const [c] = details.counterexample ?? [];
      const failure: FuzzFailure = {
        seed: roundSeed,
        path: details.counterexamplePath ?? "",
        counterexample: c ? describeCase(c) : "(none)",
        error: details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance),
      };
      failures.push(failure);
      options.onFailure?.(failure);
      if (details.numRuns === 0) runs++; // never loop without progress
    }
    options.onProgress?.(runs, failures.length);
    if (options.path !== undefined) break;
  }
  return { runs, failures, timeMs: performance.now() - started, slowest };
}
