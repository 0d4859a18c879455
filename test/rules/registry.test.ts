import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { docRules } from "../../scraper/rules/index.ts";

describe("doc rule registry", () => {
  it("has one file per rule, named after its id", () => {
    const files = readdirSync("scraper/rules")
      .filter((f) => f.endsWith(".ts") && f !== "index.ts" && f !== "define.ts")
      .map((f) => f.slice(0, -3))
      .sort();
    expect(docRules.map((r) => r.id).sort()).toEqual(files);
  });

  it("registers every rule id the committed diagnostics use", () => {
    const registered = new Set<string>(docRules.map((r) => r.id));
    const used = new Set<string>();
    for (const file of readdirSync("specs").filter((f) => f.endsWith(".diagnostics.json"))) {
      for (const d of JSON.parse(readFileSync(`specs/${file}`, "utf8")) as { ruleId: string }[]) used.add(d.ruleId);
    }
    expect([...used].filter((id) => !registered.has(id))).toEqual([]);
  });
});
