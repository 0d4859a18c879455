// response-enum-value-added (warning): A response field may return a new enum value: clients that validate strictly reject it.

import { enumDifference, enumValues, formatValues } from "../constraints.ts";
import { defineRule } from "./define.ts";

export const rule = defineRule({
  id: "response-enum-value-added",
  level: "warning",
  description: "A response field may return a new enum value: clients that validate strictly reject it.",
  detect: (ctx) =>
    ctx.operations.flatMap((op) =>
      op.schemaPairs
        .filter((pair) => pair.direction === "response")
        .flatMap((pair) => {
          const o = enumValues(pair.old);
          const n = enumValues(pair.new);
          if (!o || !n) return [];
          const added = enumDifference(n, o);
          if (added.length === 0) return [];
          return [
            {
              method: op.method,
              path: op.path,
              location: pair.location,
              message: `enum value${added.length > 1 ? "s" : ""} added: ${formatValues(added)}`,
              old: o,
              new: n,
            },
          ];
        }),
    ),
});
