import { defineDocRule } from "./define.ts";

export default defineDocRule({
  id: "status-code-missing",
  severity: "warning",
  summary: "The page names no success status code; 200 is assumed (clients accept any 2xx).",
});
