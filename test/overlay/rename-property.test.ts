// A durable fix for a misspelt request property (TaurusDB-like "descriprion"): add the right
// property with the same schema, remove the wrong one, and fix `required`.
import { expect, test } from "vitest";
import { diffSpecs } from "../../drift/diff.ts";
import { applyOverlayText } from "../../scraper/overlay/apply.ts";
import { read, readJson } from "./fixture.ts";

const file = "specs/overlays/taurusdb.overlay.yaml";

test("rename-property: the overlay turns descriprion into description, required included", () => {
  const spec = readJson("rename-property", "spec.openapi.json");
  const result = applyOverlayText(spec, read("rename-property", "overlay.yaml"), file);
  expect(result.diagnostics).toEqual([]);
  expect(result.spec).toEqual(readJson("rename-property", "expected.openapi.json"));
});

test("rename-property: the input spec is not mutated", () => {
  const spec = readJson("rename-property", "spec.openapi.json");
  const before = JSON.stringify(spec);
  applyOverlayText(spec, read("rename-property", "overlay.yaml"), file);
  expect(JSON.stringify(spec)).toBe(before);
});

test("rename-property: seen by the differ as one property swapped for another", () => {
  const spec = readJson("rename-property", "spec.openapi.json");
  const fixed = applyOverlayText(spec, read("rename-property", "overlay.yaml"), file).spec;
  expect(diffSpecs(spec, fixed, { service: "taurusdb" }).map((f) => `${f.ruleId} ${f.location}`)).toEqual([
    "request-property-added-required request.body description",
    "request-property-removed-open-schema request.body descriprion",
  ]);
});
