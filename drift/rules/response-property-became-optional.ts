// response-property-became-optional (breaking): A required response property became optional: clients relying on it may get undefined.

import { defineRule } from "./define.ts";

export const rule = defineRule({
  id: "response-property-became-optional",
  level: "breaking",
  description: "A required response property became optional: clients relying on it may get undefined.",
  detect: (ctx) =>
    ctx.operations.flatMap((op) =>
      op.schemaPairs
        .filter((pair) => pair.direction === "response" && pair.required && pair.required.old && !pair.required.new)
        .map((pair) => ({
          method: op.method,
          path: op.path,
          location: pair.location,
          message: "response property became optional",
          old: true,
          new: false,
        })),
    ),
});
