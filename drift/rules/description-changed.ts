// description-changed (info): Prose-only edits (summary, descriptions), collapsed into one finding per operation that lists where.

import { defineRule } from "./define.ts";

export const rule = defineRule({
  id: "description-changed",
  level: "info",
  description: "Prose-only edits (summary, descriptions), collapsed into one finding per operation that lists where.",
  detect: (ctx) =>
    ctx.operations
      .filter((op) => op.descriptionChanges.length > 0)
      .map((op) => {
        const changes = op.descriptionChanges;
        return {
          method: op.method,
          path: op.path,
          location: changes.map((c) => c.location).join(", "),
          message: `description changed in ${changes.length} place${changes.length > 1 ? "s" : ""}`,
          old: Object.fromEntries(changes.map((c) => [c.location, c.old ?? null])),
          new: Object.fromEntries(changes.map((c) => [c.location, c.new ?? null])),
        };
      }),
});
