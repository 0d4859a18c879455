// docs2ts regenerate as a workflow: one transaction from sources/ to specs/ and generated/,
// the drift report, version bumps, overlays, --check, and atomicity under errors and crashes.
import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { regenerate } from "../../cli/regenerate.ts";
import { tempProject, type TempProject } from "./repo-copy.ts";

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
let project: TempProject;
beforeEach(() => {
  project = tempProject();
});
afterEach(() => project.remove());

const run = (extra: Partial<Parameters<typeof regenerate>[0]> = {}) => regenerate({ rootDir: project.root, cacheDir: project.cacheDir, ...extra });

/** Every file under specs/ and generated/ with its bytes: "exactly as they were". */
function snapshotTree(): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    if (!existsSync(path.join(project.root, dir))) return;
    for (const entry of readdirSync(path.join(project.root, dir))) {
      const rel = `${dir}/${entry}`;
      if (statSync(path.join(project.root, rel)).isDirectory()) walk(rel);
      else out[rel] = readFileSync(path.join(project.root, rel), "utf8");
    }
  };
  walk("specs");
  walk("generated");
  out["docs2ts.config.json"] = readFileSync(path.join(project.root, "docs2ts.config.json"), "utf8");
  return out;
}

function editPage(edit: (text: string) => string): void {
  const file = path.join(project.root, "sources/dds/创建手动备份.md");
  writeFileSync(file, edit(readFileSync(file, "utf8")));
}

describe("regenerate", () => {
  test("writes specs and packages; a second run is byte-identical; --check agrees", async () => {
    const first = await run();
    expect(first.stale).toEqual(expect.arrayContaining(["specs/dds.openapi.json", "specs/taurusdb.openapi.json", "generated/dds/package.json"]));
    const tree = snapshotTree();
    const second = await run();
    expect(second.stale).toEqual([]);
    expect(snapshotTree()).toEqual(tree);
    expect((await run({ check: true })).stale).toEqual([]);
  });

  test("--check changes nothing and reports stale output", async () => {
    await run();
    editPage((t) => t.replace("手动备份ID。", "手动备份的ID。"));
    const before = snapshotTree();
    const result = await run({ check: true });
    expect(result.stale).toEqual(expect.arrayContaining(["specs/dds.openapi.json"]));
    expect(snapshotTree()).toEqual(before);
  });

  test("drift report and version bumps: description-only -> patch, removal -> major", async () => {
    await run();
    editPage((t) => t.replace("手动备份ID。", "手动备份的ID。"));
    const patch = await run();
    expect(patch.findings.map((f) => f.ruleId)).toEqual(["description-changed"]);
    expect(patch.driftReport).toContain("description-changed");
    const config = () => JSON.parse(readFileSync(path.join(project.root, "docs2ts.config.json"), "utf8"));
    expect(config().services.find((s: { name: string }) => s.name === "dds").version).toBe("0.1.1");
    expect(JSON.parse(readFileSync(path.join(project.root, "generated/dds/package.json"), "utf8")).version).toBe("0.1.1");

    // The request body loses "description" (an open schema: a warning), and the response
    // loses backup_id (breaking).
    editPage((t) => t.replace(/<tr id="row64070195174853">[\s\S]*?<\/tr>/, "").replace(/<tr id="row10023380">[\s\S]*?<\/tr>/, ""));
    const major = await run();
    expect(major.findings.some((f) => f.level === "breaking")).toBe(true);
    expect(config().services.find((s: { name: string }) => s.name === "dds").version).toBe("1.0.0");
    expect(config().services.find((s: { name: string }) => s.name === "taurusdb").version).toBe("0.1.0");
  });

  test("an overlay fixes the spec on every run; a target that matches nothing warns", async () => {
    mkdirSync(path.join(project.root, "specs/overlays"), { recursive: true });
    const overlay = readFileSync(path.join(repo, "specs/overlays/taurusdb.overlay.yaml"), "utf8").replaceAll(
      "sources/taurusdb/taurusdb-create-manual-backup.en.gitea.html",
      "sources/taurusdb/create-manual-backup.html",
    );
    writeFileSync(path.join(project.root, "specs/overlays/taurusdb.overlay.yaml"), overlay);
    await run();
    const spec = JSON.parse(readFileSync(path.join(project.root, "specs/taurusdb.openapi.json"), "utf8"));
    const backup = spec.paths["/mysql/v3/{project_id}/backups/create"].post.responses["200"].content["application/json"].schema.properties.backup;
    expect(Object.keys(backup.properties)).toContain("description");
    expect(Object.keys(backup.properties)).not.toContain("descriprion");
    const generated = readFileSync(path.join(project.root, "generated/taurusdb/src/operations/create-manual-backup.gen.ts"), "utf8");
    expect(generated).not.toContain("descriprion");

    writeFileSync(path.join(project.root, "specs/overlays/taurusdb.overlay.yaml"), overlay.replaceAll("descriprion", "descripshun"));
    await run();
    const diagnostics = JSON.parse(readFileSync(path.join(project.root, "specs/taurusdb.diagnostics.json"), "utf8"));
    expect(diagnostics.some((d: { ruleId: string; file: string }) => d.ruleId === "overlay-target-unmatched" && d.file === "specs/overlays/taurusdb.overlay.yaml")).toBe(true);
  });

  test("an error after the first file is written leaves specs/ and generated/ exactly as they were", async () => {
    await run();
    editPage((t) => t.replace("手动备份ID。", "手动备份的ID。").replace("实例ID。", "实例的ID。"));
    const before = snapshotTree();
    await expect(
      run({
        hooks: {
          afterApply: (_file, index) => {
            if (index === 0) throw new Error("injected failure after the first file");
          },
        },
      }),
    ).rejects.toThrow("injected failure");
    expect(snapshotTree()).toEqual(before);
    expect(existsSync(path.join(project.root, ".docs2ts/txn"))).toBe(false);
  });

  test("a process killed during the swap is finished by the next run before anything else", async () => {
    await run();
    editPage((t) => t.replace("手动备份ID。", "手动备份的ID。"));
    const child = path.join(repo, "test/workflow/crash-during-swap.ts");
    const exit = await new Promise<number | null>((resolve) => {
      execFile(process.execPath, ["--import", "tsx", child, project.root, project.cacheDir], { cwd: repo }, (error) =>
        resolve(error ? ((error as { signal?: string }).signal === "SIGKILL" ? 137 : 1) : 0),
      );
    });
    expect(exit).toBe(137);
    expect(existsSync(path.join(project.root, ".docs2ts/txn/journal.json"))).toBe(true);
    const recovered = await run();
    expect(recovered.recovered).toBe("completed");
    expect(existsSync(path.join(project.root, ".docs2ts/txn"))).toBe(false);
    expect((await run({ check: true })).stale).toEqual([]);
    expect(readFileSync(path.join(project.root, "specs/dds.openapi.json"), "utf8")).toContain("手动备份的ID。");
  });
});
