// runDiff end to end: two files, --base against a real git repository, --fail-on, and the errors
// the CLI turns into exit code 2.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { runDiff } from "../../drift/run.ts";
import { diffFixture, FIXTURES } from "./fixture.ts";

const repoRoot = path.resolve(FIXTURES, "..", "..", "..");
const pair = (rule: string) => ({
  old: `test/fixtures/drift/${rule}/base.openapi.json`,
  new: `test/fixtures/drift/${rule}/revision.openapi.json`,
  cwd: repoRoot,
});

const temps: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "docs2ts-drift-"));
  temps.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("--fail-on", () => {
  const cases: [string, "breaking" | "warning" | undefined, 0 | 1][] = [
    ["request-property-removed", undefined, 0],
    ["request-property-removed", "breaking", 1],
    ["request-property-removed", "warning", 1],
    ["response-enum-value-added", "breaking", 0],
    ["response-enum-value-added", "warning", 1],
    ["property-added", "breaking", 0],
    ["property-added", "warning", 0],
  ];
  test.each(cases)("%s with failOn %s exits %i", async (rule, failOn, exitCode) => {
    const result = await runDiff({ ...pair(rule), format: "text", ...(failOn ? { failOn } : {}) });
    expect(result.exitCode).toBe(exitCode);
  });
});

test("two files: the service is named after the new file, output in the chosen format", async () => {
  const result = await runDiff({ ...pair("request-property-removed"), format: "json" });
  const report = JSON.parse(result.output);
  expect(report.services).toEqual(["revision"]);
  expect(report.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(["request-property-removed"]);
});

test("sarif through runDiff: relative spec path and the operation's line", async () => {
  const args = pair("request-property-removed");
  const result = await runDiff({ ...args, format: "sarif" });
  const location = JSON.parse(result.output).runs[0].results[0].locations[0].physicalLocation;
  const lines = readFileSync(path.join(repoRoot, args.new), "utf8").split("\n");
  const opLine = lines.findIndex((l) => l.trim() === '"post": {') + 1;
  expect(location).toEqual({ artifactLocation: { uri: args.new }, region: { startLine: opLine } });
});

describe("errors name the file (the CLI maps them to exit 2)", () => {
  test("missing file", async () => {
    await expect(
      runDiff({ old: "nope/missing.openapi.json", new: pair("operation-added").new, cwd: repoRoot, format: "text" }),
    ).rejects.toThrow(/nope\/missing\.openapi\.json/);
  });
  test("not JSON", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "broken.openapi.json"), "{ not json");
    writeFileSync(path.join(dir, "ok.openapi.json"), "{}");
    await expect(
      runDiff({ old: "ok.openapi.json", new: "broken.openapi.json", cwd: dir, format: "text" }),
    ).rejects.toThrow(/broken\.openapi\.json is not valid JSON/);
  });
  test("JSON but not an object", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "list.json"), "[]");
    writeFileSync(path.join(dir, "ok.json"), "{}");
    await expect(runDiff({ old: "list.json", new: "ok.json", cwd: dir, format: "text" })).rejects.toThrow(
      /list\.json is not an OpenAPI document/,
    );
  });
  test("neither two files nor --base, or both", async () => {
    await expect(runDiff({ old: "a.json", cwd: repoRoot, format: "text" })).rejects.toThrow(/two spec files/);
    await expect(runDiff({ ...pair("operation-added"), base: "HEAD", format: "text" })).rejects.toThrow(/not both/);
  });
});

describe("--base against a real git repository", () => {
  function git(cwd: string, ...args: string[]): void {
    execFileSync(
      "git",
      ["-c", "user.name=test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false", ...args],
      {
        cwd,
        stdio: "pipe",
      },
    );
  }
  function repoWithCommittedSpecs(): string {
    const dir = tempDir();
    mkdirSync(path.join(dir, "specs", "overlays"), { recursive: true });
    copyFileSync(
      path.join(FIXTURES, "request-property-removed", "base.openapi.json"),
      path.join(dir, "specs", "taurusdb.openapi.json"),
    );
    copyFileSync(
      path.join(FIXTURES, "operation-removed", "base.openapi.json"),
      path.join(dir, "specs", "dds.openapi.json"),
    );
    writeFileSync(path.join(dir, "specs", "overlays", "taurusdb.overlay.yaml"), "overlay: 1.0.0\n");
    writeFileSync(path.join(dir, "specs", "notes.json"), "not a spec, not read");
    git(dir, "init", "-q");
    git(dir, "add", ".");
    git(dir, "commit", "-q", "-m", "specs");
    return dir;
  }

  test("compares every committed spec with the working tree", async () => {
    const dir = repoWithCommittedSpecs();
    copyFileSync(
      path.join(FIXTURES, "request-property-removed", "revision.openapi.json"),
      path.join(dir, "specs", "taurusdb.openapi.json"),
    );
    rmSync(path.join(dir, "specs", "dds.openapi.json"));
    copyFileSync(
      path.join(FIXTURES, "operation-added", "base.openapi.json"),
      path.join(dir, "specs", "rds.openapi.json"),
    );

    const result = await runDiff({ base: "HEAD", cwd: dir, format: "json", failOn: "breaking" });
    const report = JSON.parse(result.output);
    expect(result.exitCode).toBe(1);
    expect(report.services).toEqual(["dds", "rds", "taurusdb"]);
    const byService = (s: string) => report.findings.filter((f: { service: string }) => f.service === s);
    expect(byService("taurusdb").map(({ service: _s, ...f }: { service: string }) => f)).toEqual(
      diffFixture("request-property-removed"),
    );
    expect(byService("dds").map((f: { ruleId: string }) => f.ruleId)).toEqual([
      "operation-removed",
      "operation-removed",
    ]);
    expect(byService("rds").map((f: { ruleId: string }) => f.ruleId)).toEqual(["operation-added"]);
  });

  test("an unchanged working tree has no drift", async () => {
    const dir = repoWithCommittedSpecs();
    const result = await runDiff({ base: "HEAD", cwd: dir, format: "text", failOn: "warning" });
    expect(result).toEqual({ output: "dds: no drift\ntaurusdb: no drift\n", exitCode: 0 });
  });

  test("a committed spec that is not JSON is named with its ref", async () => {
    const dir = repoWithCommittedSpecs();
    writeFileSync(path.join(dir, "specs", "dds.openapi.json"), "{ broken");
    git(dir, "commit", "-q", "-am", "break");
    await expect(runDiff({ base: "HEAD", cwd: dir, format: "text" })).rejects.toThrow(
      /HEAD:specs\/dds\.openapi\.json is not valid JSON/,
    );
  });

  test("an unknown ref is an error, not an empty diff", async () => {
    const dir = repoWithCommittedSpecs();
    await expect(runDiff({ base: "no-such-branch", cwd: dir, format: "text" })).rejects.toThrow(/no-such-branch/);
    await expect(runDiff({ base: "--output=x", cwd: dir, format: "text" })).rejects.toThrow(/invalid git ref/);
  });
});
