import path from "node:path";
import { readFile } from "node:fs/promises";
import { loadConfig } from "../scraper/config.ts";
import { scrapeService } from "../scraper/index.ts";
import { serializeDocument } from "../scraper/openapi/document.ts";
import { readPage, servicePages, UsageError, writeText } from "./io.ts";
import type { ParsedArgs } from "./main.ts";
import { printDiagnostics, summaryLine } from "./scrape.ts";

/** Scrape every configured service into specs/<service>.openapi.json (+ .diagnostics.json). */
export async function regenerateCommand(args: ParsedArgs, rootDir: string): Promise<number> {
  const config = await loadConfig(rootDir);
  const check = args.values.check === true;
  const stale: string[] = [];
  for (const service of config.services) {
    const pages = await servicePages(service.pages, rootDir);
    if (pages.length === 0) throw new UsageError(`service ${service.name}: no pages match ${service.pages.join(", ")}`);
    const toc = service.toc ? await readPage(service.toc, rootDir) : undefined;
    const result = scrapeService(service, pages, { ...(toc ? { toc } : {}) });
    const outputs: [string, string][] = [
      [`specs/${service.name}.openapi.json`, serializeDocument(result.spec)],
      [`specs/${service.name}.diagnostics.json`, serializeDocument(result.diagnostics)],
    ];
    for (const [file, text] of outputs) {
      const absolute = path.join(rootDir, file);
      if (check) {
        const current = await readFile(absolute, "utf8").catch(() => undefined);
        if (current !== text) stale.push(file);
      } else await writeText(absolute, text);
    }
    if (!check) printDiagnostics(result.diagnostics);
    process.stderr.write(`${summaryLine(service.name, result)}\n`);
  }
  if (check && stale.length > 0) {
    process.stderr.write(`stale (run \`npm run regenerate\`): ${stale.join(", ")}\n`);
    return 1;
  }
  return 0;
}
