// request-constraint-tightened (breaking): fixture pair test/fixtures/drift/request-constraint-tightened/{base,revision}.openapi.json
import { expect, test } from "vitest";
import { rule } from "../../../drift/rules/request-constraint-tightened.ts";
import { diffFixture } from "../fixture.ts";

test("request-constraint-tightened has level breaking", () => {
  expect(rule).toMatchObject({ id: "request-constraint-tightened", level: "breaking" });
});

test("request-constraint-tightened: base -> revision gives exactly these findings", () => {
  expect(diffFixture("request-constraint-tightened")).toEqual([
    {
      ruleId: "request-constraint-tightened",
      level: "breaking",
      method: "post",
      path: "/v3/{project_id}/instances/{instance_id}/backups",
      location: "request.body backup.name",
      message: "maxLength lowered from 64 to 32",
      old: 64,
      new: 32,
    },
    {
      ruleId: "request-constraint-tightened",
      level: "breaking",
      method: "post",
      path: "/v3/{project_id}/instances/{instance_id}/backups",
      location: "request.body backup.name",
      message: "minLength raised from 1 to 4",
      old: 1,
      new: 4,
    },
    {
      ruleId: "request-constraint-tightened",
      level: "breaking",
      method: "post",
      path: "/v3/{project_id}/instances/{instance_id}/backups",
      location: "request.body backup.name",
      message: "pattern ^[A-Za-z][A-Za-z0-9_-]*$ imposed",
      new: "^[A-Za-z][A-Za-z0-9_-]*$",
    },
    {
      ruleId: "request-constraint-tightened",
      level: "breaking",
      method: "post",
      path: "/v3/{project_id}/instances/{instance_id}/backups",
      location: "request.body backup.retention_days",
      message: "maximum lowered from 732 to 365",
      old: 732,
      new: 365,
    },
    {
      ruleId: "request-constraint-tightened",
      level: "breaking",
      method: "post",
      path: "/v3/{project_id}/instances/{instance_id}/backups",
      location: "request.body backup.retention_days",
      message: "minimum raised from 1 to 7",
      old: 1,
      new: 7,
    },
  ]);
});
