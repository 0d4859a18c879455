import { defineDocRule } from "./define.ts";

export default defineDocRule({
  id: "default-type-mismatch",
  severity: "info",
  summary: "A stated default does not fit the field's type; it is not kept.",
});
