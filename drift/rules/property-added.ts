// property-added (info): A new optional request property, or a new response property (added as one finding, children included).

import { defineRule } from "./define.ts";

export const rule = defineRule({
  id: "property-added",
  level: "info",
  description: "A new optional request property, or a new response property (added as one finding, children included).",
  detect: (ctx) =>
    ctx.operations.flatMap((op) =>
      op.addedProperties
        .filter((p) => p.direction === "response" || !p.required)
        .map((p) => ({
          method: op.method,
          path: op.path,
          location: p.location,
          message:
            p.direction === "request" || !p.required ? "optional property added" : "required response property added",
        })),
    ),
});
