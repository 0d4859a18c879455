// response-status-removed (breaking): A response status is no longer documented: clients handling it lose their types.

import { defineRule } from "./define.ts";

export const rule = defineRule({
  id: "response-status-removed",
  level: "breaking",
  description: "A response status is no longer documented: clients handling it lose their types.",
  detect: (ctx) =>
    ctx.operations.flatMap((op) =>
      op.removedStatuses.map((status) => ({
        method: op.method,
        path: op.path,
        location: `response ${status}`,
        message: `response status ${status} removed`,
        old: status,
      })),
    ),
});
