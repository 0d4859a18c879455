// required-parameter-added (breaking): A new required parameter: existing calls do not send it.

import { defineRule } from "./define.ts";

export const rule = defineRule({
  id: "required-parameter-added",
  level: "breaking",
  description: "A new required parameter: existing calls do not send it.",
  detect: (ctx) =>
    ctx.operations.flatMap((op) =>
      op.addedParameters
        .filter((p) => p.required)
        .map((p) => ({ method: op.method, path: op.path, location: p.location, message: "required parameter added" })),
    ),
});
