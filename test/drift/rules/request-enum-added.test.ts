// request-enum-added (breaking): fixture pair test/fixtures/drift/request-enum-added/{base,revision}.openapi.json
import { expect, test } from "vitest";
import { rule } from "../../../drift/rules/request-enum-added.ts";
import { diffFixture } from "../fixture.ts";

test("request-enum-added has level breaking", () => {
  expect(rule).toMatchObject({ id: "request-enum-added", level: "breaking" });
});

test("request-enum-added: base -> revision gives exactly these findings", () => {
  expect(diffFixture("request-enum-added")).toEqual([
    {
      ruleId: "request-enum-added",
      level: "breaking",
      method: "post",
      path: "/v3/{project_id}/instances/{instance_id}/backups",
      location: "request.body backup.type",
      message: "enum imposed: manual",
      new: ["manual"],
    },
  ]);
});
