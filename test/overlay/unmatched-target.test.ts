// A target that matches nothing means the docs changed under the fix: a warning at the action's line.
import { expect, test } from "vitest";
import { applyOverlayText } from "../../scraper/overlay/apply.ts";
import { read, readJson } from "./fixture.ts";

test("unmatched-target: one warning per action that matched nothing, with its line", () => {
  const file = "specs/overlays/rds.overlay.yaml";
  const result = applyOverlayText(
    readJson("unmatched-target", "spec.openapi.json"),
    read("unmatched-target", "overlay.yaml"),
    file,
  );
  expect(result.diagnostics).toEqual([
    {
      ruleId: "overlay-target-unmatched",
      severity: "warning",
      message:
        "overlay action 1 (\"rename descriprion\") matched nothing: target $.paths['/v3/{project_id}/instances/{instance_id}/backups'].post.requestBody.content['application/json'].schema.properties.descriprion (the docs changed under this fix?)",
      file,
      line: 12,
    },
    {
      ruleId: "overlay-target-unmatched",
      severity: "warning",
      message:
        "overlay action 2 matched nothing: target $.paths.*.*.parameters[?(@.name == 'X-Language')] (the docs changed under this fix?)",
      file,
      line: 15,
    },
  ]);
  // The action that matched was still applied.
  expect(result.spec).toMatchObject({
    paths: { "/v3/{project_id}/instances/{instance_id}/backups": { post: { summary: "Creating a Manual Backup" } } },
  });
});
