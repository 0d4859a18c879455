// diffSpecs: compare two OpenAPI documents of one service and run every drift rule over the
// comparison. Findings come back in a total order (level, path, method, rule id, then the rest),
// so output is stable whatever order rules or properties were visited in.

import { compareSpecs } from "./compare.ts";
import { RULES, type DriftRule } from "./rules/index.ts";
import { asObject } from "./spec.ts";
import type { Finding, Level } from "./types.ts";

export interface DiffOptions {
  service: string;
  /** Defaults to every registered rule. */
  rules?: readonly DriftRule[];
}

export function diffSpecs(oldSpec: unknown, newSpec: unknown, options: DiffOptions): Finding[] {
  const comparison = compareSpecs(asObject(oldSpec), asObject(newSpec), options.service);
  const rules = options.rules ?? RULES;
  return sortFindings(rules.flatMap((rule) => rule.check(comparison)));
}

const levelRank: Record<Level, number> = { breaking: 0, warning: 1, info: 2 };

export function compareFindings(a: Finding, b: Finding): number {
  return (
    levelRank[a.level] - levelRank[b.level] ||
    cmp(a.path, b.path) ||
    cmp(a.method, b.method) ||
    cmp(a.ruleId, b.ruleId) ||
    cmp(a.location, b.location) ||
    cmp(a.message, b.message) ||
    cmp(a.service, b.service) ||
    cmp(stringify(a.old), stringify(b.old)) ||
    cmp(stringify(a.new), stringify(b.new))
  );
}

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

export function summarize(findings: readonly Finding[]): Record<Level, number> {
  const counts: Record<Level, number> = { breaking: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.level] += 1;
  return counts;
}

function stringify(value: unknown): string {
  return value === undefined ? "" : JSON.stringify(value);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
