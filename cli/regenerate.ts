import path from "node:path";
import { readFile } from "node:fs/promises";
import { loadConfig } from "../scraper/config.ts";
import { serializeDocument } from "../scraper/openapi/document.ts";
import { ContentCache, defaultCacheDir } from "./cache.ts";
import { writeText } from "./io.ts";
import type { ParsedArgs } from "./main.ts";
import { terminalProgress, type Progress } from "./progress.ts";
import { summaryLine } from "./scrape.ts";
import { scrapeAllServices } from "./scrape-services.ts";

export interface RegenerateOptions {
  rootDir: string;
  check?: boolean;
  /** Use the content-hash cache (default true), in `cacheDir` (default .cache/docs2ts). */
  cache?: boolean;
  cacheDir?: string;
  progress?: Progress;
  log?: (line: string) => void;
}

export interface RegenerateResult {
  /** Output files (repo-relative) that differ from what the sources produce. */
  stale: string[];
  written: string[];
}

/**
 * Scrape every configured service into specs/<service>.openapi.json and its diagnostics into
 * specs/<service>.diagnostics.json (printed as one summary line per service; the full list is
 * in that file).
 */
export async function regenerate(options: RegenerateOptions): Promise<RegenerateResult> {
  const { rootDir } = options;
  const log = options.log ?? (() => {});
  const config = await loadConfig(rootDir);
  const scraped = await scrapeAllServices({
    rootDir,
    config,
    ...(options.cache !== false ? { cache: new ContentCache(options.cacheDir ?? defaultCacheDir(rootDir)) } : {}),
    ...(options.progress ? { progress: options.progress } : {}),
  });
  const stale: string[] = [];
  const written: string[] = [];
  for (const result of scraped) {
    const outputs: [string, string][] = [
      [`specs/${result.service.name}.openapi.json`, result.specText],
      [`specs/${result.service.name}.diagnostics.json`, serializeDocument(result.diagnostics)],
    ];
    for (const [file, text] of outputs) {
      const absolute = path.join(rootDir, file);
      const current = await readFile(absolute, "utf8").catch(() => undefined);
      if (current === text) continue;
      stale.push(file);
      if (!options.check) {
        await writeText(absolute, text);
        written.push(file);
      }
    }
    log(summaryLine(result.service.name, result));
  }
  return { stale, written };
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
  if (check && result.stale.length > 0) {
    process.stderr.write(`stale (run \`npm run regenerate\`): ${result.stale.join(", ")}\n`);
    return 1;
  }
  return 0;
}
