import { defineDocRule } from "./define.ts";

export default defineDocRule({
  id: "overlay-target-unmatched",
  severity: "warning",
  summary: "An overlay fix whose target no longer exists (the docs changed under it).",
});
