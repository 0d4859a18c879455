import { defineDocRule } from "./define.ts";

export default defineDocRule({
  id: "table-reference-missing",
  severity: "warning",
  summary: "\"See Table N\" (or an object row) points at a table the page does not contain.",
});
