// property-type-changed (breaking): fixture pair test/fixtures/drift/property-type-changed/{base,revision}.openapi.json
import { expect, test } from "vitest";
import { rule } from "../../../drift/rules/property-type-changed.ts";
import { diffFixture } from "../fixture.ts";

test("property-type-changed has level breaking", () => {
  expect(rule).toMatchObject({ id: "property-type-changed", level: "breaking" });
});

// Request: the new type must accept every old value. Response: the new type must not return new kinds of value.
test("property-type-changed: base -> revision gives exactly these findings", () => {
  expect(diffFixture("property-type-changed")).toEqual([
    {
      ruleId: "property-type-changed",
      level: "breaking",
      method: "post",
      path: "/v3/{project_id}/instances/{instance_id}/backups",
      location: "request.body backup.name",
      message: "type changed from string to integer",
      old: "string",
      new: "integer",
    },
    {
      ruleId: "property-type-changed",
      level: "breaking",
      method: "post",
      path: "/v3/{project_id}/instances/{instance_id}/backups",
      location: "response 202 backup.size",
      message: "type changed from integer to string",
      old: "integer",
      new: "string",
    },
  ]);
});
