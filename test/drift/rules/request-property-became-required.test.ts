// request-property-became-required (breaking): fixture pair test/fixtures/drift/request-property-became-required/{base,revision}.openapi.json
import { expect, test } from "vitest";
import { rule } from "../../../drift/rules/request-property-became-required.ts";
import { diffFixture } from "../fixture.ts";

test("request-property-became-required has level breaking", () => {
  expect(rule).toMatchObject({ id: "request-property-became-required", level: "breaking" });
});

test("request-property-became-required: base -> revision gives exactly these findings", () => {
  expect(diffFixture("request-property-became-required")).toEqual([
    {
      ruleId: "request-property-became-required",
      level: "breaking",
      method: "post",
      path: "/v3/{project_id}/instances/{instance_id}/backups",
      location: "request.body backup.description",
      message: "request property became required",
      old: false,
      new: true,
    },
  ]);
});
