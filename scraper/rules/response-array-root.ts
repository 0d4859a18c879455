import { defineDocRule } from "./define.ts";

export default defineDocRule({
  id: "response-array-root",
  severity: "info",
  summary: "The response example is an array: the response table describes its items.",
});
