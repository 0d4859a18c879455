// required-parameter-added (breaking): fixture pair test/fixtures/drift/required-parameter-added/{base,revision}.openapi.json
import { expect, test } from "vitest";
import { rule } from "../../../drift/rules/required-parameter-added.ts";
import { diffFixture } from "../fixture.ts";

test("required-parameter-added has level breaking", () => {
  expect(rule).toMatchObject({ id: "required-parameter-added", level: "breaking" });
});

test("required-parameter-added: base -> revision gives exactly these findings", () => {
  expect(diffFixture("required-parameter-added")).toEqual([
    {
      ruleId: "required-parameter-added",
      level: "breaking",
      method: "post",
      path: "/v3/{project_id}/instances/{instance_id}/backups",
      location: "parameter header X-Auth-Token",
      message: "required parameter added",
    },
  ]);
});
