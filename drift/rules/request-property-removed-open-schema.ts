// request-property-removed-open-schema (warning): A request property is gone but its object stays open: clients still sending it may be ignored or rejected.

import { defineRule } from "./define.ts";

export const rule = defineRule({
  id: "request-property-removed-open-schema",
  level: "warning",
  description:
    "A request property is gone but its object stays open: clients still sending it may be ignored or rejected.",
  detect: (ctx) =>
    ctx.operations.flatMap((op) =>
      op.removedProperties
        .filter((p) => p.direction === "request" && p.parentOpen)
        .map((p) => ({
          method: op.method,
          path: op.path,
          location: p.location,
          message: "request property removed (schema stays open)",
        })),
    ),
});
