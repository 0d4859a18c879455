// request-constraint-loosened (info): fixture pair test/fixtures/drift/request-constraint-loosened/{base,revision}.openapi.json
import { expect, test } from "vitest";
import { rule } from "../../../drift/rules/request-constraint-loosened.ts";
import { diffFixture } from "../fixture.ts";

test("request-constraint-loosened has level info", () => {
  expect(rule).toMatchObject({ id: "request-constraint-loosened", level: "info" });
});

// Widening integer -> number is loosening, not a type change, in a request.
test("request-constraint-loosened: base -> revision gives exactly these findings", () => {
  expect(diffFixture("request-constraint-loosened")).toEqual([
    {
      ruleId: "request-constraint-loosened",
      level: "info",
      method: "post",
      path: "/v3/{project_id}/instances/{instance_id}/backups",
      location: "parameter query limit",
      message: "parameter no longer required",
      old: true,
      new: false,
    },
    {
      ruleId: "request-constraint-loosened",
      level: "info",
      method: "post",
      path: "/v3/{project_id}/instances/{instance_id}/backups",
      location: "request.body backup.name",
      message: "maxLength raised from 32 to 64",
      old: 32,
      new: 64,
    },
    {
      ruleId: "request-constraint-loosened",
      level: "info",
      method: "post",
      path: "/v3/{project_id}/instances/{instance_id}/backups",
      location: "request.body backup.name",
      message: "pattern ^[a-z]+$ removed",
      old: "^[a-z]+$",
    },
    {
      ruleId: "request-constraint-loosened",
      level: "info",
      method: "post",
      path: "/v3/{project_id}/instances/{instance_id}/backups",
      location: "request.body backup.size",
      message: "request property no longer required",
      old: true,
      new: false,
    },
    {
      ruleId: "request-constraint-loosened",
      level: "info",
      method: "post",
      path: "/v3/{project_id}/instances/{instance_id}/backups",
      location: "request.body backup.size",
      message: "type widened from integer to number",
      old: "integer",
      new: "number",
    },
    {
      ruleId: "request-constraint-loosened",
      level: "info",
      method: "post",
      path: "/v3/{project_id}/instances/{instance_id}/backups",
      location: "request.body backup.type",
      message: "enum value added: auto",
      old: ["manual"],
      new: ["manual", "auto"],
    },
  ]);
});
