// response-property-became-optional (breaking): fixture pair test/fixtures/drift/response-property-became-optional/{base,revision}.openapi.json
import { expect, test } from "vitest";
import { rule } from "../../../drift/rules/response-property-became-optional.ts";
import { diffFixture } from "../fixture.ts";

test("response-property-became-optional has level breaking", () => {
  expect(rule).toMatchObject({ id: "response-property-became-optional", level: "breaking" });
});

test("response-property-became-optional: base -> revision gives exactly these findings", () => {
  expect(diffFixture("response-property-became-optional")).toEqual([
    {
      ruleId: "response-property-became-optional",
      level: "breaking",
      method: "post",
      path: "/v3/{project_id}/instances/{instance_id}/backups",
      location: "response 202 backup.name",
      message: "response property became optional",
      old: true,
      new: false,
    },
  ]);
});
