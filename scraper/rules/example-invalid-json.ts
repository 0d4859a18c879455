import { defineDocRule } from "./define.ts";

export default defineDocRule({
  id: "example-invalid-json",
  severity: "warning",
  summary: "A doc example is not valid JSON; a repaired copy is kept in the spec.",
});
