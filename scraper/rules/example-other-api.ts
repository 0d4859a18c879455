import { defineDocRule } from "./define.ts";

export default defineDocRule({
  id: "example-other-api",
  severity: "info",
  summary: "An example section shows a call of another API; its body is not used as this operation's example.",
});
