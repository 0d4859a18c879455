// optional-parameter-added (info): A new optional parameter.

import { defineRule } from "./define.ts";

export const rule = defineRule({
  id: "optional-parameter-added",
  level: "info",
  description: "A new optional parameter.",
  detect: (ctx) =>
    ctx.operations.flatMap((op) =>
      op.addedParameters
        .filter((p) => !p.required)
        .map((p) => ({ method: op.method, path: op.path, location: p.location, message: "optional parameter added" })),
    ),
});
