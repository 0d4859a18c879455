// A small docs2ts project in a temp folder: two services from the seed pages, so regenerate
// tests run the real pipeline quickly and never touch this repository.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface TempProject {
  root: string;
  cacheDir: string;
  remove(): void;
}

export function tempProject(): TempProject {
  const root = mkdtempSync(path.join(tmpdir(), "docs2ts-project-"));
  const seeds = path.join(repo, "test/fixtures/seeds");
  mkdirSync(path.join(root, "sources/taurusdb"), { recursive: true });
  mkdirSync(path.join(root, "sources/dds"), { recursive: true });
  cpSync(path.join(seeds, "taurusdb-create-manual-backup.en.gitea.html"), path.join(root, "sources/taurusdb/create-manual-backup.html"));
  cpSync(path.join(seeds, "dds-create-manual-backup.zh.md"), path.join(root, "sources/dds/创建手动备份.md"));
  writeFileSync(
    path.join(root, "docs2ts.config.json"),
    `${JSON.stringify(
      {
        scope: "docs2ts",
        services: [
          { name: "taurusdb", title: "TaurusDB", cloud: "Open Telekom Cloud", language: "en", pages: ["sources/taurusdb/*.html"], server: "https://{endpoint}", version: "0.1.0" },
          { name: "dds", title: "DDS", cloud: "Huawei Cloud", language: "zh", pages: ["sources/dds/*.md"], server: "https://{endpoint}", version: "0.1.0" },
        ],
      },
      null,
      2,
    )}\n`,
  );
  const cacheDir = path.join(root, ".test-cache");
  return { root, cacheDir, remove: () => rmSync(root, { recursive: true, force: true }) };
}
