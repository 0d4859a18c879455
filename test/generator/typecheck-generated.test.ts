// Every committed package in generated/ (and the dds-mini snapshot package) type-checks with the
// repo's TypeScript under its own strict tsconfig: no Node types, browser libs only.

import { readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readJson, repoRoot, run, tscBin } from "./helpers.ts";

const generatedDir = path.join(repoRoot, "generated");
const packages = [
  ...(await readdir(generatedDir, { withFileTypes: true }).catch(() => []))
    .filter((d) => d.isDirectory())
    .map((d) => path.join(generatedDir, d.name)),
  path.join(import.meta.dirname, "__snapshots__/dds-mini"),
].sort();

describe("generated packages type-check", () => {
  it.each(packages.map((p) => [path.relative(repoRoot, p), p]))("%s", async (_name, dir) => {
    const config = (await readJson(path.join(dir, "tsconfig.json"))) as { compilerOptions: Record<string, unknown> };
    expect(config.compilerOptions).toMatchObject({ strict: true, noUncheckedIndexedAccess: true, types: [] });
    const result = await run(tscBin, ["--noEmit", "-p", path.join(dir, "tsconfig.json")], { cwd: dir });
    expect(result.stdout + result.stderr).toBe("");
    expect(result.code).toBe(0);
  }, 120_000);
});
