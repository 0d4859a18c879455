// request-constraint-loosened (info): A request accepts more than before: a bound or pattern relaxed, enum values added or the enum dropped, a type widened, a property or parameter no longer required.

import {
  constraintChanges,
  covers,
  describeTypes,
  enumDifference,
  enumValues,
  formatValues,
  sameTypes,
  typeSet,
} from "../constraints.ts";
import { defineRule } from "./define.ts";

export const rule = defineRule({
  id: "request-constraint-loosened",
  level: "info",
  description:
    "A request accepts more than before: a bound or pattern relaxed, enum values added or the enum dropped, a type widened, a property or parameter no longer required.",
  detect: (ctx) =>
    ctx.operations.flatMap((op) => {
      const at = (location: string, message: string, extra: { old?: unknown; new?: unknown } = {}) => ({
        method: op.method,
        path: op.path,
        location,
        message,
        ...extra,
      });
      const changes = op.schemaPairs
        .filter((pair) => pair.direction === "request")
        .flatMap((pair) => {
          const found = constraintChanges(pair.old, pair.new)
            .filter((c) => c.kind === "loosened")
            .map((c) =>
              at(pair.location, c.message, {
                ...("old" in c ? { old: c.old } : {}),
                ...("new" in c ? { new: c.new } : {}),
              }),
            );
          const o = enumValues(pair.old);
          const n = enumValues(pair.new);
          if (o && !n) found.push(at(pair.location, `enum ${formatValues(o)} removed`, { old: o }));
          if (o && n) {
            const added = enumDifference(n, o);
            if (added.length > 0)
              found.push(
                at(pair.location, `enum value${added.length > 1 ? "s" : ""} added: ${formatValues(added)}`, {
                  old: o,
                  new: n,
                }),
              );
          }
          const ot = typeSet(pair.old);
          const nt = typeSet(pair.new);
          if (covers(nt, ot) && !sameTypes(ot, nt)) {
            found.push(
              at(pair.location, `type widened from ${describeTypes(ot)} to ${describeTypes(nt)}`, {
                old: describeTypes(ot),
                new: describeTypes(nt),
              }),
            );
          }
          if (pair.required && pair.required.old && !pair.required.new) {
            found.push(at(pair.location, "request property no longer required", { old: true, new: false }));
          }
          return found;
        });
      for (const p of op.parameterPairs) {
        if (p.old.required && !p.new.required)
          changes.push(at(p.new.location, "parameter no longer required", { old: true, new: false }));
      }
      return changes;
    }),
});
