// What a page that is not an operation is: a shared page that feeds the service-wide parts of the
// spec (status codes, error codes, how to build a request, authentication, project ID, index,
// TOC sections), or something else that is reported and left out.
import type { PageModel } from "../page-model.ts";
import type { TocNode } from "./toc.ts";

export type SharedKind = "status-codes" | "error-codes" | "request" | "authentication" | "project-id" | "index" | "toc";

const sharedTitles: [RegExp, SharedKind][] = [
  [/error codes?|错误码/i, "error-codes"],
  [/status codes?|状态码/i, "status-codes"],
  [/making an api request|constructing a request|构造请求|返回结果|returned values|api usage guidelines|common parameters|公共参数/i, "request"],
  [/authentication|认证|鉴权/i, "authentication"],
  [/project id|项目id/i, "project-id"],
];

/** Appendix pages hold general information (paging, metrics, status codes), even where they show an example call. */
export function isAppendix(tocNode: TocNode | undefined): boolean {
  return tocNode?.parents.some((title) => /^(appendix|附录)/i.test(title)) ?? false;
}

export function sharedKindOf(page: PageModel, tocNode: TocNode | undefined): SharedKind | undefined {
  const title = page.title ?? tocNode?.title ?? "";
  for (const [pattern, kind] of sharedTitles) if (pattern.test(title)) return kind;
  if (/(^|\/)index\.(md|html?)$/i.test(page.file)) return "index";
  if (tocNode?.hasChildren) return "toc";
  if (isAppendix(tocNode)) return "request";
  return undefined;
}
