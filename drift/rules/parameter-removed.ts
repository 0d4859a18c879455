// parameter-removed (breaking): A parameter is gone: clients still sending it may be rejected, and generated signatures change.

import { defineRule } from "./define.ts";

export const rule = defineRule({
  id: "parameter-removed",
  level: "breaking",
  description: "A parameter is gone: clients still sending it may be rejected, and generated signatures change.",
  detect: (ctx) =>
    ctx.operations.flatMap((op) =>
      op.removedParameters.map((p) => ({
        method: op.method,
        path: op.path,
        location: p.location,
        message: "parameter removed",
      })),
    ),
});
