// response-property-removed (breaking): A response property is gone: clients reading it get undefined.

import { defineRule } from "./define.ts";

export const rule = defineRule({
  id: "response-property-removed",
  level: "breaking",
  description: "A response property is gone: clients reading it get undefined.",
  detect: (ctx) =>
    ctx.operations.flatMap((op) =>
      op.removedProperties
        .filter((p) => p.direction === "response")
        .map((p) => ({ method: op.method, path: op.path, location: p.location, message: "response property removed" })),
    ),
});
