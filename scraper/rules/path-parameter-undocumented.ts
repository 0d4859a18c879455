import { defineDocRule } from "./define.ts";

export default defineDocRule({
  id: "path-parameter-undocumented",
  severity: "warning",
  summary: "A {placeholder} in the path has no table row; it is added as a required string.",
});
