// Facts about one schema node shared by several rules: its set of types, its enum, and how its
// validation keywords moved between two versions. "Tightened" means some value the old schema
// accepted is now rejected; "loosened" the reverse.

import type { Direction, SpecComparison } from "./compare.ts";
import type { JsonObject } from "./spec.ts";
import type { Change } from "./types.ts";

/** The JSON types a schema admits, or undefined for "any" (no `type`). */
export function typeSet(schema: JsonObject): Set<string> | undefined {
  const type = schema["type"];
  if (typeof type === "string") return new Set([type]);
  if (Array.isArray(type)) return new Set(type.filter((t): t is string => typeof t === "string"));
  return undefined;
}

/** Whether every value of type set `inner` is also admitted by `outer` (integer fits in number). */
export function covers(outer: Set<string> | undefined, inner: Set<string> | undefined): boolean {
  if (outer === undefined) return true;
  if (inner === undefined) return false;
  return [...inner].every((t) => outer.has(t) || (t === "integer" && outer.has("number")));
}

export function sameTypes(a: Set<string> | undefined, b: Set<string> | undefined): boolean {
  return covers(a, b) && covers(b, a) && describeTypes(a) === describeTypes(b);
}

export function describeTypes(types: Set<string> | undefined): string {
  return types === undefined ? "any" : [...types].sort().join(" | ");
}

export function enumValues(schema: JsonObject): unknown[] | undefined {
  const values = schema["enum"];
  return Array.isArray(values) ? values : undefined;
}

/** Values of `a` that are not in `b` (compared as JSON). */
export function enumDifference(a: readonly unknown[], b: readonly unknown[]): unknown[] {
  const keys = new Set(b.map((v) => JSON.stringify(v)));
  return a.filter((v) => !keys.has(JSON.stringify(v)));
}

export function formatValues(values: readonly unknown[]): string {
  return values.map((v) => (typeof v === "string" ? v : JSON.stringify(v))).join(", ");
}

export interface ConstraintChange {
  keyword: string;
  kind: "tightened" | "loosened";
  message: string;
  old?: unknown;
  new?: unknown;
}

const UPPER_BOUNDS = ["maxLength", "maximum", "exclusiveMaximum", "maxItems"] as const;
const LOWER_BOUNDS = ["minLength", "minimum", "exclusiveMinimum", "minItems"] as const;
/** A lower bound of 0 on a length or a count is no bound at all. */
const ZERO_IS_NONE = new Set(["minLength", "minItems"]);

/** maxLength/maximum/exclusiveMaximum/maxItems, their lower counterparts, and pattern. */
export function constraintChanges(o: JsonObject, n: JsonObject): ConstraintChange[] {
  const changes: ConstraintChange[] = [];
  for (const keyword of UPPER_BOUNDS) {
    const change = boundChange(keyword, numberOf(o, keyword), numberOf(n, keyword), "upper");
    if (change) changes.push(change);
  }
  for (const keyword of LOWER_BOUNDS) {
    const change = boundChange(keyword, numberOf(o, keyword), numberOf(n, keyword), "lower");
    if (change) changes.push(change);
  }
  const oldPattern = typeof o["pattern"] === "string" ? o["pattern"] : undefined;
  const newPattern = typeof n["pattern"] === "string" ? n["pattern"] : undefined;
  if (oldPattern !== newPattern) {
    if (oldPattern === undefined) {
      changes.push({
        keyword: "pattern",
        kind: "tightened",
        message: `pattern ${newPattern} imposed`,
        new: newPattern,
      });
    } else if (newPattern === undefined) {
      changes.push({ keyword: "pattern", kind: "loosened", message: `pattern ${oldPattern} removed`, old: oldPattern });
    } else {
      // Two regular expressions cannot be compared in general: a changed pattern may reject
      // values the old one accepted.
      changes.push({
        keyword: "pattern",
        kind: "tightened",
        message: `pattern changed from ${oldPattern} to ${newPattern}`,
        old: oldPattern,
        new: newPattern,
      });
    }
  }
  return changes;
}

function numberOf(schema: JsonObject, keyword: string): number | undefined {
  const value = schema[keyword];
  if (typeof value !== "number") return undefined;
  return ZERO_IS_NONE.has(keyword) && value === 0 ? undefined : value;
}

function boundChange(
  keyword: string,
  o: number | undefined,
  n: number | undefined,
  bound: "upper" | "lower",
): ConstraintChange | undefined {
  if (o === n) return undefined;
  if (o === undefined) return { keyword, kind: "tightened", message: `${keyword} ${n} imposed`, new: n };
  if (n === undefined) return { keyword, kind: "loosened", message: `${keyword} ${o} removed`, old: o };
  const lowered = n < o;
  const tightened = bound === "upper" ? lowered : !lowered;
  return {
    keyword,
    kind: tightened ? "tightened" : "loosened",
    message: `${keyword} ${lowered ? "lowered" : "raised"} from ${o} to ${n}`,
    old: o,
    new: n,
  };
}

/** One change per constraint of the given direction's fields that got stricter or looser. */
export function constraintFindings(ctx: SpecComparison, direction: Direction, kind: ConstraintChange["kind"]): Change[] {
  return ctx.operations.flatMap((op) =>
    op.schemaPairs
      .filter((pair) => pair.direction === direction)
      .flatMap((pair) =>
        constraintChanges(pair.old, pair.new)
          .filter((c) => c.kind === kind)
          .map((c) => ({
            method: op.method,
            path: op.path,
            location: pair.location,
            message: c.message,
            ...("old" in c ? { old: c.old } : {}),
            ...("new" in c ? { new: c.new } : {}),
          })),
      ),
  );
}
