// parameter-removed (breaking): fixture pair test/fixtures/drift/parameter-removed/{base,revision}.openapi.json
import { expect, test } from "vitest";
import { rule } from "../../../drift/rules/parameter-removed.ts";
import { diffFixture } from "../fixture.ts";

test("parameter-removed has level breaking", () => {
  expect(rule).toMatchObject({ id: "parameter-removed", level: "breaking" });
});

test("parameter-removed: base -> revision gives exactly these findings", () => {
  expect(diffFixture("parameter-removed")).toEqual([
    {
      ruleId: "parameter-removed",
      level: "breaking",
      method: "post",
      path: "/v3/{project_id}/instances/{instance_id}/backups",
      location: "parameter query offset",
      message: "parameter removed",
    },
  ]);
});
