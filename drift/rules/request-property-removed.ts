// request-property-removed (breaking): A request property is gone from a closed schema (additionalProperties: false): clients still sending it are rejected.

import { defineRule } from "./define.ts";

export const rule = defineRule({
  id: "request-property-removed",
  level: "breaking",
  description:
    "A request property is gone from a closed schema (additionalProperties: false): clients still sending it are rejected.",
  detect: (ctx) =>
    ctx.operations.flatMap((op) =>
      op.removedProperties
        .filter((p) => p.direction === "request" && !p.parentOpen)
        .map((p) => ({
          method: op.method,
          path: op.path,
          location: p.location,
          message: "request property removed (schema is closed)",
        })),
    ),
});
