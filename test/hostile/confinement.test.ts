// Confinement: a path built from config or doc content (service names, page names, operation and
// schema names, journal entries, cache keys) never leaves its root: sources/<service>/, specs/,
// generated/<service>/, the repository, the cache folder. Paths the user passes on the command
// line (`docs2ts scrape <pages> --out <file>`) are theirs and are not restricted.
// Names fetched from an upstream by `docs2ts sync` are covered by test/sync/names.test.ts
// (unsafePageName, resolveInside) and test/sync/git.test.ts ("confinement: names from the
// repository never leave sources/<service>/").

import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, test } from "vitest";
import { ContentCache } from "../../cli/cache.ts";
import { collectPages, InputError, servicePages } from "../../cli/io.ts";
import { regenerate } from "../../cli/regenerate.ts";
import { applyChanges, recoverInterrupted } from "../../cli/transaction.ts";
import { generate, GenerateError, packageFilePath, planPackage } from "../../generator/index.ts";
import { fileStem } from "../../generator/names.ts";
import type { OpenApiDocument } from "../../generator/spec.ts";
import { ConfigError, loadConfig, parseConfig } from "../../core/config.ts";
import { unsafePageName } from "../../sync/paths.ts";
import { tempProject, type TempProject } from "../workflow/repo-copy.ts";

/** Every file under `dir`, relative, "/" separators, sorted. */
function tree(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(dir, rel))) {
      const child = rel === "" ? entry : `${rel}/${entry}`;
      if (statSync(path.join(dir, child)).isDirectory()) walk(child);
      else out.push(child);
    }
  };
  walk("");
  return out.sort();
}

