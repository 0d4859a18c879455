// request-property-became-required (breaking): An optional request property became required.

import { defineRule } from "./define.ts";

export const rule = defineRule({
  id: "request-property-became-required",
  level: "breaking",
  description: "An optional request property became required.",
  detect: (ctx) =>
    ctx.operations.flatMap((op) =>
      op.schemaPairs
        .filter((pair) => pair.direction === "request" && pair.required && !pair.required.old && pair.required.new)
        .map((pair) => ({
          method: op.method,
          path: op.path,
          location: pair.location,
          message: "request property became required",
          old: false,
          new: true,
        })),
    ),
});
