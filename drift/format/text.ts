// Plain-text report: one block per service (sorted), one line per finding in finding order.

import { summarize } from "../diff.ts";
import type { Finding } from "../types.ts";

export interface ReportInput {
  findings: readonly Finding[];
  /** Every service compared, including those without findings. */
  services: readonly string[];
}

export function formatText({ findings, services }: ReportInput): string {
  const lines: string[] = [];
  for (const service of allServices(findings, services)) {
    const own = findings.filter((f) => f.service === service);
    lines.push(`${service}: ${summaryLine(own)}`);
    for (const f of own) {
      lines.push(
        `  ${f.level.padEnd(8)} ${f.method.toUpperCase()} ${f.path}  ${f.location}: ${f.message}  [${f.ruleId}]`,
      );
    }
  }
  if (lines.length === 0) lines.push("No specs compared.");
  return `${lines.join("\n")}\n`;
}

export function summaryLine(findings: readonly Finding[]): string {
  if (findings.length === 0) return "no drift";
  const counts = summarize(findings);
  return `${counts.breaking} breaking, ${counts.warning} warning${counts.warning === 1 ? "" : "s"}, ${counts.info} info`;
}

export function allServices(findings: readonly Finding[], services: readonly string[]): string[] {
  return [...new Set([...services, ...findings.map((f) => f.service)])].sort();
}