describe("service names (docs2ts.config.json)", () => {
  const service = (name: unknown) => ({ scope: "docs2ts", services: [{ name, pages: ["sources/x/*.md"] }] });

  test.each(["../x", "..\\x", "..", ".", "a/b", "x/..", "/abs", "C:x", "Dds", "", " dds", "dds\u0000", "a".repeat(64), "名称"])(
    "%j is a ConfigError naming the file and the entry",
    (name) => {
      let error: unknown;
      try {
        parseConfig(service(name), "docs2ts.config.json");
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).file).toBe("docs2ts.config.json");
      expect((error as Error).message).toMatch(/^docs2ts\.config\.json: services\[0\]\.name must match /);
    },
  );

  it("accepts ordinary names", () => {
    for (const name of ["dds", "gaussdb-opengauss", "a1", "a".repeat(63)]) expect(parseConfig(service(name), "c.json").services[0]!.name).toBe(name);
  });

  it("loadConfig refuses ../x from a file", async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), "docs2ts-config-"));
    try {
      await writeFile(path.join(root, "docs2ts.config.json"), JSON.stringify(service("../x")));
      await expect(loadConfig(root)).rejects.toThrow('docs2ts.config.json: services[0].name must match /^[a-z][a-z0-9-]{0,62}$/ (got "../x")');
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe("config-driven pages stay inside sources/<service>/", () => {
  let project: TempProject;
  beforeEach(() => {
    project = tempProject();
  });
  afterEach(() => project.remove());

  const setPages = (pages: string[], extra: Record<string, unknown> = {}) => {
    const file = path.join(project.root, "docs2ts.config.json");
    const config = JSON.parse(readFileSync(file, "utf8")) as { services: Record<string, unknown>[] };
    Object.assign(config.services.find((s) => s.name === "dds")!, { pages, ...extra });
    writeFileSync(file, JSON.stringify(config));
  };
  const regenerateError = async (): Promise<Error> => {
    const error = await regenerate({ rootDir: project.root, cacheDir: project.cacheDir }).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(InputError);
    // Nothing was written: the error comes before the transaction.
    expect(existsSync(path.join(project.root, "specs"))).toBe(false);
    expect(existsSync(path.join(project.root, "generated"))).toBe(false);
    return error!;
  };

  it.each([
    ["../outside/*.md", 'service dds: page glob "../outside/*.md" contains ".."'],
    ["sources/dds/../taurusdb/*.html", 'service dds: page glob "sources/dds/../taurusdb/*.html" contains ".."'],
    ["/etc/*.conf", 'service dds: page glob "/etc/*.conf" is an absolute path'],
    ["sources\\dds\\*.md", 'service dds: page glob "sources\\\\dds\\\\*.md" contains a backslash'],
  ])("a glob %j is refused", async (glob, message) => {
    mkdirSync(path.join(project.root, "../outside"), { recursive: true });
    setPages([glob]);
    expect((await regenerateError()).message).toBe(message);
  });

  it("a page named ..\\x.md is an error naming it (on Windows it names a parent folder)", async () => {
    writeFileSync(path.join(project.root, "sources/dds/..\\x.md"), "# page\n");
    // "*" skips dot files, so the default glob never reads it; a glob that selects it fails.
    setPages(["sources/dds/{*,.*}.md"]);
    expect((await regenerateError()).message).toBe(
      "service dds: sources/dds/..\\x.md: contains a backslash (config-driven pages must be inside sources/dds/)",
    );
  });

  it("a page named x\\..\\..\\y.md is an error with the default glob", async () => {
    writeFileSync(path.join(project.root, "sources/dds/x\\..\\..\\y.md"), "# page\n");
    expect((await regenerateError()).message).toBe(
      "service dds: sources/dds/x\\..\\..\\y.md: contains a backslash (config-driven pages must be inside sources/dds/)",
    );
  });

  it("another service's folder is outside", async () => {
    setPages(["sources/*/*.html"]);
    expect((await regenerateError()).message).toMatch(/^service dds: sources\/taurusdb\/create-manual-backup\.html: is outside sources\/dds\//);
  });

  it("a symbolic link that leads out of the folder is refused", async () => {
    const secret = path.join(project.root, "secret.md");
    writeFileSync(secret, "# not a doc page\n");
    symlinkSync(secret, path.join(project.root, "sources/dds/link.md"));
    expect((await regenerateError()).message).toBe("service dds: sources/dds/link.md: resolves outside sources/dds/ (symbolic link)");
  });

  it("the table of contents is confined too", async () => {
    setPages(["sources/dds/*.md"], { toc: "docs2ts.config.json" });
    expect((await regenerateError()).message).toMatch(/^service dds: docs2ts\.config\.json: is outside sources\/dds\//);
  });

  it("the configured layout still works, and explicit command-line paths are the user's", async () => {
    expect((await servicePages(["sources/dds/*.md"], project.root, "dds")).map((p) => p.file)).toEqual(["sources/dds/创建手动备份.md"]);
    const elsewhere = await mkdtemp(path.join(os.tmpdir(), "docs2ts-elsewhere-"));
    try {
      writeFileSync(path.join(elsewhere, "page.md"), "# page\n");
      const pages = await collectPages([path.relative(project.root, path.join(elsewhere, "page.md"))], project.root);
      expect(pages.map((p) => p.content)).toEqual(["# page\n"]);
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });
});

describe("generated file names come from names in the spec", () => {
  test.each([
    ["../../evil", "evil"],
    ["..\\x", "x"],
    ["/etc/passwd", "etc-passwd"],
    ["a/../../b", "a-b"],
    ["CON", "con-operation"],
    ["nul", "nul-operation"],
    ["Com1", "com1-operation"],
    ["lpt9", "lpt9-operation"],
    ["console", "console"],
    ["", "operation"],
    ["..", "operation"],
    ["名称", "名称"],
    ["a\u0000b\u202e", "a-b"],
  ])("%j -> %j", (name, stem) => expect(fileStem(name)).toBe(stem));

  it("long names are cut to 120 UTF-8 bytes at a character boundary", () => {
    expect(fileStem("a".repeat(10_000))).toBe("a".repeat(120));
    const chinese = fileStem("名".repeat(1000));
    expect(Buffer.byteLength(chinese)).toBe(120);
    expect(chinese).toBe("名".repeat(40));
    expect(fileStem(`${"ab-".repeat(39)}cd-ef`)).not.toMatch(/-$/);
  });

  const evilSpec = (): OpenApiDocument => {
    const ids = ["../../evil", "..\\evil", "CON", "con", "/etc/passwd", "a".repeat(5000), `${"a".repeat(5000)}b`, "名".repeat(500), "__proto__"];
    const paths: Record<string, unknown> = {};
    ids.forEach((operationId, i) => {
      paths[`/v1/op${i}`] = { get: { operationId, responses: { "200": { description: "ok" } } } };
    });
    return { openapi: "3.1.0", info: { title: "evil", version: "1.0.0" }, paths } as unknown as OpenApiDocument;
  };

  it("plans distinct, plain, bounded file stems", () => {
    const model = planPackage(evilSpec(), { service: "evil-names", scope: "docs2ts", specPath: "specs/evil-names.openapi.json" });
    const stems = model.operations.map((op) => op.fileStem);
    expect(new Set(stems).size).toBe(stems.length);
    for (const stem of stems) {
      expect(stem).toMatch(/^[\p{Ll}\p{Lo}\p{N}][\p{Ll}\p{Lo}\p{N}-]*$/u);
      // 120 bytes of stem, "-<n>" for a clash, ".gen.ts": far below the usual 255 per name.
      expect(Buffer.byteLength(`${stem}.gen.ts`)).toBeLessThanOrEqual(140);
      expect(["con", "prn", "aux", "nul"]).not.toContain(stem);
    }
  });

  it("generate writes only inside generated/<service>/", async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), "docs2ts-evil-names-"));
    try {
      await mkdir(path.join(root, "specs"));
      await writeFile(path.join(root, "specs/evil-names.openapi.json"), JSON.stringify(evilSpec()));
      await generate({ rootDir: root });
      const files = tree(root);
      expect(files.filter((f) => !f.startsWith("generated/evil-names/"))).toEqual(["specs/evil-names.openapi.json"]);
      expect(files.filter((f) => f.startsWith("generated/evil-names/src/operations/"))).toHaveLength(9);
      expect(existsSync(path.join(root, "../evil.gen.ts"))).toBe(false);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  }, 60_000);

  it("a spec file whose name is not a service name is refused (..openapi.json would be service \".\")", async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), "docs2ts-dot-"));
    try {
      await mkdir(path.join(root, "specs"));
      await writeFile(path.join(root, "specs/..openapi.json"), JSON.stringify(evilSpec()));
      await expect(generate({ rootDir: root })).rejects.toBeInstanceOf(GenerateError);
      expect(tree(root)).toEqual(["specs/..openapi.json"]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it.each([
    ["dds", "../x.ts"],
    ["dds", "src/../../x.ts"],
    ["dds", "/etc/passwd"],
    ["dds", "src\\x.ts"],
    ["dds", "src//x.ts"],
    ["dds", "./x.ts"],
    ["dds", ""],
    ["..", "x.ts"],
    [".", "x.ts"],
    ["a/b", "x.ts"],
  ])("packageFilePath refuses service %j, file %j", (service, file) => {
    expect(() => packageFilePath("/repo/generated", service, file, "specs/x.openapi.json")).toThrow(GenerateError);
  });

  it("packageFilePath accepts what the generator emits", () => {
    expect(packageFilePath("/repo/generated", "dds", "src/operations/名称.gen.ts", "s")).toBe(path.resolve("/repo/generated/dds/src/operations/名称.gen.ts"));
  });
});

describe("the regenerate transaction stays inside the repository", () => {
  let root: string;
  let outside: string;
  beforeEach(async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), "docs2ts-txn-"));
    root = path.join(parent, "repo");
    outside = path.join(parent, "victim.txt");
    await mkdir(root);
    await writeFile(outside, "precious");
  });
  afterEach(async () => {
    await rm(path.dirname(root), { recursive: true, force: true });
  });

  it.each(["../victim.txt", "specs/../../victim.txt", "/tmp/x.txt", "specs\\x.txt"])("a write to %j is refused, nothing is written", async (file) => {
    await expect(applyChanges(root, { writes: new Map([["specs/ok.json", "{}"], [file, "pwned"]]), deletes: [] })).rejects.toThrow(
      /^refusing to write outside the repository: /,
    );
    expect(readFileSync(outside, "utf8")).toBe("precious");
    expect(existsSync(path.join(root, "specs/ok.json"))).toBe(false);
  });

  it("a delete of ../victim.txt is refused", async () => {
    await expect(applyChanges(root, { writes: new Map(), deletes: ["../victim.txt"] })).rejects.toThrow(/refusing to write outside/);
    expect(readFileSync(outside, "utf8")).toBe("precious");
  });

  it("a tampered journal left behind is not followed out of the repository", async () => {
    const txn = path.join(root, ".docs2ts/txn");
    await mkdir(txn, { recursive: true });
    await writeFile(path.join(txn, "journal.json"), JSON.stringify({ state: "applying", writes: [], deletes: ["../victim.txt"], created: [] }));
    await expect(recoverInterrupted(root)).rejects.toThrow(/refusing to write outside/);
    expect(readFileSync(outside, "utf8")).toBe("precious");
  });
});

describe("the cache folder", () => {
  it("takes only SHA-256 digests as keys", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "docs2ts-cache-"));
    try {
      const cache = new ContentCache(path.join(dir, "cache"));
      await expect(cache.set("../../escaped", "x")).rejects.toThrow(/SHA-256/);
      await expect(cache.get("../x")).rejects.toThrow(/SHA-256/);
      expect(readdirSync(dir)).toEqual([]);
      await cache.set("a".repeat(64), "ok");
      expect(await cache.get("a".repeat(64))).toBe("ok");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

test("sync's page names use the same check (see test/sync/names.test.ts)", () => {
  expect(unsafePageName("..\\x.md")).toBe("contains a backslash");
  expect(unsafePageName("../x.md")).toBe('contains ".."');
});
