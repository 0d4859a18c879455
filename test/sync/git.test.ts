// `docs2ts sync` against a real git repository made here: two commits that change, add and
// remove pages; sync to the first, then to the second.

import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { defaultCacheDir, gitCacheFolder, gitRemote } from "../../sync/git.ts";
import { parseLock } from "../../sync/lock.ts";
import { SyncError } from "../../sync/run.ts";
import { GitRepo, makeProject, snapshot, type Project } from "./helpers.ts";

let project: Project;
let repo: GitRepo;
let first: string;
let second: string;

const page = (title: string) => `# ${title}\n\n## URI\n\nPOST /v3/{project_id}/instances/{instance_id}/backups\n`;

beforeEach(() => {
  project = makeProject();
  repo = new GitRepo(path.dirname(project.root));
  repo.write("docs/api/create-backup.md", page("创建手动备份"));
  repo.write("docs/api/list-backups.md", page("查询备份列表"));
  repo.write("docs/api/delete-backup.md", page("删除手动备份"));
  repo.write("docs/api/crlf.md", "# CRLF\r\nkept as committed\r\n");
  repo.write("docs/api/notes.txt", "not a page\n");
  repo.write("docs/other/elsewhere.md", page("outside path"));
  repo.write("README.md", "repo readme\n");
  first = repo.commit("first");
  repo.git("tag", "-a", "v1", "-m", "release 1");
  repo.write("docs/api/create-backup.md", page("创建手动备份 (v2)"));
  repo.write("docs/api/sub/restore-backup.md", page("恢复备份"));
  repo.remove("docs/api/delete-backup.md");
  second = repo.commit("second");
});

afterEach(() => project.cleanup());

function gitUpstream(ref: string, extra: object = {}) {
  return { git: repo.dir, ref, path: "docs/api", include: ["**/*.md"], ...extra };
}

