// Service-wide parts read from shared pages: status code descriptions, error-code catalogues
// (with the error body where the page documents it) and the common request headers.
import type { PageModel, Table } from "../page-model.ts";
import type { ParameterNode, Provenance, SchemaNode } from "../operation-model.ts";
import { mapColumns } from "../extract/columns.ts";
import type { PageContext } from "../extract/context.ts";
import { createFieldBuilder, fieldsOfTable } from "../extract/fields.ts";
import { tableEntries } from "../extract/table-linking.ts";
import { splitSections } from "../extract/sections.ts";
import { tableLabel } from "../extract/table-linking.ts";
import type { SharedKind } from "./classify.ts";

export interface ErrorCatalog {
  page: string;
  title: string;
  /** Error codes the page lists (e.g. DBS.200001), sorted. */
  codes: string[];
  /** The error body, where the page has a table for it. */
  body?: SchemaNode;
  source: Provenance;
}

export interface ServiceParts {
  statusDescriptions: Map<string, string>;
  errorCatalogs: ErrorCatalog[];
  commonHeaders: ParameterNode[];
}

export function emptyServiceParts(): ServiceParts {
  return { statusDescriptions: new Map(), errorCatalogs: [], commonHeaders: [] };
}

const errorCodeValue = /^[A-Za-z][A-Za-z0-9_-]{0,30}\.[0-9A-Za-z_-]{1,20}$/;
const headersOwnedElsewhere = new Set(["content-type", "content-length", "x-auth-token", "host", "authorization", "x-sdk-date"]);

export function readSharedPage(page: PageModel, kind: SharedKind, ctx: PageContext, parts: ServiceParts): void {
  const tables = page.blocks.flatMap((b) => (b.kind === "table" ? [b.table] : []));
  for (const table of tables) collectStatusDescriptions(table, parts.statusDescriptions);
  const codes = new Set(tables.flatMap(errorCodesOf));
  if (codes.size > 0) {
    parts.errorCatalogs.push({
      page: page.file,
      title: page.title ?? page.file,
      codes: [...codes].sort(),
      ...errorBody(page, ctx),
      source: { page: page.file, section: page.title ?? "page" },
    });
  }
  if (kind === "request") parts.commonHeaders.push(...commonHeaders(page, ctx));
}

function headerIndex(table: Table, pattern: RegExp): number {
  return table.header.findIndex((c) => pattern.test(c.text.trim().toLowerCase()));
}

function collectStatusDescriptions(table: Table, into: Map<string, string>): void {
  const codeColumn = headerIndex(table, /^(http )?(status code|状态码|http状态码|返回值)$/);
  if (codeColumn < 0) return;
  let descriptionColumn = headerIndex(table, /^(description|状态说明|说明|描述|possible cause)$/);
  if (descriptionColumn < 0) descriptionColumn = table.header.length - 1;
  for (const row of table.rows) {
    const code = row.cells[codeColumn]?.text.trim() ?? "";
    const description = row.cells[descriptionColumn]?.text.trim().split("\n")[0] ?? "";
    if (/^[1-5]\d\d$/.test(code) && description && !into.has(code) && /^2/.test(code)) into.set(code, description);
  }
}

function errorCodesOf(table: Table): string[] {
  const column = headerIndex(table, /^(error code|错误码|error_code)$/);
  if (column < 0) return [];
  return table.rows.map((r) => r.cells[column]?.text.trim() ?? "").filter((code) => errorCodeValue.test(code));
}

function errorBody(page: PageModel, ctx: PageContext): { body?: SchemaNode } {
  const entries = tableEntries(splitSections(page));
  const bodyEntry = entries.find(
    (e) => e.columns && e.table.rows.some((r) => r.cells[e.columns!.name]?.text.trim() === "error_code"),
  );
  if (!bodyEntry) return {};
  const fields = fieldsOfTable(createFieldBuilder(ctx, entries), bodyEntry).map((f) => f.field);
  return { body: { kind: "object", description: `Error body (${tableLabel(bodyEntry)}).`, properties: fields } };
}

function commonHeaders(page: PageModel, ctx: PageContext): ParameterNode[] {
  const headers: ParameterNode[] = [];
  for (const block of page.blocks) {
    if (block.kind !== "table") continue;
    const columns = mapColumns(block.table);
    if (!columns || !/header|消息头|请求头/i.test(block.table.caption ?? "")) continue;
    for (const row of block.table.rows) {
      const name = row.cells[columns.name]?.text.trim() ?? "";
      if (!/^[A-Za-z][A-Za-z0-9-]{1,60}$/.test(name) || !/-/.test(name) || headersOwnedElsewhere.has(name.toLowerCase())) continue;
      const requiredText = columns.required !== undefined ? (row.cells[columns.required]?.text.trim() ?? "") : "";
      const description = columns.description !== undefined ? (row.cells[columns.description]?.text.trim() ?? "") : "";
      headers.push({
        name,
        in: "header",
        required: /^(yes|是|必选|mandatory)$/i.test(requiredText),
        schema: { kind: "string", ...(description ? { description } : {}) },
        source: { page: ctx.file, section: block.table.caption?.replace(/\s+/g, " ").trim() ?? "common request headers" },
      });
    }
  }
  return headers;
}
