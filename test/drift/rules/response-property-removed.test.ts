// response-property-removed (breaking): fixture pair test/fixtures/drift/response-property-removed/{base,revision}.openapi.json
import { expect, test } from "vitest";
import { rule } from "../../../drift/rules/response-property-removed.ts";
import { diffFixture } from "../fixture.ts";

test("response-property-removed has level breaking", () => {
  expect(rule).toMatchObject({ id: "response-property-removed", level: "breaking" });
});

test("response-property-removed: base -> revision gives exactly these findings", () => {
  expect(diffFixture("response-property-removed")).toEqual([
    {
      ruleId: "response-property-removed",
      level: "breaking",
      method: "get",
      path: "/v3/{project_id}/flavors",
      location: "response 200 flavors[].availability_zone",
      message: "response property removed",
    },
  ]);
});
