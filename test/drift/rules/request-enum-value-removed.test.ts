// request-enum-value-removed (breaking): fixture pair test/fixtures/drift/request-enum-value-removed/{base,revision}.openapi.json
import { expect, test } from "vitest";
import { rule } from "../../../drift/rules/request-enum-value-removed.ts";
import { diffFixture } from "../fixture.ts";

test("request-enum-value-removed has level breaking", () => {
  expect(rule).toMatchObject({ id: "request-enum-value-removed", level: "breaking" });
});

test("request-enum-value-removed: base -> revision gives exactly these findings", () => {
  expect(diffFixture("request-enum-value-removed")).toEqual([
    {
      ruleId: "request-enum-value-removed",
      level: "breaking",
      method: "post",
      path: "/v3/{project_id}/instances/{instance_id}/backups",
      location: "request.body backup.type",
      message: "enum value removed: incremental",
      old: ["auto", "manual", "incremental"],
      new: ["auto", "manual"],
    },
  ]);
});