describe("git upstream", () => {
  test("sync to the first commit, then to the second", async () => {
    // A hand-copied page identical to upstream and one that upstream does not have.
    project.write("sources/dds/create-backup.md", page("创建手动备份"));
    project.write("sources/dds/hand-copied.md", "old\n");
    project.configure({ dds: gitUpstream(first) });

    const one = await project.sync();
    expect(one.exitCode).toBe(0);
    const dds1 = one.report.services[0]!;
    expect(dds1).toMatchObject({
      service: "dds",
      commit: first,
      added: ["crlf.md", "delete-backup.md", "list-backups.md"],
      changed: [],
      removed: ["hand-copied.md"],
      unchanged: ["create-backup.md"],
      written: true,
    });
    expect(project.lines).toContain(
      `dds: 3 added, 0 changed, 1 removed, 1 unchanged (git ${repo.dir} ${first}:docs/api @ ${first.slice(0, 12)})`,
    );
    expect(project.lines).toContain("  - hand-copied.md");
    expect(Object.keys(snapshot(path.join(project.root, "sources/dds"))).sort()).toEqual([
      "create-backup.md",
      "crlf.md",
      "delete-backup.md",
      "list-backups.md",
      "sources.lock.json",
    ]);
    expect(project.read("sources/dds/crlf.md")).toBe("# CRLF\r\nkept as committed\r\n");
    const lock1 = project.read("sources/dds/sources.lock.json");
    expect(JSON.parse(lock1).pages[0]).toEqual({
      path: "create-backup.md",
      origin: `${repo.dir}#docs/api/create-backup.md`,
      commit: first,
      charset: "utf-8",
      sha256: createHash("sha256").update(project.readBytes("sources/dds/create-backup.md")).digest("hex"),
    });
    expect(lock1.endsWith("}\n")).toBe(true);

    project.configure({ dds: gitUpstream("main") });
    const before = snapshot(path.join(project.root, "sources"));
    const check = await project.sync({ check: true });
    expect(check.exitCode).toBe(1);
    expect(snapshot(path.join(project.root, "sources"))).toEqual(before);
    expect(project.lines.at(-1)).toBe(
      "upstream differs from sources/ for dds (run `docs2ts sync`, then `docs2ts regenerate`)",
    );

    const two = await project.sync();
    expect(two.report.services[0]).toMatchObject({
      commit: second,
      added: ["sub/restore-backup.md"],
      changed: ["create-backup.md"],
      removed: ["delete-backup.md"],
      unchanged: ["crlf.md", "list-backups.md"],
      written: true,
    });
    expect(project.lines.slice(0, 4)).toEqual([
      `dds: 1 added, 1 changed, 1 removed, 2 unchanged (git ${repo.dir} main:docs/api @ ${second.slice(0, 12)})`,
      "  + sub/restore-backup.md",
      "  ~ create-backup.md",
      "  - delete-backup.md",
    ]);
    expect(project.read("sources/dds/create-backup.md")).toBe(page("创建手动备份 (v2)"));
    expect(existsSync(path.join(project.root, "sources/dds/delete-backup.md"))).toBe(false);
    const lock2 = parseLock(project.read("sources/dds/sources.lock.json"));
    expect(Array.isArray(lock2) && lock2.map((p) => [p.path, p.commit])).toEqual([
      ["create-backup.md", second],
      ["crlf.md", second],
      ["list-backups.md", second],
      ["sub/restore-backup.md", second],
    ]);

    const again = await project.sync({ check: true });
    expect(again.exitCode).toBe(0);
    expect(project.lines.at(-1)).toBe("sources/ is up to date with upstream");
    const noop = await project.sync();
    expect(noop.report.services[0]).toMatchObject({ written: false, lockChanged: false, unchanged: expect.any(Array) });
    expect(project.lines.at(-1)).toBe("sources/ is up to date with upstream; nothing written");
    // One cache repository, reused by every run.
    expect(readdirSync(path.join(project.cacheDir, "git"))).toHaveLength(1);
  });

  test("an annotated tag resolves to its commit; a new commit with the same pages rewrites only the lock", async () => {
    project.configure({ dds: gitUpstream("v1") });
    await project.sync();
    expect(project.read("sources/dds/sources.lock.json")).toContain(`"commit": "${first}"`);

    repo.git("checkout", "--quiet", "-b", "same-pages", first);
    repo.write("README.md", "only the readme changed\n");
    const third = repo.commit("third");
    project.configure({ dds: gitUpstream("same-pages") });
    const check = await project.sync({ check: true });
    expect(check.exitCode).toBe(0);
    expect(check.report.services[0]).toMatchObject({ lockChanged: true, written: false });
    const result = await project.sync();
    expect(result.report.services[0]).toMatchObject({
      lockChanged: true,
      written: true,
      added: [],
      changed: [],
      removed: [],
    });
    expect(project.read("sources/dds/sources.lock.json")).toContain(`"commit": "${third}"`);
    expect(project.lines.at(-1)).toBe("updated sources/ for dds (lock file only: dds)");
  });

  test("a missing ref leaves sources/ and the lock as they were and names the ref", async () => {
    project.configure({ dds: gitUpstream(first) });
    await project.sync();
    const before = snapshot(path.join(project.root, "sources"));
    project.configure({ dds: gitUpstream("no-such-branch") });
    const error = await project.sync().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncError);
    expect((error as SyncError).service).toBe("dds");
    expect((error as SyncError).message).toBe(
      `dds: ref "no-such-branch" not found in ${repo.dir}: git said: fatal: couldn't find remote ref no-such-branch`,
    );
    expect(snapshot(path.join(project.root, "sources"))).toEqual(before);
  });

  test("an unreachable repository and a missing folder say what failed", async () => {
    project.configure({ dds: { git: "./no-such-repo", ref: "main" } });
    await expect(project.sync()).rejects.toThrow(
      /^dds: cannot reach git repository \.\/no-such-repo \(fetching ref "main"\)/,
    );
    project.configure({ dds: gitUpstream(first.slice(0, 12)) });
    await expect(project.sync()).rejects.toThrow(
      `dds: ref "${first.slice(0, 12)}" not found in ${repo.dir} (a commit must be given as its full 40-character sha)`,
    );
    project.configure({ dds: gitUpstream("main", { path: "docs/nope" }) });
    await expect(project.sync()).rejects.toThrow(/^dds: folder "docs\/nope" does not exist in .* at main/);
    project.configure({ dds: gitUpstream("main", { include: ["*.rst"] }) });
    await expect(project.sync()).rejects.toThrow(/no files in .* under "docs\/api" match \["\*\.rst"\]/);
    expect(snapshot(path.join(project.root, "sources"))).toEqual({});
  });

  test("a full commit sha, a local path relative to the project, and the repository root as path", async () => {
    const relative = path.relative(project.root, repo.dir);
    project.configure({ dds: { git: relative, ref: second, include: ["docs/**/*.md"] } });
    const result = await project.sync();
    expect(result.report.services[0]!.added).toEqual([
      "docs/api/create-backup.md",
      "docs/api/crlf.md",
      "docs/api/list-backups.md",
      "docs/api/sub/restore-backup.md",
      "docs/other/elsewhere.md",
    ]);
    expect(project.read("sources/dds/sources.lock.json")).toContain(`"origin": "${relative}#docs/api/crlf.md"`);
  });

  test("services without an upstream are skipped; naming one is an error", async () => {
    project.configure({ dds: gitUpstream(first), rds: undefined });
    project.write("sources/rds/page.txt", "untouched\n");
    const result = await project.sync();
    expect(result.report.skipped).toEqual(["rds"]);
    expect(project.lines[0]).toBe("rds: no upstream in docs2ts.config.json, skipped");
    expect(project.read("sources/rds/page.txt")).toBe("untouched\n");
    await expect(project.sync({ services: ["rds"] })).rejects.toThrow(/^rds: services\[1\] has no "upstream"/);
    await expect(project.sync({ services: ["ecs"] })).rejects.toThrow(/^ecs: no such service/);
  });
});

