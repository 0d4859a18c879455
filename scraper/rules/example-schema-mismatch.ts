import { defineDocRule } from "./define.ts";

export default defineDocRule({
  id: "example-schema-mismatch",
  severity: "warning",
  summary: "An example disagrees with its table: a field not in the table, a value of the wrong type, a required field left out, or a value outside the stated length, pattern, range or values.",
});
