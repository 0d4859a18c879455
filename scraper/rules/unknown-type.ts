import { defineDocRule } from "./define.ts";

export default defineDocRule({
  id: "unknown-type",
  severity: "warning",
  summary: "A type cell that is missing or not a known type.",
});
