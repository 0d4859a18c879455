import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ServiceConfig } from "../../core/config.ts";
import { scrapeService, type ScrapeResult } from "../../scraper/index.ts";

export const fixturesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "../fixtures");

export const seeds = [
  { service: "taurusdb", file: "taurusdb-create-manual-backup.en.gitea.html", language: "en" },
  { service: "gaussdb-opengauss", file: "gaussdb-opengauss-create-manual-backup.en.txt", language: "en" },
  { service: "rds", file: "rds-create-manual-backup.en.pipes.txt", language: "en" },
  { service: "geminidb-cassandra", file: "geminidb-cassandra-create-manual-backup.en.gitea.html", language: "en" },
  { service: "dds", file: "dds-create-manual-backup.zh.md", language: "zh" },
] as const;

export type SeedService = (typeof seeds)[number]["service"];

export function scrapeSeed(service: SeedService): ScrapeResult {
  const seed = seeds.find((s) => s.service === service)!;
  const config: ServiceConfig = {
    name: seed.service,
    title: seed.service,
    cloud: "",
    language: seed.language,
    pages: [],
    server: "https://{endpoint}",
    version: "0.1.0",
  };
  const content = readFileSync(path.join(fixturesDir, "seeds", seed.file), "utf8");
  return scrapeService(config, [{ file: `test/fixtures/seeds/${seed.file}`, content }]);
}
