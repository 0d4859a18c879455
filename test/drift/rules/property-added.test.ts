// property-added (info): fixture pair test/fixtures/drift/property-added/{base,revision}.openapi.json
import { expect, test } from "vitest";
import { rule } from "../../../drift/rules/property-added.ts";
import { diffFixture } from "../fixture.ts";

test("property-added has level info", () => {
  expect(rule).toMatchObject({ id: "property-added", level: "info" });
});

// az_status is a new map-typed object (additionalProperties: enum): one finding, its value schema is not reported.
test("property-added: base -> revision gives exactly these findings", () => {
  expect(diffFixture("property-added")).toEqual([
    {
      ruleId: "property-added",
      level: "info",
      method: "get",
      path: "/v3/{project_id}/flavors",
      location: "response 200 flavors[].az_status",
      message: "optional property added",
    },
    {
      ruleId: "property-added",
      level: "info",
      method: "post",
      path: "/v3/{project_id}/instances/{instance_id}/backups",
      location: "request.body backup.description",
      message: "optional property added",
    },
  ]);
});
