// request-constraint-tightened (breaking): A request field's validation got stricter: maxLength/maximum/maxItems down or imposed, minLength/minimum/minItems up or imposed, pattern imposed or changed.

import { constraintChanges } from "../constraints.ts";
import { defineRule } from "./define.ts";

export const rule = defineRule({
  id: "request-constraint-tightened",
  level: "breaking",
  description:
    "A request field's validation got stricter: maxLength/maximum/maxItems down or imposed, minLength/minimum/minItems up or imposed, pattern imposed or changed.",
  detect: (ctx) =>
    ctx.operations.flatMap((op) =>
      op.schemaPairs
        .filter((pair) => pair.direction === "request")
        .flatMap((pair) =>
          constraintChanges(pair.old, pair.new)
            .filter((c) => c.kind === "tightened")
            .map((c) => ({
              method: op.method,
              path: op.path,
              location: pair.location,
              message: c.message,
              ...("old" in c ? { old: c.old } : {}),
              ...("new" in c ? { new: c.new } : {}),
            })),
        ),
    ),
});
