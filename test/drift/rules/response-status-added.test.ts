// response-status-added (info): fixture pair test/fixtures/drift/response-status-added/{base,revision}.openapi.json
import { expect, test } from "vitest";
import { rule } from "../../../drift/rules/response-status-added.ts";
import { diffFixture } from "../fixture.ts";

test("response-status-added has level info", () => {
  expect(rule).toMatchObject({ id: "response-status-added", level: "info" });
});

test("response-status-added: base -> revision gives exactly these findings", () => {
  expect(diffFixture("response-status-added")).toEqual([
    {
      ruleId: "response-status-added",
      level: "info",
      method: "post",
      path: "/v3/{project_id}/instances/{instance_id}/backups",
      location: "response 400",
      message: "response status 400 added",
      new: "400",
    },
  ]);
});
