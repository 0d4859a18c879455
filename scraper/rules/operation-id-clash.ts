import { defineDocRule } from "./define.ts";

export default defineDocRule({
  id: "operation-id-clash",
  severity: "warning",
  summary: "One operationId would name two operations; both are renamed by what tells them apart.",
});
