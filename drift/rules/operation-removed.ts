// operation-removed (breaking): An operation (method + path) is gone and no operation with its operationId appeared elsewhere.

import { defineRule } from "./define.ts";

export const rule = defineRule({
  id: "operation-removed",
  level: "breaking",
  description: "An operation (method + path) is gone and no operation with its operationId appeared elsewhere.",
  detect: (ctx) =>
    ctx.removedOperations.map((op) => ({
      method: op.method,
      path: op.path,
      location: "operation",
      message: "operation removed",
    })),
});
