// response-constraint-loosened (warning): A response field may return values it could not before (a bound or pattern relaxed, its enum dropped): clients that validate strictly reject them.

import type { Change } from "../types.ts";
import { constraintChanges, enumValues, formatValues } from "../constraints.ts";
import { defineRule } from "./define.ts";

export const rule = defineRule({
  id: "response-constraint-loosened",
  level: "warning",
  description:
    "A response field may return values it could not before (a bound or pattern relaxed, its enum dropped): clients that validate strictly reject them.",
  detect: (ctx) =>
    ctx.operations.flatMap((op) =>
      op.schemaPairs
        .filter((pair) => pair.direction === "response")
        .flatMap((pair) => {
          const found: Change[] = constraintChanges(pair.old, pair.new)
            .filter((c) => c.kind === "loosened")
            .map((c) => ({
              method: op.method,
              path: op.path,
              location: pair.location,
              message: c.message,
              ...("old" in c ? { old: c.old } : {}),
              ...("new" in c ? { new: c.new } : {}),
            }));
          const o = enumValues(pair.old);
          if (o && !enumValues(pair.new)) {
            found.push({
              method: op.method,
              path: op.path,
              location: pair.location,
              message: `enum ${formatValues(o)} removed`,
              old: o,
            });
          }
          return found;
        }),
    ),
});
