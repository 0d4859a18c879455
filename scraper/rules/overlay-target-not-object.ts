import { defineDocRule } from "./define.ts";

export default defineDocRule({
  id: "overlay-target-not-object",
  severity: "error",
  summary: "An overlay update whose target is not an object.",
});
