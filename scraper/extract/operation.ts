// Page model -> operation model, one page at a time. The steps live in their own files: the
// request line, table linking, parameters, body, responses, examples, names and prose; this
// function only runs them in order.
import type { PageModel } from "../page-model.ts";
import type { OperationNode, Provenance } from "../operation-model.ts";
import { requestBodyOf } from "./body.ts";
import type { PageContext } from "./context.ts";
import { collectExamples } from "./examples.ts";
import { createFieldBuilder, settleTableLinks } from "./fields.ts";
import { operationIdFor } from "./operation-name.ts";
import { sortTables } from "./parameters.ts";
import { chooseRequestLine } from "./request-line.ts";
import { buildResponses } from "./responses.ts";
import { splitSections } from "./sections.ts";
import { constraintsText, errorCodesLink, functionSentence, functionText } from "./summary.ts";
import { tableEntries } from "./table-linking.ts";

export type PageExtraction =
  | { kind: "operation"; operation: OperationNode }
  | { kind: "not-operation"; reason: string };

export function extractOperation(page: PageModel, ctx: PageContext): PageExtraction {
  const sections = splitSections(page);
  const entries = tableEntries(sections);
  const choice = chooseRequestLine(ctx, page, sections, entries.some((e) => e.columns !== undefined));
  if (choice.kind === "none") return { kind: "not-operation", reason: choice.reason };
  const { requestLine, uriLine, exampleLine } = choice;

  const pageSource: Provenance = { page: ctx.file, section: page.title ?? "page" };
  const builder = createFieldBuilder(ctx, entries);
  settleTableLinks(builder, entries);
  const requestExamples = collectExamples(ctx, sections, "request", requestLine);
  const sorted = sortTables(builder, entries, sections, requestLine, requestExamples);

  const requestBody = requestBodyOf(builder, sorted, requestLine, requestExamples);
  const responses = buildResponses(ctx, builder, sorted.responseRoots, sections);

  const operationId = operationIdFor(ctx, page, sections, requestLine);
  const summary = page.title ?? functionSentence(sections) ?? operationId;
  const description = [functionText(sections), constraintsText(sections)].filter(Boolean).join("\n\n") || undefined;
  const operation: OperationNode = {
    operationId,
    method: requestLine.method,
    path: requestLine.path,
    summary,
    ...(description && description !== summary ? { description } : {}),
    ...(exampleLine?.host ?? uriLine?.host ? { exampleHost: exampleLine?.host ?? uriLine?.host } : {}),
    parameters: sorted.parameters,
    ...(requestBody ? { requestBody } : {}),
    responses,
    ...errorCodesLink(ctx.file, sections),
    source: pageSource,
  };
  return { kind: "operation", operation };
}
