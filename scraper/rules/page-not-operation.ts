import { defineDocRule } from "./define.ts";

export default defineDocRule({
  id: "page-not-operation",
  severity: "info",
  summary: "A page that is neither an operation nor a shared page; it is left out, with the reason.",
});
