// docs2ts regenerate: sources/ -> specs/ -> generated/, in one transaction, with the drift
// report of the new specs against the previous ones and version bumps to match.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { diffSpecs } from "../drift/diff.ts";
import { packageFilePath } from "../generator/index.ts";
import { formatText } from "../drift/format/text.ts";
import type { Finding } from "../drift/types.ts";
import { loadConfig, type Docs2tsConfig } from "../core/config.ts";
import type { Diagnostic } from "../core/diagnostics.ts";
import { serializeJson } from "../core/stable-json.ts";
import { applyOverlayText } from "../scraper/overlay/apply.ts";
import { ContentCache, defaultCacheDir } from "./cache.ts";
import { generatePackages } from "./generate-packages.ts";
import type { ParsedArgs } from "./main.ts";
import { terminalProgress, type Progress } from "./progress.ts";
import { summaryLine } from "./scrape.ts";
import { scrapeAllServices } from "./scrape-services.ts";
import { applyChanges, recoverInterrupted, type TransactionHooks } from "./transaction.ts";
import { bumpLevel, bumpVersion } from "./versions.ts";

export interface RegenerateOptions {
  rootDir: string;
  /** Change nothing; report what is stale. */
  check?: boolean;
  /** Use the content-hash cache (default true), in `cacheDir` (default .cache/docs2ts). */
  cache?: boolean;
  cacheDir?: string;
  progress?: Progress;
  log?: (line: string) => void;
  hooks?: TransactionHooks;
}

export interface RegenerateResult {
  /** Repo-relative files that differ from what the sources produce (written unless check). */
  stale: string[];
  findings: Finding[];
  driftReport: string;
  recovered: "none" | "discarded" | "completed";
}

const ignoredInPackages = new Set(["dist", "node_modules"]);

export async function regenerate(options: RegenerateOptions): Promise<RegenerateResult> {
  const rootDir = path.resolve(options.rootDir);
  const log = options.log ?? (() => {});
  // An interrupted earlier run is finished before anything else looks at specs/ or generated/.
  const recovered = options.check ? "none" : await recoverInterrupted(rootDir);
  if (recovered !== "none") log(`recovered an interrupted regenerate: ${recovered}`);

  const config = await loadConfig(rootDir);
  const cache = options.cache !== false ? new ContentCache(options.cacheDir ?? defaultCacheDir(rootDir)) : undefined;
  const scraped = await scrapeAllServices({ rootDir, config, ...(cache ? { cache } : {}), ...(options.progress ? { progress: options.progress } : {}) });

  const desired = new Map<string, string>();
  const findings: Finding[] = [];
  const versions = new Map<string, string>();
  const specs: { service: string; specText: string }[] = [];
  for (const result of scraped) {
    const name = result.service.name;
    const { specText, diagnostics } = await withOverlay(rootDir, name, result.specText, result.diagnostics);
    const previous = await readFile(path.join(rootDir, `specs/${name}.openapi.json`), "utf8").catch(() => undefined);
    const serviceFindings = previous !== undefined && previous !== specText ? diffSpecs(JSON.parse(previous), JSON.parse(specText), { service: name }) : [];
    findings.push(...serviceFindings);
    versions.set(name, bumpVersion(result.service.version, bumpLevel(serviceFindings)));
    desired.set(`specs/${name}.openapi.json`, specText);
    desired.set(`specs/${name}.diagnostics.json`, serializeJson(diagnostics));
    specs.push({ service: name, specText });
    log(summaryLine(name, { pages: result.pages, diagnostics }));
  }

  const bumped: Docs2tsConfig = { ...config, services: config.services.map((s) => ({ ...s, version: versions.get(s.name) ?? s.version })) };
  const configText = await bumpedConfigText(rootDir, versions);
  if (configText !== undefined) desired.set("docs2ts.config.json", configText);

  const packages = await generatePackages(bumped, specs, cache);
  for (const [service, files] of packages) {
    for (const file of files) {
      // Also for packages read from the cache: a file name must not lead out of generated/<service>/.
      packageFilePath(path.join(rootDir, "generated"), service, file.path, `specs/${service}.openapi.json`);
      desired.set(`generated/${service}/${file.path}`, file.content);
    }
  }

  const writes = new Map<string, string>();
  for (const [file, content] of desired) {
    const current = await readFile(path.join(rootDir, file), "utf8").catch(() => undefined);
    if (current !== content) writes.set(file, content);
  }
  const deletes = (await ownedFiles(rootDir, config)).filter((file) => !desired.has(file));
  const stale = [...writes.keys(), ...deletes].sort();

  const driftReport = findings.length > 0 ? formatText({ findings, services: specs.map((s) => s.service) }) : "";
  if (!options.check && stale.length > 0) await applyChanges(rootDir, { writes, deletes }, options.hooks);
  return { stale, findings, driftReport, recovered };
}

