import { defineDocRule } from "./define.ts";

export default defineDocRule({
  id: "enum-values-missing",
  severity: "warning",
  summary: "\"Value:\" / \"取值：\" introduces a list of values that is missing.",
});
