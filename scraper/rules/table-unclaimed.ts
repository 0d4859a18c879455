import { defineDocRule } from "./define.ts";

export default defineDocRule({
  id: "table-unclaimed",
  severity: "warning",
  summary: "A table no field refers to: merged into the field it names, or its rows added to the body.",
});
