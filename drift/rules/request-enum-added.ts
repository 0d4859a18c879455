// request-enum-added (breaking): A request field that took any value now takes only an enum.

import { enumValues, formatValues } from "../constraints.ts";
import { defineRule } from "./define.ts";

export const rule = defineRule({
  id: "request-enum-added",
  level: "breaking",
  description: "A request field that took any value now takes only an enum.",
  detect: (ctx) =>
    ctx.operations.flatMap((op) =>
      op.schemaPairs
        .filter((pair) => pair.direction === "request")
        .flatMap((pair) => {
          const n = enumValues(pair.new);
          if (enumValues(pair.old) || !n) return [];
          return [
            {
              method: op.method,
              path: op.path,
              location: pair.location,
              message: `enum imposed: ${formatValues(n)}`,
              new: n,
            },
          ];
        }),
    ),
});
