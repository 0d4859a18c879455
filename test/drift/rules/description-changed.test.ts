// description-changed (info): fixture pair test/fixtures/drift/description-changed/{base,revision}.openapi.json
import { expect, test } from "vitest";
import { rule } from "../../../drift/rules/description-changed.ts";
import { diffFixture } from "../fixture.ts";

test("description-changed has level info", () => {
  expect(rule).toMatchObject({ id: "description-changed", level: "info" });
});

// Three prose edits collapse into one finding; the whitespace-only edit ("Backup  ID. ") and the
// changed x-docs2ts-source provenance are not changes.
test("description-changed: base -> revision gives exactly these findings", () => {
  expect(diffFixture("description-changed")).toEqual([
    {
      ruleId: "description-changed",
      level: "info",
      method: "post",
      path: "/v3/{project_id}/instances/{instance_id}/backups",
      location: "operation.summary, parameter header X-Auth-Token, request.body backup.name",
      message: "description changed in 3 places",
      old: {
        "operation.summary": "Create a manual backup",
        "parameter header X-Auth-Token": "User token.",
        "request.body backup.name": "Backup name.",
      },
      new: {
        "operation.summary": "Creating a Manual Backup",
        "parameter header X-Auth-Token": "User token obtained from IAM.",
        "request.body backup.name": "Backup name. It must be unique.",
      },
    },
  ]);
});
