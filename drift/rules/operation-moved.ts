// operation-moved (breaking): An operation's path or method changed (matched by operationId): clients call the old route.

import { defineRule } from "./define.ts";

export const rule = defineRule({
  id: "operation-moved",
  level: "breaking",
  description: "An operation's path or method changed (matched by operationId): clients call the old route.",
  detect: (ctx) =>
    ctx.operations
      .filter((op) => op.moved)
      .map((op) => {
        const from = `${op.old.method.toUpperCase()} ${op.old.path}`;
        const to = `${op.new.method.toUpperCase()} ${op.new.path}`;
        return {
          method: op.method,
          path: op.path,
          location: "operation",
          message: `operation moved from ${from} to ${to}`,
          old: from,
          new: to,
        };
      }),
});
