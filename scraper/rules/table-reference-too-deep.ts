import { defineDocRule } from "./define.ts";

export default defineDocRule({
  id: "table-reference-too-deep",
  severity: "warning",
  summary: "Tables refer to each other beyond sane bounds (32 tables, 20 000 nested fields); expansion stops there.",
});
