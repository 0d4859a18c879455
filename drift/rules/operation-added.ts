// operation-added (info): A new operation.

import { defineRule } from "./define.ts";

export const rule = defineRule({
  id: "operation-added",
  level: "info",
  description: "A new operation.",
  detect: (ctx) =>
    ctx.addedOperations.map((op) => ({
      method: op.method,
      path: op.path,
      location: "operation",
      message: "operation added",
    })),
});
