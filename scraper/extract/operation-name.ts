// The operationId of one page, from its title, its function sentence, or (reported) method and path.
import type { PageModel } from "../page-model.ts";
import { camelCase, operationIdFromTitle } from "../vocab/operation-id.ts";
import { report, type PageContext } from "./context.ts";
import type { RequestLine } from "./request-line.ts";
import type { Section } from "./sections.ts";
import { functionSentence } from "./summary.ts";

export function operationIdFor(ctx: PageContext, page: PageModel, sections: Section[], line: RequestLine): string {
  if (page.title) {
    const fromTitle = operationIdFromTitle(page.title);
    if (fromTitle) return fromTitle;
  }
  const sentence = functionSentence(sections);
  const used = sentence ? /(?:is used to|用于)\s+([A-Za-z][A-Za-z ]{1,80}?)(?:[.,;:]|$)/.exec(sentence) : null;
  if (used) {
    const words = used[1]!.split(/\s+/).filter((w) => !/^(a|an|the|of|for|to|in|on)$/i.test(w));
    if (words.length > 0) return camelCase(words);
  }
  const fallback = camelCase([line.method, ...line.path.split(/[/{}_-]+/).filter((w) => w && !/^v\d/.test(w))]);
  report(ctx, "operation-id-fallback", page.titleLine ?? line.line, `no English name could be made from the title ${JSON.stringify(page.title ?? "")}; operationId ${fallback} made from method and path`);
  return fallback;
}
