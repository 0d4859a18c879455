import { defineDocRule } from "./define.ts";

export default defineDocRule({
  id: "duplicate-field",
  severity: "warning",
  summary: "A table lists the same field twice; the first row is kept.",
});
