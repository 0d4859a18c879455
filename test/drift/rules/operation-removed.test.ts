// operation-removed (breaking): fixture pair test/fixtures/drift/operation-removed/{base,revision}.openapi.json
import { expect, test } from "vitest";
import { rule } from "../../../drift/rules/operation-removed.ts";
import { diffFixture } from "../fixture.ts";

test("operation-removed has level breaking", () => {
  expect(rule).toMatchObject({ id: "operation-removed", level: "breaking" });
});

test("operation-removed: base -> revision gives exactly these findings", () => {
  expect(diffFixture("operation-removed")).toEqual([
    {
      ruleId: "operation-removed",
      level: "breaking",
      method: "get",
      path: "/v3/{project_id}/flavors",
      location: "operation",
      message: "operation removed",
    },
  ]);
});
