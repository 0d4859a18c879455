import { defineDocRule } from "./define.ts";

export default defineDocRule({
  id: "pattern-unsafe",
  severity: "warning",
  summary: "A regular expression the doc states could backtrack catastrophically (or does not compile); it is left out of the spec.",
});
