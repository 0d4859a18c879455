// operation-id-changed (warning): fixture pair test/fixtures/drift/operation-id-changed/{base,revision}.openapi.json
import { expect, test } from "vitest";
import { rule } from "../../../drift/rules/operation-id-changed.ts";
import { diffFixture } from "../fixture.ts";

test("operation-id-changed has level warning", () => {
  expect(rule).toMatchObject({ id: "operation-id-changed", level: "warning" });
});

test("operation-id-changed: base -> revision gives exactly these findings", () => {
  expect(diffFixture("operation-id-changed")).toEqual([
    {
      ruleId: "operation-id-changed",
      level: "warning",
      method: "post",
      path: "/v3/{project_id}/instances/{instance_id}/backups",
      location: "operation",
      message: "operationId changed from createBackup to createManualBackup",
      old: "createBackup",
      new: "createManualBackup",
    },
  ]);
});
