// parameter-location-changed (breaking): fixture pair test/fixtures/drift/parameter-location-changed/{base,revision}.openapi.json
import { expect, test } from "vitest";
import { rule } from "../../../drift/rules/parameter-location-changed.ts";
import { diffFixture } from "../fixture.ts";

test("parameter-location-changed has level breaking", () => {
  expect(rule).toMatchObject({ id: "parameter-location-changed", level: "breaking" });
});

// Same name, new `in`: one finding, not parameter-removed + optional-parameter-added.
test("parameter-location-changed: base -> revision gives exactly these findings", () => {
  expect(diffFixture("parameter-location-changed")).toEqual([
    {
      ruleId: "parameter-location-changed",
      level: "breaking",
      method: "post",
      path: "/v3/{project_id}/instances/{instance_id}/backups",
      location: "parameter query X-Language",
      message: "parameter moved from header to query",
      old: "header",
      new: "query",
    },
  ]);
});
