import { defineDocRule } from "./define.ts";

export default defineDocRule({
  id: "operation-id-fallback",
  severity: "warning",
  summary: "No name could be made from the page; the operationId is made from method and path.",
});
