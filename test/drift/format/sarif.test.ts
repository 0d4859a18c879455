// SARIF 2.1.0, validated structurally: what code-scanning UIs need to show a result.
import { expect, test } from "vitest";
import { formatSarif } from "../../../drift/format/sarif.ts";
import { RULES } from "../../../drift/rules/index.ts";
import type { Diagnostic } from "../../../core/diagnostics.ts";
import { sampleFindings } from "./findings.ts";

interface SarifLog {
  version: string;
  $schema: string;
  runs: {
    tool: {
      driver: {
        name: string;
        rules: { id: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }[];
      };
    };
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: {
        physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } };
        logicalLocations?: { name?: string; fullyQualifiedName: string }[];
      }[];
      partialFingerprints: Record<string, string>;
    }[];
  }[];
}

const diagnostics: Diagnostic[] = [
  {
    ruleId: "table-unparsed",
    severity: "warning",
    message: "table 3 has no header row",
    file: "sources/rds/create-backup.txt",
    line: 42,
  },
  {
    ruleId: "overlay-target-unmatched",
    severity: "warning",
    message: "target matched nothing",
    file: "specs/overlays/rds.overlay.yaml",
    line: 7,
  },
];

function build(): SarifLog {
  return JSON.parse(
    formatSarif({
      findings: sampleFindings(),
      diagnostics,
      artifacts: {
        taurusdb: {
          uri: "specs/taurusdb.openapi.json",
          lines: new Map([["post /v3/{project_id}/instances/{instance_id}/backups", 9]]),
        },
        rds: { uri: "specs/rds.openapi.json" },
      },
    }),
  );
}

test("sarif: version 2.1.0, one run, driver rules cover drift rules and diagnostic rule ids", () => {
  const log = build();
  expect(log.version).toBe("2.1.0");
  expect(log.$schema).toContain("sarif-2.1.0");
  expect(log.runs).toHaveLength(1);
  const rules = log.runs[0]!.tool.driver.rules;
  const ids = rules.map((r) => r.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const rule of RULES) expect(ids).toContain(rule.id);
  expect(ids).toContain("table-unparsed");
  expect(ids).toContain("overlay-target-unmatched");
  for (const r of rules) {
    expect(r.shortDescription.text).not.toBe("");
    expect(["error", "warning", "note"]).toContain(r.defaultConfiguration.level);
  }
});

test("sarif: every result has a ruleId, a level, a message and a location", () => {
  const run = build().runs[0]!;
  expect(run.results).toHaveLength(3 + diagnostics.length);
  for (const result of run.results) {
    expect(run.tool.driver.rules[result.ruleIndex]!.id).toBe(result.ruleId);
    expect(["error", "warning", "note"]).toContain(result.level);
    expect(result.message.text).not.toBe("");
    expect(result.locations.length).toBeGreaterThan(0);
    expect(result.locations[0]!.physicalLocation.artifactLocation.uri).not.toMatch(/^\/|\\/);
    expect(Object.values(result.partialFingerprints)[0]).toMatch(/^[0-9a-f]{32}$/);
  }
});

test("sarif: drift findings point at the spec file and a logical location", () => {
  const results = build().runs[0]!.results;
  const breaking = results.find((r) => r.ruleId === "request-property-removed")!;
  expect(breaking.level).toBe("error");
  expect(breaking.locations[0]!.physicalLocation).toEqual({
    artifactLocation: { uri: "specs/taurusdb.openapi.json" },
    region: { startLine: 9 },
  });
  expect(breaking.locations[0]!.logicalLocations).toEqual([
    {
      name: "request.body backup.dry_run",
      fullyQualifiedName: "taurusdb POST /v3/{project_id}/instances/{instance_id}/backups request.body backup.dry_run",
      kind: "member",
    },
  ]);
  const info = results.find((r) => r.ruleId === "property-added")!;
  expect(info.level).toBe("note");
  expect(info.locations[0]!.physicalLocation.artifactLocation.uri).toBe("specs/rds.openapi.json");
});

test("sarif: diagnostics point at their source file and line", () => {
  const results = build().runs[0]!.results;
  const table = results.find((r) => r.ruleId === "table-unparsed")!;
  expect(table.level).toBe("warning");
  expect(table.message.text).toBe("table 3 has no header row");
  expect(table.locations[0]!.physicalLocation).toEqual({
    artifactLocation: { uri: "sources/rds/create-backup.txt" },
    region: { startLine: 42 },
  });
});

test("sarif: no findings is still a valid log", () => {
  const log: SarifLog = JSON.parse(formatSarif({ findings: [] }));
  expect(log.runs[0]!.results).toEqual([]);
  expect(log.runs[0]!.tool.driver.rules.length).toBe(RULES.length);
});
