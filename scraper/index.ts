// The scraper pipeline for one service: read each page -> page model -> operation model ->
// one OpenAPI document. Pure: callers pass page texts in and write results out.
import { docDiagnostic } from "./rules/index.ts";
import type { OpenAPIV3_1 } from "openapi-types";
import type { ServiceConfig } from "../core/config.ts";
import { sortDiagnostics, type Diagnostic } from "../core/diagnostics.ts";
import { extractOperation } from "./extract/operation.ts";
import type { OperationNode } from "./operation-model.ts";
import { buildDocument } from "./openapi/document.ts";
import { readPage } from "./read/index.ts";
import { isAppendix, sharedKindOf, type SharedKind } from "./service/classify.ts";
import { mergeSameRoute } from "./service/merge.ts";
import { assignOperationIds } from "./service/operation-ids.ts";
import { emptyServiceParts, readSharedPage } from "./service/shared.ts";
import { tagFromPath, tagFromToc } from "./service/tags.ts";
import { parseToc } from "./service/toc.ts";

export interface SourcePage {
  /** Repo-relative path with forward slashes; it is what diagnostics and provenance show. */
  file: string;
  content: string;
}

export type PageOutcome =
  | { file: string; kind: "operation"; operationId: string }
  | { file: string; kind: "shared"; shared: SharedKind }
  | { file: string; kind: "left-out"; reason: string };

export interface ScrapeResult {
  spec: OpenAPIV3_1.Document;
  diagnostics: Diagnostic[];
  pages: PageOutcome[];
}

export interface ScrapeOptions {
  /** The documentation system's table of contents (CLASS.TXT.json), if the service has one. */
  toc?: SourcePage;
  /** Called after each page, for progress display. */
  onPage?: (done: number, total: number) => void;
}

export function scrapeService(service: ServiceConfig, pages: SourcePage[], options: ScrapeOptions = {}): ScrapeResult {
  const diagnostics: Diagnostic[] = [];
  const outcomes: PageOutcome[] = [];
  const operations: OperationNode[] = [];
  const parts = emptyServiceParts();
  const toc = options.toc ? parseToc(options.toc.content, options.toc.file) : undefined;
  const tocDir = options.toc ? options.toc.file.replace(/[^/]*$/, "") : "";
  const sorted = [...pages].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const tagOf = new Map<OperationNode, string>();

  sorted.forEach((page, index) => {
    const ctx = { file: page.file, diagnostics };
    const tocNode = toc?.get(page.file.startsWith(tocDir) ? page.file.slice(tocDir.length) : page.file);
    if (toc && !tocNode) {
      diagnostics.push(docDiagnostic("page-not-in-toc", page.file, 1, `${options.toc!.file} does not list this page; left out`));
      outcomes.push({ file: page.file, kind: "left-out", reason: "page-not-in-toc" });
      options.onPage?.(index + 1, sorted.length);
      return;
    }
    const model = readPage(page.file, page.content);
    const extraction = isAppendix(tocNode) ? ({ kind: "not-operation", reason: "appendix" } as const) : extractOperation(model, ctx);
    if (extraction.kind === "operation") {
      operations.push(extraction.operation);
      const tag = tagFromToc(tocNode);
      if (tag) tagOf.set(extraction.operation, tag);
      outcomes.push({ file: page.file, kind: "operation", operationId: extraction.operation.operationId });
    } else {
      const shared = sharedKindOf(model, tocNode);
      if (shared) {
        readSharedPage(model, shared, ctx, parts);
        outcomes.push({ file: page.file, kind: "shared", shared });
      } else {
        diagnostics.push(docDiagnostic("page-not-operation", page.file, 1, `neither an operation nor a shared page (${extraction.reason}); left out`));
        outcomes.push({ file: page.file, kind: "left-out", reason: extraction.reason });
      }
    }
    options.onPage?.(index + 1, sorted.length);
  });

  for (const op of operations) op.tags = [tagOf.get(op) ?? tagFromPath(op)];
  const merged = mergeSameRoute(operations, diagnostics);
  assignOperationIds(merged, diagnostics);
  const byRoute = new Map(merged.map((op) => [`${op.method} ${op.path}`, op]));
  const pageRoute = new Map(operations.map((op) => [op.source.page, `${op.method} ${op.path}`]));
  for (const outcome of outcomes) {
    if (outcome.kind === "operation") outcome.operationId = byRoute.get(pageRoute.get(outcome.file)!)!.operationId;
  }
  return { spec: buildDocument(service, merged, parts), diagnostics: sortDiagnostics(diagnostics), pages: outcomes };
}
