import { defineDocRule } from "./define.ts";

export default defineDocRule({
  id: "table-reference-cycle",
  severity: "warning",
  summary: "A row refers back to a table it is nested in; nesting stops there.",
});
