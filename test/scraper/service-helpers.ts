import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfig } from "../../core/config.ts";
import { scrapeService, type ScrapeResult } from "../../scraper/index.ts";
import { readPage, servicePages } from "../../cli/io.ts";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Scrapes a service exactly as `docs2ts regenerate` does, from its committed sources/. */
export async function scrapeConfiguredService(name: string): Promise<ScrapeResult> {
  const service = (await loadConfig(repoRoot)).services.find((s) => s.name === name)!;
  const pages = await servicePages(service.pages, repoRoot, service.name);
  const toc = service.toc ? await readPage(service.toc, repoRoot) : undefined;
  return scrapeService(service, pages, toc ? { toc } : {});
}
