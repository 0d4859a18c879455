import { defineDocRule } from "./define.ts";

export default defineDocRule({
  id: "operations-merged",
  severity: "info",
  summary: "Several pages document one method and path; they are merged into one operation (bodies as oneOf).",
});
