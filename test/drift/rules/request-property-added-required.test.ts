// request-property-added-required (breaking): fixture pair test/fixtures/drift/request-property-added-required/{base,revision}.openapi.json
import { expect, test } from "vitest";
import { rule } from "../../../drift/rules/request-property-added-required.ts";
import { diffFixture } from "../fixture.ts";

test("request-property-added-required has level breaking", () => {
  expect(rule).toMatchObject({ id: "request-property-added-required", level: "breaking" });
});

test("request-property-added-required: base -> revision gives exactly these findings", () => {
  expect(diffFixture("request-property-added-required")).toEqual([
    {
      ruleId: "request-property-added-required",
      level: "breaking",
      method: "post",
      path: "/v3/{project_id}/instances/{instance_id}/backups",
      location: "request.body backup.type",
      message: "required request property added",
    },
  ]);
});
