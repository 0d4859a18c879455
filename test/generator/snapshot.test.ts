// The emitted package for the mini DDS fixture, file by file (hey-api style file snapshots).
// The snapshot directory doubles as a real package: client tests import it, and the root tsc
// and typecheck-generated.test.ts type-check it.

import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../generator/index.ts";
import { readTree, removeTempRoots, tempRoot } from "./helpers.ts";

afterAll(removeTempRoots);

const snapshotDir = path.join(import.meta.dirname, "__snapshots__/dds-mini");
let files: Map<string, string>;

beforeAll(async () => {
  const root = await tempRoot("snapshot", ["dds-mini"]);
  await generate({ rootDir: root });
  files = await readTree(path.join(root, "generated/dds-mini"));
});

describe("dds-mini package snapshot", () => {
  it("emits the expected file set", () => {
    expect([...files.keys()]).toMatchInlineSnapshot(`
      [
        "README.md",
        "package.json",
        "src/client.gen.ts",
        "src/index.ts",
        "src/operations/create-manual-backup.gen.ts",
        "src/operations/delete-manual-backup.gen.ts",
        "src/operations/list-backups.gen.ts",
        "src/operations/set-backup-policy.gen.ts",
        "src/runtime/errors.gen.ts",
        "src/runtime/http.gen.ts",
        "src/runtime/paginate.gen.ts",
        "src/runtime/retry.gen.ts",
        "src/runtime/signer.gen.ts",
        "src/runtime/url.gen.ts",
        "src/runtime/validation.gen.ts",
        "src/schemas.gen.ts",
        "tsconfig.json",
      ]
    `);
  });

  it("matches the file snapshots", async () => {
    for (const [file, content] of files) {
      await expect(content, file).toMatchFileSnapshot(path.join(snapshotDir, file));
    }
  });

  it("has no snapshot files the generator no longer emits", async () => {
    const onDisk = await readTree(snapshotDir).catch(() => new Map<string, string>());
    expect([...onDisk.keys()].filter((f) => !files.has(f))).toEqual([]);
  });
});
