// response-status-removed (breaking): fixture pair test/fixtures/drift/response-status-removed/{base,revision}.openapi.json
import { expect, test } from "vitest";
import { rule } from "../../../drift/rules/response-status-removed.ts";
import { diffFixture } from "../fixture.ts";

test("response-status-removed has level breaking", () => {
  expect(rule).toMatchObject({ id: "response-status-removed", level: "breaking" });
});

test("response-status-removed: base -> revision gives exactly these findings", () => {
  expect(diffFixture("response-status-removed")).toEqual([
    {
      ruleId: "response-status-removed",
      level: "breaking",
      method: "post",
      path: "/v3/{project_id}/instances/{instance_id}/backups",
      location: "response 400",
      message: "response status 400 removed",
      old: "400",
    },
  ]);
});
