import { defineDocRule } from "./define.ts";

export default defineDocRule({
  id: "page-not-in-toc",
  severity: "warning",
  summary: "The table of contents does not list the page; it is left out.",
});
