// SARIF 2.1.0 report (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html), so code
// scanning UIs show drift findings and scrape diagnostics side by side. One run, tool "docs2ts":
// - drift findings: rule from drift/rules, location = the service's spec file (line of the
//   operation when known) plus a logical location "service METHOD path location";
// - scrape diagnostics: location = the source file and line the diagnostic names.
// partialFingerprints keep a finding's identity stable when spec lines shift.

import { createHash } from "node:crypto";
import type { Diagnostic, Severity } from "../../core/diagnostics.ts";
import { sortDiagnostics } from "../../core/diagnostics.ts";
import { RULES, type DriftRule } from "../rules/index.ts";
import type { Finding, Level } from "../types.ts";

export interface SarifArtifact {
  /** Repo-relative spec path, e.g. "specs/taurusdb.openapi.json". */
  uri: string;
  /** From operationLines(): "method path" -> line. */
  lines?: ReadonlyMap<string, number>;
}

export interface SarifInput {
  findings: readonly Finding[];
  diagnostics?: readonly Diagnostic[];
  /** Spec file per service. */
  artifacts?: Readonly<Record<string, SarifArtifact>>;
  /** Rules to describe; defaults to every registered drift rule. */
  rules?: readonly DriftRule[];
}

type SarifLevel = "error" | "warning" | "note";

const findingLevel: Record<Level, SarifLevel> = { breaking: "error", warning: "warning", info: "note" };
const diagnosticLevel: Record<Severity, SarifLevel> = { error: "error", warning: "warning", info: "note" };

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription?: { text: string };
  defaultConfiguration: { level: SarifLevel };
  properties: { tags: string[] };
}

export function formatSarif(input: SarifInput): string {
  const driftRules = [...(input.rules ?? RULES)].sort((a, b) => cmp(a.id, b.id));
  const diagnostics = sortDiagnostics(input.diagnostics ?? []);
  const rules: SarifRule[] = driftRules.map((rule) => ({
    id: rule.id,
    name: pascal(rule.id),
    shortDescription: { text: sentence(rule.id) },
    fullDescription: { text: rule.description },
    defaultConfiguration: { level: findingLevel[rule.level] },
    properties: { tags: ["drift", rule.level] },
  }));
  const known = new Set(rules.map((r) => r.id));
  for (const d of diagnostics) {
    if (known.has(d.ruleId)) continue;
    known.add(d.ruleId);
    rules.push({
      id: d.ruleId,
      name: pascal(d.ruleId),
      shortDescription: { text: `docs2ts diagnostic ${d.ruleId}` },
      defaultConfiguration: { level: diagnosticLevel[d.severity] },
      properties: { tags: ["diagnostic"] },
    });
  }
  // Findings of a rule missing from the list still need a descriptor for ruleIndex.
  for (const f of input.findings) {
    if (known.has(f.ruleId)) continue;
    known.add(f.ruleId);
    rules.push({
      id: f.ruleId,
      name: pascal(f.ruleId),
      shortDescription: { text: f.ruleId },
      defaultConfiguration: { level: findingLevel[f.level] },
      properties: { tags: ["drift", f.level] },
    });
  }
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));

  const findingResults = input.findings.map((f) => {
    const artifact = input.artifacts?.[f.service];
    const uri = artifact?.uri ?? `specs/${f.service}.openapi.json`;
    const line = artifact?.lines?.get(`${f.method} ${f.path}`) ?? artifact?.lines?.get(`* ${f.path}`) ?? 1;
    const operation = `${f.method.toUpperCase()} ${f.path}`;
    return {
      ruleId: f.ruleId,
      ruleIndex: ruleIndex.get(f.ruleId) ?? 0,
      level: findingLevel[f.level],
      message: { text: `${operation} ${f.location}: ${f.message}` },
      locations: [
        {
          physicalLocation: { artifactLocation: { uri }, region: { startLine: line } },
          logicalLocations: [
            { name: f.location, fullyQualifiedName: `${f.service} ${operation} ${f.location}`, kind: "member" },
          ],
        },
      ],
      partialFingerprints: {
        "docs2tsDrift/v1": fingerprint([f.ruleId, f.service, f.method, f.path, f.location]),
      },
      properties: {
        service: f.service,
        driftLevel: f.level,
        ...("old" in f ? { old: f.old } : {}),
        ...("new" in f ? { new: f.new } : {}),
      },
    };
  });
  const diagnosticResults = diagnostics.map((d) => ({
    ruleId: d.ruleId,
    ruleIndex: ruleIndex.get(d.ruleId) ?? 0,
    level: diagnosticLevel[d.severity],
    message: { text: d.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: toUri(d.file) },
          ...(d.line >= 1 ? { region: { startLine: d.line } } : {}),
        },
        ...(d.pointer ? { logicalLocations: [{ fullyQualifiedName: d.pointer, kind: "object" }] } : {}),
      },
    ],
    partialFingerprints: {
      "docs2tsDiagnostic/v1": fingerprint([d.ruleId, d.file, d.message]),
    },
  }));

  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "docs2ts", rules } },
        columnKind: "utf16CodeUnits",
        results: [...findingResults, ...diagnosticResults],
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function pascal(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join("");
}

/** "request-property-removed" -> "Request property removed" */
function sentence(id: string): string {
  const words = id.replace(/-/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function toUri(file: string): string {
  return file.replace(/\\/g, "/");
}

function fingerprint(parts: string[]): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("hex").slice(0, 32);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
