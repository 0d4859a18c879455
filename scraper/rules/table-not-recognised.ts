import { defineDocRule } from "./define.ts";

export default defineDocRule({
  id: "table-not-recognised",
  severity: "info",
  summary: "A table is not a parameter table (no name column); its rows are named.",
});
