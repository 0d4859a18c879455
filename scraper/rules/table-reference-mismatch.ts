import { defineDocRule } from "./define.ts";

export default defineDocRule({
  id: "table-reference-mismatch",
  severity: "warning",
  summary: "\"See Table N\" points at a table that belongs elsewhere; the table named after the field is used.",
});
