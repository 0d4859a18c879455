// Loads a drift fixture pair named after its rule and diffs it with every registered rule, so a
// rule test also proves that no other rule fires on its fixture.

import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { diffSpecs } from "../../drift/diff.ts";
import type { Finding } from "../../drift/types.ts";

export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "drift");

export function loadFixture(name: string, side: "base" | "revision"): unknown {
  return JSON.parse(readFileSync(path.join(FIXTURES, name, `${side}.openapi.json`), "utf8"));
}

/** Findings for the pair, without `service` (always the fixture name). */
export function diffFixture(name: string): Omit<Finding, "service">[] {
  return diffSpecs(loadFixture(name, "base"), loadFixture(name, "revision"), { service: name }).map(
    ({ service, ...rest }) => {
      if (service !== name) throw new Error(`unexpected service ${service}`);
      return rest;
    },
  );
}
