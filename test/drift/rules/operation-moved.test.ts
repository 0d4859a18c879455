// operation-moved (breaking): fixture pair test/fixtures/drift/operation-moved/{base,revision}.openapi.json
import { expect, test } from "vitest";
import { rule } from "../../../drift/rules/operation-moved.ts";
import { diffFixture } from "../fixture.ts";

test("operation-moved has level breaking", () => {
  expect(rule).toMatchObject({ id: "operation-moved", level: "breaking" });
});

// Matched by operationId: one finding, not operation-removed + operation-added.
test("operation-moved: base -> revision gives exactly these findings", () => {
  expect(diffFixture("operation-moved")).toEqual([
    {
      ruleId: "operation-moved",
      level: "breaking",
      method: "post",
      path: "/v3/{project_id}/backups",
      location: "operation",
      message: "operation moved from POST /v3/{project_id}/backup to POST /v3/{project_id}/backups",
      old: "POST /v3/{project_id}/backup",
      new: "POST /v3/{project_id}/backups",
    },
  ]);
});
