// response-constraint-loosened (warning): fixture pair test/fixtures/drift/response-constraint-loosened/{base,revision}.openapi.json
import { expect, test } from "vitest";
import { rule } from "../../../drift/rules/response-constraint-loosened.ts";
import { diffFixture } from "../fixture.ts";

test("response-constraint-loosened has level warning", () => {
  expect(rule).toMatchObject({ id: "response-constraint-loosened", level: "warning" });
});

test("response-constraint-loosened: base -> revision gives exactly these findings", () => {
  expect(diffFixture("response-constraint-loosened")).toEqual([
    {
      ruleId: "response-constraint-loosened",
      level: "warning",
      method: "post",
      path: "/v3/{project_id}/instances/{instance_id}/backups",
      location: "response 202 backup.name",
      message: "maxLength raised from 64 to 128",
      old: 64,
      new: 128,
    },
    {
      ruleId: "response-constraint-loosened",
      level: "warning",
      method: "post",
      path: "/v3/{project_id}/instances/{instance_id}/backups",
      location: "response 202 backup.status",
      message: "enum BUILDING, COMPLETED removed",
      old: ["BUILDING", "COMPLETED"],
    },
  ]);
});
