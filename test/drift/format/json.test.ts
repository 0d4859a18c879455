import { expect, test } from "vitest";
import { formatJson } from "../../../drift/format/json.ts";
import { sampleFindings } from "./findings.ts";

test("json: documented shape, findings in order", () => {
  const findings = sampleFindings();
  const report = JSON.parse(formatJson({ findings, services: ["taurusdb", "rds"] }));
  expect(Object.keys(report)).toEqual(["formatVersion", "services", "summary", "findings"]);
  expect(report.formatVersion).toBe(1);
  expect(report.services).toEqual(["rds", "taurusdb"]);
  expect(report.summary).toEqual({ breaking: 1, warning: 0, info: 2 });
  expect(report.findings).toEqual(findings);
  for (const f of report.findings) {
    expect(Object.keys(f)).toEqual(
      expect.arrayContaining(["ruleId", "level", "service", "method", "path", "location", "message"]),
    );
  }
});

test("json: scrape diagnostics are included, sorted, when given", () => {
  const report = JSON.parse(
    formatJson({
      findings: [],
      services: [],
      diagnostics: [
        { ruleId: "b", severity: "warning", message: "m", file: "z.html", line: 3 },
        { ruleId: "a", severity: "error", message: "m", file: "a.html", line: 9 },
      ],
    }),
  );
  expect(report.diagnostics.map((d: { file: string }) => d.file)).toEqual(["a.html", "z.html"]);
});
