import { defineDocRule } from "./define.ts";

export default defineDocRule({
  id: "unparsed-table-row",
  severity: "warning",
  summary: "A table row that could not be read; its text is in the message.",
});