async function withOverlay(rootDir: string, service: string, specText: string, diagnostics: Diagnostic[]): Promise<{ specText: string; diagnostics: Diagnostic[] }> {
  const file = `specs/overlays/${service}.overlay.yaml`;
  const text = await readFile(path.join(rootDir, file), "utf8").catch(() => undefined);
  if (text === undefined) return { specText, diagnostics };
  const applied = applyOverlayText(JSON.parse(specText) as object, text, file);
  return { specText: serializeJson(applied.spec), diagnostics: [...diagnostics, ...applied.diagnostics] };
}

/** The config with bumped versions, or undefined when no version changes. Edits the file's own JSON. */
async function bumpedConfigText(rootDir: string, versions: Map<string, string>): Promise<string | undefined> {
  const raw = JSON.parse(await readFile(path.join(rootDir, "docs2ts.config.json"), "utf8")) as { services: { name: string; version?: string }[] };
  let changed = false;
  for (const service of raw.services) {
    const next = versions.get(service.name);
    if (next !== undefined && next !== (service.version ?? "0.1.0")) {
      service.version = next;
      changed = true;
    }
  }
  return changed ? `${JSON.stringify(raw, null, 2)}\n` : undefined;
}

/** Files regenerate owns: every spec and diagnostics file, and every file of every generated package. */
async function ownedFiles(rootDir: string, config: Docs2tsConfig): Promise<string[]> {
  const owned: string[] = [];
  for (const entry of await readdir(path.join(rootDir, "specs")).catch(() => [] as string[])) {
    if (entry.endsWith(".openapi.json") || entry.endsWith(".diagnostics.json")) owned.push(`specs/${entry}`);
  }
  const packages = new Set([...config.services.map((s) => s.name), ...(await readdir(path.join(rootDir, "generated")).catch(() => [] as string[]))]);
  for (const name of packages) owned.push(...(await filesUnder(rootDir, `generated/${name}`)));
  return owned;
}

async function filesUnder(rootDir: string, dir: string): Promise<string[]> {
  const entries = await readdir(path.join(rootDir, dir), { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.isDirectory()) {
      if (!ignoredInPackages.has(entry.name)) files.push(...(await filesUnder(rootDir, `${dir}/${entry.name}`)));
    } else files.push(`${dir}/${entry.name}`);
  }
  return files;
}

export async function regenerateCommand(args: ParsedArgs, rootDir: string): Promise<number> {
  const check = args.values.check === true;
  const progress = terminalProgress();
  const result = await regenerate({
    rootDir,
    check,
    ...(progress ? { progress } : {}),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  if (result.driftReport) process.stdout.write(`${result.driftReport}\n`);
  if (check && result.stale.length > 0) {
    process.stderr.write(`stale (run \`npm run regenerate\`): ${result.stale.join(", ")}\n`);
    return 1;
  }
  if (!check) process.stderr.write(result.stale.length > 0 ? `updated ${result.stale.length} files\n` : "everything is current\n");
  return 0;
}
