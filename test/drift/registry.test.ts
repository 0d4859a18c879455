// Every registered rule has one id, one level, one file named after it, one test and one fixture pair.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { RULES } from "../../drift/rules/index.ts";
import { LEVELS } from "../../drift/types.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

test("rule ids are unique kebab-case", () => {
  const ids = RULES.map((r) => r.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
});

test.each(RULES.map((r) => [r.id, r] as const))("%s: level, description, file, test, fixture pair", (id, rule) => {
  expect(LEVELS).toContain(rule.level);
  expect(rule.description.length).toBeGreaterThan(10);
  expect(existsSync(path.join(root, "drift", "rules", `${id}.ts`))).toBe(true);
  expect(existsSync(path.join(root, "test", "drift", "rules", `${id}.test.ts`))).toBe(true);
  for (const side of ["base", "revision"]) {
    expect(existsSync(path.join(root, "test", "fixtures", "drift", id, `${side}.openapi.json`))).toBe(true);
  }
});
