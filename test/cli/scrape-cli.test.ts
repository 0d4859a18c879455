// The `docs2ts scrape` command as a user runs it: a real process, real files, exit codes.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, test } from "vitest";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const bin = path.join(repo, "bin/docs2ts.js");
const work = mkdtempSync(path.join(tmpdir(), "docs2ts-cli-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function run(args: string[], cwd = work): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as NodeJS.ErrnoException & { code: number }).code) : 0, stdout, stderr });
    });
  });
}

const seed = (name: string) => path.join(repo, "test/fixtures/seeds", name);

describe("docs2ts scrape", () => {
  test("one page -> spec and sorted diagnostics report, exit 0 with warnings", async () => {
    mkdirSync(path.join(work, "pages"), { recursive: true });
    copyFileSync(seed("dds-create-manual-backup.zh.md"), path.join(work, "pages/create-backup.md"));
    const { code, stderr } = await run(["scrape", "pages/create-backup.md", "--service", "dds", "--out", "dds.json", "--report", "dds.diagnostics.json"]);
    expect(code).toBe(0);
    expect(stderr).toContain("pages/create-backup.md:135: warning [status-code-missing]");
    expect(stderr).toMatch(/dds: 1 pages read, 1 operations/);
    const spec = JSON.parse(readFileSync(path.join(work, "dds.json"), "utf8"));
    expect(Object.keys(spec.paths)).toEqual(["/v3/{project_id}/backups"]);
    const report = JSON.parse(readFileSync(path.join(work, "dds.diagnostics.json"), "utf8"));
    expect(report.map((d: { ruleId: string }) => d.ruleId)).toEqual(["status-code-missing"]);
  });

  test("a folder of pages -> one spec", async () => {
    mkdirSync(path.join(work, "many"), { recursive: true });
    copyFileSync(seed("rds-create-manual-backup.en.pipes.txt"), path.join(work, "many/rds.txt"));
    copyFileSync(seed("geminidb-cassandra-create-manual-backup.en.gitea.html"), path.join(work, "many/gemini.html"));
    const { code } = await run(["scrape", "many/", "--service", "mixed", "--out", "mixed.json"]);
    expect(code).toBe(0);
    const spec = JSON.parse(readFileSync(path.join(work, "mixed.json"), "utf8"));
    expect(Object.keys(spec.paths)).toEqual(["/v3/{project_id}/backups", "/v3/{project_id}/instances/{instance_id}/backups"]);
  });

  test("--fail-on warning exits 1 when there are warnings", async () => {
    copyFileSync(seed("rds-create-manual-backup.en.pipes.txt"), path.join(work, "rds.txt"));
    const { code } = await run(["scrape", "rds.txt", "--service", "rds", "--out", "rds.json", "--fail-on", "warning"]);
    expect(code).toBe(1);
  });

  test("unreadable input exits 2, names the file and writes nothing", async () => {
    const { code, stderr } = await run(["scrape", "missing.md", "--service", "dds", "--out", "nothing.json"]);
    expect(code).toBe(2);
    expect(stderr).toContain("missing.md: no such file or folder");
    expect(existsSync(path.join(work, "nothing.json"))).toBe(false);
  });

  test("unusable arguments exit 2", async () => {
    writeFileSync(path.join(work, "p.md"), "# x\n");
    expect((await run(["scrape", "p.md"])).code).toBe(2);
    expect((await run(["scrape", "p.md", "--service", "x", "--bogus"])).code).toBe(2);
    expect((await run(["frobnicate"])).code).toBe(2);
  });
});
