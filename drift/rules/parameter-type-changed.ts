// parameter-type-changed (breaking): A parameter's type no longer accepts every value it used to.

import { covers, describeTypes, typeSet } from "../constraints.ts";
import { defineRule } from "./define.ts";

export const rule = defineRule({
  id: "parameter-type-changed",
  level: "breaking",
  description: "A parameter's type no longer accepts every value it used to.",
  detect: (ctx) =>
    ctx.operations.flatMap((op) =>
      op.schemaPairs
        .filter((pair) => pair.scope === "parameter" && pair.path === "")
        .flatMap((pair) => {
          const o = typeSet(pair.old);
          const n = typeSet(pair.new);
          if (covers(n, o)) return [];
          return [
            {
              method: op.method,
              path: op.path,
              location: pair.location,
              message: `parameter type changed from ${describeTypes(o)} to ${describeTypes(n)}`,
              old: describeTypes(o),
              new: describeTypes(n),
            },
          ];
        }),
    ),
});
