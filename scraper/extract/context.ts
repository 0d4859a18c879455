import type { Diagnostic, Severity } from "../../core/diagnostics.ts";

/** What extraction of one page carries around: the page path and the diagnostics it collects. */
export interface PageContext {
  file: string;
  diagnostics: Diagnostic[];
}

export function report(
  ctx: PageContext,
  ruleId: string,
  severity: Severity,
  line: number,
  message: string,
): void {
  ctx.diagnostics.push({ ruleId, severity, message, file: ctx.file, line });
}
