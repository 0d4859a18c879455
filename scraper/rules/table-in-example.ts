import { defineDocRule } from "./define.ts";

export default defineDocRule({
  id: "table-in-example",
  severity: "info",
  summary: "A table among the examples describes no field of the operation; its rows are named.",
});
