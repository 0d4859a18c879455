// optional-parameter-added (info): fixture pair test/fixtures/drift/optional-parameter-added/{base,revision}.openapi.json
import { expect, test } from "vitest";
import { rule } from "../../../drift/rules/optional-parameter-added.ts";
import { diffFixture } from "../fixture.ts";

test("optional-parameter-added has level info", () => {
  expect(rule).toMatchObject({ id: "optional-parameter-added", level: "info" });
});

test("optional-parameter-added: base -> revision gives exactly these findings", () => {
  expect(diffFixture("optional-parameter-added")).toEqual([
    {
      ruleId: "optional-parameter-added",
      level: "info",
      method: "post",
      path: "/v3/{project_id}/instances/{instance_id}/backups",
      location: "parameter query limit",
      message: "optional parameter added",
    },
  ]);
});
