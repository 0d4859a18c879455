// parameter-became-required (breaking): fixture pair test/fixtures/drift/parameter-became-required/{base,revision}.openapi.json
import { expect, test } from "vitest";
import { rule } from "../../../drift/rules/parameter-became-required.ts";
import { diffFixture } from "../fixture.ts";

test("parameter-became-required has level breaking", () => {
  expect(rule).toMatchObject({ id: "parameter-became-required", level: "breaking" });
});

test("parameter-became-required: base -> revision gives exactly these findings", () => {
  expect(diffFixture("parameter-became-required")).toEqual([
    {
      ruleId: "parameter-became-required",
      level: "breaking",
      method: "post",
      path: "/v3/{project_id}/instances/{instance_id}/backups",
      location: "parameter query limit",
      message: "parameter became required",
      old: false,
      new: true,
    },
  ]);
});
