// One doc rule: a defect class a careful reader of the docs would report, with a stable id (used
// in diagnostics and --fail-on), a severity and a one-line summary.
import type { Severity } from "../../core/diagnostics.ts";

export interface DocRule<Id extends string = string> {
  readonly id: Id;
  readonly severity: Severity;
  readonly summary: string;
}

export function defineDocRule<const Id extends string>(rule: DocRule<Id>): DocRule<Id> {
  return rule;
}
