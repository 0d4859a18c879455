// parameter-type-changed (breaking): fixture pair test/fixtures/drift/parameter-type-changed/{base,revision}.openapi.json
import { expect, test } from "vitest";
import { rule } from "../../../drift/rules/parameter-type-changed.ts";
import { diffFixture } from "../fixture.ts";

test("parameter-type-changed has level breaking", () => {
  expect(rule).toMatchObject({ id: "parameter-type-changed", level: "breaking" });
});

test("parameter-type-changed: base -> revision gives exactly these findings", () => {
  expect(diffFixture("parameter-type-changed")).toEqual([
    {
      ruleId: "parameter-type-changed",
      level: "breaking",
      method: "post",
      path: "/v3/{project_id}/instances/{instance_id}/backups",
      location: "parameter query limit",
      message: "parameter type changed from string to integer",
      old: "string",
      new: "integer",
    },
  ]);
});
