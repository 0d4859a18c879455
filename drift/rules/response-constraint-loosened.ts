// response-constraint-loosened (warning): A response field may return values it could not before (a bound or pattern relaxed, its enum dropped): clients that validate strictly reject them.

import type { Change } from "../types.ts";
import { constraintFindings, enumValues, formatValues } from "../constraints.ts";
import { defineRule } from "./define.ts";

export const rule = defineRule({
  id: "response-constraint-loosened",
  level: "warning",
  description:
    "A response field may return values it could not before (a bound or pattern relaxed, its enum dropped): clients that validate strictly reject them.",
  detect: (ctx) => [
    ...constraintFindings(ctx, "response", "loosened"),
    ...ctx.operations.flatMap((op) =>
      op.schemaPairs
        .filter((pair) => pair.direction === "response")
        .flatMap((pair): Change[] => {
          const o = enumValues(pair.old);
          if (!o || enumValues(pair.new)) return [];
          return [{ method: op.method, path: op.path, location: pair.location, message: `enum ${formatValues(o)} removed`, old: o }];
        }),
    ),
  ],
});
