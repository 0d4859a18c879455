// Scraping every configured service, through the content-hash cache: a service whose pages,
// config and scraper code are unchanged is read from the cache instead of scraped again.
import type { Docs2tsConfig, ServiceConfig } from "../core/config.ts";
import type { Diagnostic } from "../core/diagnostics.ts";
import { scrapeService, type PageOutcome } from "../scraper/index.ts";
import { serializeJson } from "../core/stable-json.ts";
import { codeFingerprint, ContentCache, hashOf } from "./cache.ts";
import { confinedFile, InputError, readPage, servicePages } from "./io.ts";
import type { Progress } from "./progress.ts";

export interface ScrapedService {
  service: ServiceConfig;
  /** The bytes of specs/<service>.openapi.json. */
  specText: string;
  diagnostics: Diagnostic[];
  pages: PageOutcome[];
  fromCache: boolean;
}

export interface ScrapeAllOptions {
  rootDir: string;
  config: Docs2tsConfig;
  cache?: ContentCache;
  progress?: Progress;
}

export async function scrapeAllServices(options: ScrapeAllOptions): Promise<ScrapedService[]> {
  const fingerprint = options.cache ? await codeFingerprint(["scraper", "core"]) : "";
  const results: ScrapedService[] = [];
  for (const service of options.config.services) {
    const pages = await servicePages(service.pages, options.rootDir, service.name);
    if (pages.length === 0) throw new InputError(`service ${service.name}: no pages match ${service.pages.join(", ")}`);
    const toc = service.toc
      ? await readPage(await confinedFile(options.rootDir, `sources/${service.name}`, service.toc, service.name), options.rootDir)
      : undefined;
    const key = hashOf([fingerprint, JSON.stringify(service), toc?.content ?? "", ...pages.flatMap((p) => [p.file, p.content])]);
    const cached = options.cache ? await options.cache.get(key) : undefined;
    if (cached) {
      const entry = JSON.parse(cached) as Omit<ScrapedService, "service" | "fromCache">;
      results.push({ service, ...entry, fromCache: true });
      continue;
    }
    const result = scrapeService(service, pages, {
      ...(toc ? { toc } : {}),
      ...(options.progress ? { onPage: (done: number, total: number) => options.progress!(service.name, done, total) } : {}),
    });
    const entry = { specText: serializeJson(result.spec), diagnostics: result.diagnostics, pages: result.pages };
    await options.cache?.set(key, JSON.stringify(entry));
    results.push({ service, ...entry, fromCache: false });
  }
  return results;
}
