// request-enum-value-removed (breaking): A request field no longer accepts some enum values.

import { enumDifference, enumValues, formatValues } from "../constraints.ts";
import { defineRule } from "./define.ts";

export const rule = defineRule({
  id: "request-enum-value-removed",
  level: "breaking",
  description: "A request field no longer accepts some enum values.",
  detect: (ctx) =>
    ctx.operations.flatMap((op) =>
      op.schemaPairs
        .filter((pair) => pair.direction === "request")
        .flatMap((pair) => {
          const o = enumValues(pair.old);
          const n = enumValues(pair.new);
          if (!o || !n) return [];
          const removed = enumDifference(o, n);
          if (removed.length === 0) return [];
          return [
            {
              method: op.method,
              path: op.path,
              location: pair.location,
              message: `enum value${removed.length > 1 ? "s" : ""} removed: ${formatValues(removed)}`,
              old: o,
              new: n,
            },
          ];
        }),
    ),
});
