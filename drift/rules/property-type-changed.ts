// property-type-changed (breaking): A body property's type changed: a request no longer accepts every old value, or a response may return values of a type it did not before.

import { covers, describeTypes, typeSet } from "../constraints.ts";
import { defineRule } from "./define.ts";

export const rule = defineRule({
  id: "property-type-changed",
  level: "breaking",
  description:
    "A body property's type changed: a request no longer accepts every old value, or a response may return values of a type it did not before.",
  detect: (ctx) =>
    ctx.operations.flatMap((op) =>
      op.schemaPairs
        .filter((pair) => !(pair.scope === "parameter" && pair.path === ""))
        .flatMap((pair) => {
          const o = typeSet(pair.old);
          const n = typeSet(pair.new);
          // Widening a request type or narrowing a response type keeps old clients working.
          const compatible = pair.direction === "request" ? covers(n, o) : covers(o, n);
          if (compatible) return [];
          return [
            {
              method: op.method,
              path: op.path,
              location: pair.location,
              message: `type changed from ${describeTypes(o)} to ${describeTypes(n)}`,
              old: describeTypes(o),
              new: describeTypes(n),
            },
          ];
        }),
    ),
});
