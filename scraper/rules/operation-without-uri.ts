import { defineDocRule } from "./define.ts";

export default defineDocRule({
  id: "operation-without-uri",
  severity: "warning",
  summary: "A page with parameter tables states no method and URI; it is left out.",
});
