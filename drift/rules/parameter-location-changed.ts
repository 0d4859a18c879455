// parameter-location-changed (breaking): A parameter moved (e.g. from query to header): clients send it in the old place.

import { defineRule } from "./define.ts";

export const rule = defineRule({
  id: "parameter-location-changed",
  level: "breaking",
  description: "A parameter moved (e.g. from query to header): clients send it in the old place.",
  detect: (ctx) =>
    ctx.operations.flatMap((op) =>
      op.relocatedParameters.map((p) => ({
        method: op.method,
        path: op.path,
        location: p.new.location,
        message: `parameter moved from ${p.old.in} to ${p.new.in}`,
        old: p.old.in,
        new: p.new.in,
      })),
    ),
});