describe("confinement: names from the repository never leave sources/<service>/", () => {
  test("a tree entry named .. is refused, naming its origin", async () => {
    // git refuses to check such a tree out, but a hostile server can still send one.
    const blob = repo.git("hash-object", "-w", "docs/api/list-backups.md");
    const inner = mktree(repo, `100644 blob ${blob}\tevil.md\n`);
    const api = mktree(repo, `040000 tree ${inner}\t..\n100644 blob ${blob}\tok.md\n`);
    const docs = mktree(repo, `040000 tree ${api}\tapi\n`);
    const top = mktree(repo, `040000 tree ${docs}\tdocs\n`);
    const commit = repo.git("commit-tree", top, "-m", "evil");
    repo.git("update-ref", "refs/heads/evil", commit);
    project.configure({ dds: gitUpstream("evil") });
    const error = await project.sync().catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      `dds: refusing page "../evil.md" from ${repo.dir}#docs/api/../evil.md: the name contains ".."`,
    );
    expect(snapshot(path.join(project.root, "sources"))).toEqual({});
  });

  test("a file name with a backslash is refused", async () => {
    repo.write("docs/api/a\\b.md", "x\n");
    repo.commit("backslash");
    project.configure({ dds: gitUpstream("main") });
    await expect(project.sync()).rejects.toThrow(
      `dds: refusing page "a\\\\b.md" from ${repo.dir}#docs/api/a\\b.md: the name contains a backslash`,
    );
  });
});

function mktree(repo: GitRepo, listing: string): string {
  return execFileSync("git", ["mktree"], { cwd: repo.dir, input: listing, encoding: "utf8" }).trim();
}

test("git cache folder: DOCS2TS_CACHE_DIR, then XDG_CACHE_HOME, then ~/.cache", () => {
  expect(defaultCacheDir({ DOCS2TS_CACHE_DIR: "/tmp/c", XDG_CACHE_HOME: "/x" }, "/home/u")).toBe("/tmp/c");
  expect(defaultCacheDir({ XDG_CACHE_HOME: "/x" }, "/home/u")).toBe("/x/docs2ts");
  expect(defaultCacheDir({ XDG_CACHE_HOME: "relative" }, "/home/u")).toBe("/home/u/.cache/docs2ts");
  expect(defaultCacheDir({}, "/home/u")).toBe("/home/u/.cache/docs2ts");
  expect(gitCacheFolder("/c", "https://x.invalid/r.git")).toMatch(/^\/c\/git\/[0-9a-f]{16}$/);
});

test("git remotes: URLs and scp-style kept, local paths made absolute", () => {
  expect(gitRemote("https://x.invalid/r.git", "/p")).toBe("https://x.invalid/r.git");
  expect(gitRemote("git@x.invalid:org/r.git", "/p")).toBe("git@x.invalid:org/r.git");
  expect(gitRemote("../docs", "/p/root")).toBe("/p/docs");
  expect(gitRemote("/abs/repo", "/p")).toBe("/abs/repo");
});
