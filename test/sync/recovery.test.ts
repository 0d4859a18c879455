// Interrupted swaps: a crash leaves sources/.<service>.sync-staging and/or .sync-backup behind,
// exactly as stage.ts's protocol describes; the next run finishes or rolls back before anything.

import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { backupDir, recoverInterruptedSyncs, replaceServiceFolder, stagingDir } from "../../sync/stage.ts";
import { GitRepo, makeProject, snapshot, type Project } from "./helpers.ts";

let project: Project;
let sources: string;

beforeEach(() => {
  project = makeProject();
  sources = path.join(project.root, "sources");
});
afterEach(() => project.cleanup());

function folder(dir: string, files: Record<string, string>): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
}

const oldFiles = { "a.md": "old a\n", "sources.lock.json": "{}\n" };
const newFiles = { "a.md": "new a\n", "b.md": "new b\n", "sources.lock.json": "{}\n" };

const crashes: [string, { given: () => void; want: Record<string, string>; note: RegExp }][] = [
  [
    "crash while staging (S only): S is deleted, F kept",
    {
      given: () => {
        folder(path.join(sources, "dds"), oldFiles);
        folder(stagingDir(sources, "dds"), { "a.md": "half" });
      },
      want: oldFiles,
      note: /^dds: removed \.dds\.sync-staging left by an interrupted sync$/,
    },
  ],
  [
    "crash after F -> B, before S -> F: rolled back to B",
    {
      given: () => {
        folder(backupDir(sources, "dds"), oldFiles);
        folder(stagingDir(sources, "dds"), newFiles);
      },
      want: oldFiles,
      note: /^dds: rolled back an interrupted sync \(restored sources\/dds from \.dds\.sync-backup\)$/,
    },
  ],
  [
    "crash after S -> F, before deleting B: B is deleted, the new F kept",
    {
      given: () => {
        folder(backupDir(sources, "dds"), oldFiles);
        folder(path.join(sources, "dds"), newFiles);
      },
      want: newFiles,
      note: /^dds: finished an interrupted sync/,
    },
  ],
];

describe("recoverInterruptedSyncs", () => {
  test.each(crashes)("%s", async (_name, { given, want, note }) => {
    given();
    const notes = await recoverInterruptedSyncs(sources);
    expect(notes[0]).toMatch(note);
    expect(snapshot(sources)).toEqual(Object.fromEntries(Object.entries(want).map(([k, v]) => [`dds/${k}`, v])));
    expect(await recoverInterruptedSyncs(sources)).toEqual([]);
  });

  test("a first sync interrupted before its swap leaves no sources/<service>/", async () => {
    folder(stagingDir(sources, "dds"), newFiles);
    await recoverInterruptedSyncs(sources);
    expect(snapshot(sources)).toEqual({});
  });

  test("no sources/ folder at all is fine", async () => {
    expect(await recoverInterruptedSyncs(path.join(project.root, "nope"))).toEqual([]);
  });
});

describe("replaceServiceFolder", () => {
  test("creates, then replaces the folder whole", async () => {
    const page = (p: string, text: string) => ({
      path: p,
      bytes: Buffer.from(text),
      lock: { path: p, origin: p, charset: "utf-8", sha256: "" },
    });
    await replaceServiceFolder(sources, "dds", [page("a.md", "1"), page("sub/b.md", "2")], "lock\n");
    expect(snapshot(sources)).toEqual({ "dds/a.md": "1", "dds/sub/b.md": "2", "dds/sources.lock.json": "lock\n" });
    await replaceServiceFolder(sources, "dds", [page("c.md", "3")], "lock 2\n");
    expect(snapshot(sources)).toEqual({ "dds/c.md": "3", "dds/sources.lock.json": "lock 2\n" });
    expect(existsSync(backupDir(sources, "dds"))).toBe(false);
    expect(existsSync(stagingDir(sources, "dds"))).toBe(false);
  });

  test("a page path outside the folder is refused and no staging is left", async () => {
    const evil = {
      path: "../evil.md",
      bytes: Buffer.from("x"),
      lock: { path: "", origin: "", charset: "utf-8", sha256: "" },
    };
    await expect(replaceServiceFolder(sources, "dds", [evil], "")).rejects.toThrow(/resolves outside/);
    expect(snapshot(sources)).toEqual({});
  });
});

test("runSync recovers first, then syncs", async () => {
  const repo = new GitRepo(path.dirname(project.root));
  repo.write("a.md", "upstream a\n");
  repo.commit("one");
  project.configure({ dds: { git: repo.dir, ref: "main" } });
  // As a crash between "rename F -> B" and "rename S -> F" leaves it.
  folder(backupDir(sources, "dds"), { "a.md": "old a\n", "gone.md": "gone\n" });
  folder(stagingDir(sources, "dds"), { "a.md": "half-written" });
  const result = await project.sync();
  expect(result.report.notes).toEqual([
    "dds: rolled back an interrupted sync (restored sources/dds from .dds.sync-backup)",
    "dds: removed .dds.sync-staging left by an interrupted sync",
  ]);
  expect(result.report.services[0]).toMatchObject({ changed: ["a.md"], removed: ["gone.md"] });
  expect(Object.keys(snapshot(sources)).sort()).toEqual(["dds/a.md", "dds/sources.lock.json"]);
});
