// A rule is declared once, with its id, level and description next to its check, so the metadata
// and the logic cannot drift apart; the wrapper stamps every finding with them.

import type { SpecComparison } from "../compare.ts";
import type { Change, Finding, Level, Rule } from "../types.ts";

export type DriftRule = Rule<SpecComparison>;

export function defineRule(spec: {
  id: string;
  level: Level;
  description: string;
  detect(ctx: SpecComparison): Change[];
}): DriftRule {
  return {
    id: spec.id,
    level: spec.level,
    description: spec.description,
    check(ctx: SpecComparison): Finding[] {
      return spec.detect(ctx).map((change) => ({
        ruleId: spec.id,
        level: spec.level,
        service: ctx.service,
        method: change.method,
        path: change.path,
        location: change.location,
        message: change.message,
        ...("old" in change ? { old: change.old } : {}),
        ...("new" in change ? { new: change.new } : {}),
      }));
    },
  };
}
