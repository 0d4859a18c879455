import { defineDocRule } from "./define.ts";

export default defineDocRule({
  id: "example-too-deep",
  severity: "warning",
  summary: "An example nests more than 64 levels deep; it is left out.",
});
