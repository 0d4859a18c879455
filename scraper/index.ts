// The scraper pipeline for one service: read each page -> page model -> operation model ->
// one OpenAPI document. Pure: callers pass page texts in and write results out.
import type { OpenAPIV3_1 } from "openapi-types";
import type { ServiceConfig } from "./config.ts";
import { sortDiagnostics, type Diagnostic } from "./diagnostics.ts";
import { extractOperation } from "./extract/operation.ts";
import type { OperationNode } from "./operation-model.ts";
import { buildDocument } from "./openapi/document.ts";
import { readPage } from "./read/index.ts";

export interface SourcePage {
  /** Repo-relative path with forward slashes; it is what diagnostics and provenance show. */
  file: string;
  content: string;
}

export interface PageOutcome {
  file: string;
  kind: "operation" | "not-operation";
  reason?: string;
  operationId?: string;
}

export interface ScrapeResult {
  spec: OpenAPIV3_1.Document;
  diagnostics: Diagnostic[];
  pages: PageOutcome[];
}

export function scrapeService(service: ServiceConfig, pages: SourcePage[]): ScrapeResult {
  const diagnostics: Diagnostic[] = [];
  const outcomes: PageOutcome[] = [];
  const operations: OperationNode[] = [];
  for (const page of [...pages].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    const ctx = { file: page.file, diagnostics };
    const model = readPage(page.file, page.content);
    const extraction = extractOperation(model, ctx);
    if (extraction.kind === "operation") {
      operations.push(extraction.operation);
      outcomes.push({ file: page.file, kind: "operation", operationId: extraction.operation.operationId });
    } else {
      diagnostics.push({ ruleId: "page-not-operation", severity: "info", message: `not an operation page: ${extraction.reason}`, file: page.file, line: 1 });
      outcomes.push({ file: page.file, kind: "not-operation", reason: extraction.reason });
    }
  }
  const unique = uniqueOperations(operations, diagnostics);
  return { spec: buildDocument(service, unique), diagnostics: sortDiagnostics(diagnostics), pages: outcomes };
}

/** One operation per method and path, one operationId per operation. */
function uniqueOperations(operations: OperationNode[], diagnostics: Diagnostic[]): OperationNode[] {
  const byRoute = new Map<string, OperationNode>();
  for (const op of operations) {
    const route = `${op.method.toUpperCase()} ${op.path}`;
    const first = byRoute.get(route);
    if (first) {
      diagnostics.push({
        ruleId: "duplicate-operation",
        severity: "warning",
        message: `${route} is also documented by ${first.source.page}; this page's copy is left out`,
        file: op.source.page,
        line: 1,
      });
      continue;
    }
    byRoute.set(route, op);
  }
  const kept = [...byRoute.values()];
  const byId = new Map<string, OperationNode[]>();
  for (const op of kept) byId.set(op.operationId, [...(byId.get(op.operationId) ?? []), op]);
  for (const [id, clash] of byId) {
    if (clash.length < 2) continue;
    for (const op of clash) {
      const version = /^\/(v\d+(?:\.\d+)?)\//.exec(op.path)?.[1];
      const suffix = version ? version.replace(/\./g, "_").replace(/^v/, "V") : op.method.toUpperCase();
      op.operationId = `${id}${suffix}`;
    }
    diagnostics.push({
      ruleId: "operation-id-clash",
      severity: "info",
      message: `operationId ${id} is made by ${clash.length} pages (${clash.map((o) => o.source.page).join(", ")}); told apart by API version`,
      file: clash[0]!.source.page,
      line: 1,
    });
  }
  return kept;
}
