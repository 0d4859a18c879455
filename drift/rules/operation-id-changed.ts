// operation-id-changed (warning): Same route, different operationId: the HTTP contract holds, but generated client method names change.

import { defineRule } from "./define.ts";

export const rule = defineRule({
  id: "operation-id-changed",
  level: "warning",
  description: "Same route, different operationId: the HTTP contract holds, but generated client method names change.",
  detect: (ctx) =>
    ctx.operations
      .filter((op) => !op.moved && op.old.operationId !== undefined && op.old.operationId !== op.new.operationId)
      .map((op) => ({
        method: op.method,
        path: op.path,
        location: "operation",
        message: `operationId changed from ${op.old.operationId} to ${op.new.operationId ?? "(none)"}`,
        old: op.old.operationId,
        new: op.new.operationId,
      })),
});
