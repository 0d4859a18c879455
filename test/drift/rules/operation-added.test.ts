// operation-added (info): fixture pair test/fixtures/drift/operation-added/{base,revision}.openapi.json
import { expect, test } from "vitest";
import { rule } from "../../../drift/rules/operation-added.ts";
import { diffFixture } from "../fixture.ts";

test("operation-added has level info", () => {
  expect(rule).toMatchObject({ id: "operation-added", level: "info" });
});

test("operation-added: base -> revision gives exactly these findings", () => {
  expect(diffFixture("operation-added")).toEqual([
    {
      ruleId: "operation-added",
      level: "info",
      method: "get",
      path: "/v3/{project_id}/instances/{instance_id}/backups",
      location: "operation",
      message: "operation added",
    },
  ]);
});
