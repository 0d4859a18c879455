// response-status-added (info): A new documented response status.

import { defineRule } from "./define.ts";

export const rule = defineRule({
  id: "response-status-added",
  level: "info",
  description: "A new documented response status.",
  detect: (ctx) =>
    ctx.operations.flatMap((op) =>
      op.addedStatuses.map((status) => ({
        method: op.method,
        path: op.path,
        location: `response ${status}`,
        message: `response status ${status} added`,
        new: status,
      })),
    ),
});
