// Markdown report for a PR comment: a heading and one table per service.

import type { Finding } from "../types.ts";
import { allServices, summaryLine, type ReportInput } from "./text.ts";

export function formatMarkdown({ findings, services }: ReportInput): string {
  const parts: string[] = ["## API drift"];
  const names = allServices(findings, services);
  if (names.length === 0) parts.push("No specs compared.");
  for (const service of names) {
    const own = findings.filter((f) => f.service === service);
    parts.push(`### ${escapeText(service)}\n\n${summaryLine(own)}`);
    if (own.length === 0) continue;
    const rows = own.map(
      (f: Finding) =>
        `| ${f.level} | ${code(f.ruleId)} | ${code(`${f.method.toUpperCase()} ${f.path}`)} | ${code(f.location)} | ${escapeText(f.message)} |`,
    );
    parts.push(
      ["| Level | Rule | Operation | Location | Change |", "| --- | --- | --- | --- | --- |", ...rows].join("\n"),
    );
  }
  return `${parts.join("\n\n")}\n`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Text in a table cell: pipes would end the cell, and HTML-ish text would render. */
function escapeText(text: string): string {
  return oneLine(text).replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A code span that survives backticks and pipes inside it. */
function code(text: string): string {
  const body = oneLine(text).replace(/\|/g, "\\|");
  const fence = body.includes("`") ? "``" : "`";
  const pad = fence.length > 1 ? " " : "";
  return `${fence}${pad}${body}${pad}${fence}`;
}
