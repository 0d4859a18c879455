// JSON report. Shape (formatVersion 1):
//   {
//     "formatVersion": 1,
//     "services": ["rds", "taurusdb"],                 // every service compared, sorted
//     "summary": { "breaking": 1, "warning": 0, "info": 2 },
//     "findings": Finding[],                           // sorted; Finding is documented in drift/types.ts
//     "diagnostics": Diagnostic[]                      // only when scrape diagnostics were passed in
//   }

import type { Diagnostic } from "../../core/diagnostics.ts";
import { sortDiagnostics } from "../../core/diagnostics.ts";
import { summarize } from "../diff.ts";
import { allServices, type ReportInput } from "./text.ts";

export function formatJson(input: ReportInput & { diagnostics?: readonly Diagnostic[] }): string {
  const report = {
    formatVersion: 1,
    services: allServices(input.findings, input.services),
    summary: summarize(input.findings),
    findings: input.findings,
    ...(input.diagnostics ? { diagnostics: sortDiagnostics(input.diagnostics) } : {}),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
