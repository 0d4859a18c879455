// request-property-added-required (breaking): A new request property that is required: existing calls do not send it.

import { defineRule } from "./define.ts";

export const rule = defineRule({
  id: "request-property-added-required",
  level: "breaking",
  description: "A new request property that is required: existing calls do not send it.",
  detect: (ctx) =>
    ctx.operations.flatMap((op) =>
      op.addedProperties
        .filter((p) => p.direction === "request" && p.required)
        .map((p) => ({
          method: op.method,
          path: op.path,
          location: p.location,
          message: "required request property added",
        })),
    ),
});
