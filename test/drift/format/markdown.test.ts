import { expect, test } from "vitest";
import { formatMarkdown } from "../../../drift/format/markdown.ts";
import type { Finding } from "../../../drift/types.ts";
import { sampleFindings } from "./findings.ts";

test("markdown: one table per service, ready for a PR comment", () => {
  expect(formatMarkdown({ findings: sampleFindings(), services: ["taurusdb", "rds", "dds"] })).toBe(
    [
      "## API drift",
      "",
      "### dds",
      "",
      "no drift",
      "",
      "### rds",
      "",
      "0 breaking, 0 warnings, 2 info",
      "",
      "| Level | Rule | Operation | Location | Change |",
      "| --- | --- | --- | --- | --- |",
      "| info | `property-added` | `GET /v3/{project_id}/flavors` | `response 200 flavors[].az_status` | optional property added |",
      "| info | `property-added` | `POST /v3/{project_id}/instances/{instance_id}/backups` | `request.body backup.description` | optional property added |",
      "",
      "### taurusdb",
      "",
      "1 breaking, 0 warnings, 0 info",
      "",
      "| Level | Rule | Operation | Location | Change |",
      "| --- | --- | --- | --- | --- |",
      "| breaking | `request-property-removed` | `POST /v3/{project_id}/instances/{instance_id}/backups` | `request.body backup.dry_run` | request property removed (schema is closed) |",
      "",
    ].join("\n"),
  );
});

test("markdown: pipes, angle brackets and backticks cannot break the table", () => {
  const finding: Finding = {
    ruleId: "request-constraint-tightened",
    level: "breaking",
    service: "svc",
    method: "post",
    path: "/a",
    location: "request.body `odd`|name",
    message: "pattern a|b <x> imposed",
  };
  const row = formatMarkdown({ findings: [finding], services: [] })
    .split("\n")
    .find((l) => l.startsWith("| breaking"));
  expect(row).toBe(
    "| breaking | `request-constraint-tightened` | `POST /a` | `` request.body `odd`\\|name `` | pattern a\\|b &lt;x&gt; imposed |",
  );
});
