import { defineDocRule } from "./define.ts";

export default defineDocRule({
  id: "uri-table-body-field",
  severity: "warning",
  summary: "Body fields are listed with the URI parameters; the example request shows they go in the body.",
});
