import type { Diagnostic } from "../../core/diagnostics.ts";
import { docDiagnostic, type DocRuleId } from "../rules/index.ts";

/** What extraction of one page carries around: the page path and the diagnostics it collects. */
export interface PageContext {
  file: string;
  diagnostics: Diagnostic[];
}

export function report(ctx: PageContext, ruleId: DocRuleId, line: number, message: string): void {
  ctx.diagnostics.push(docDiagnostic(ruleId, ctx.file, line, message));
}
