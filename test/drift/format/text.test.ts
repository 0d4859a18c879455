import { expect, test } from "vitest";
import { formatText } from "../../../drift/format/text.ts";
import { sampleFindings } from "./findings.ts";

test("text: one block per service, one line per finding", () => {
  expect(formatText({ findings: sampleFindings(), services: ["taurusdb", "rds", "dds"] })).toBe(
    [
      "dds: no drift",
      "rds: 0 breaking, 0 warnings, 2 info",
      "  info     GET /v3/{project_id}/flavors  response 200 flavors[].az_status: optional property added  [property-added]",
      "  info     POST /v3/{project_id}/instances/{instance_id}/backups  request.body backup.description: optional property added  [property-added]",
      "taurusdb: 1 breaking, 0 warnings, 0 info",
      "  breaking POST /v3/{project_id}/instances/{instance_id}/backups  request.body backup.dry_run: request property removed (schema is closed)  [request-property-removed]",
      "",
    ].join("\n"),
  );
});

test("text: nothing compared", () => {
  expect(formatText({ findings: [], services: [] })).toBe("No specs compared.\n");
});
