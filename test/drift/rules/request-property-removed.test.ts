// request-property-removed (breaking): fixture pair test/fixtures/drift/request-property-removed/{base,revision}.openapi.json
import { expect, test } from "vitest";
import { rule } from "../../../drift/rules/request-property-removed.ts";
import { diffFixture } from "../fixture.ts";

test("request-property-removed has level breaking", () => {
  expect(rule).toMatchObject({ id: "request-property-removed", level: "breaking" });
});

test("request-property-removed: base -> revision gives exactly these findings", () => {
  expect(diffFixture("request-property-removed")).toEqual([
    {
      ruleId: "request-property-removed",
      level: "breaking",
      method: "post",
      path: "/v3/{project_id}/instances/{instance_id}/backups",
      location: "request.body backup.dry_run",
      message: "request property removed (schema is closed)",
    },
  ]);
});
