import { expect, test } from "vitest";
import { applyOverlayText } from "../../scraper/overlay/apply.ts";
import { read, readJson } from "./fixture.ts";

test("remove: an operation, and every header parameter selected by a filter", () => {
  const result = applyOverlayText(
    readJson("remove", "spec.openapi.json"),
    read("remove", "overlay.yaml"),
    "specs/overlays/rds.overlay.yaml",
  );
  expect(result.diagnostics).toEqual([]);
  expect(result.spec).toEqual(readJson("remove", "expected.openapi.json"));
});
