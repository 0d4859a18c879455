import { defineDocRule } from "./define.ts";

export default defineDocRule({
  id: "constraint-conflict",
  severity: "warning",
  summary: "Prose states a minimum length above the maximum; both bounds are dropped.",
});
