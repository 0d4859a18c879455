// parameter-became-required (breaking): An optional parameter became required.

import { defineRule } from "./define.ts";

export const rule = defineRule({
  id: "parameter-became-required",
  level: "breaking",
  description: "An optional parameter became required.",
  detect: (ctx) =>
    ctx.operations.flatMap((op) =>
      op.parameterPairs
        .filter((p) => !p.old.required && p.new.required)
        .map((p) => ({
          method: op.method,
          path: op.path,
          location: p.new.location,
          message: "parameter became required",
          old: false,
          new: true,
        })),
    ),
});
