// response-enum-value-added (warning): fixture pair test/fixtures/drift/response-enum-value-added/{base,revision}.openapi.json
import { expect, test } from "vitest";
import { rule } from "../../../drift/rules/response-enum-value-added.ts";
import { diffFixture } from "../fixture.ts";

test("response-enum-value-added has level warning", () => {
  expect(rule).toMatchObject({ id: "response-enum-value-added", level: "warning" });
});

// The enum sits on the values of a map inside array items: location flavors[].az_status{}.
test("response-enum-value-added: base -> revision gives exactly these findings", () => {
  expect(diffFixture("response-enum-value-added")).toEqual([
    {
      ruleId: "response-enum-value-added",
      level: "warning",
      method: "get",
      path: "/v3/{project_id}/flavors",
      location: "response 200 flavors[].az_status{}",
      message: "enum value added: sellout",
      old: ["normal", "unsupported"],
      new: ["normal", "unsupported", "sellout"],
    },
  ]);
});
