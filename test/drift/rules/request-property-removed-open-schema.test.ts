// request-property-removed-open-schema (warning): fixture pair test/fixtures/drift/request-property-removed-open-schema/{base,revision}.openapi.json
import { expect, test } from "vitest";
import { rule } from "../../../drift/rules/request-property-removed-open-schema.ts";
import { diffFixture } from "../fixture.ts";

test("request-property-removed-open-schema has level warning", () => {
  expect(rule).toMatchObject({ id: "request-property-removed-open-schema", level: "warning" });
});

test("request-property-removed-open-schema: base -> revision gives exactly these findings", () => {
  expect(diffFixture("request-property-removed-open-schema")).toEqual([
    {
      ruleId: "request-property-removed-open-schema",
      level: "warning",
      method: "post",
      path: "/v3/{project_id}/instances/{instance_id}/backups",
      location: "request.body backup.dry_run",
      message: "request property removed (schema stays open)",
    },
  ]);
});
