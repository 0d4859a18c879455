import { defineDocRule } from "./define.ts";

export default defineDocRule({
  id: "uri-from-example",
  severity: "info",
  summary: "The page has no URI section; method and path are taken from the example request.",
});
