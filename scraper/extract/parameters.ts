// Parameter tables -> path, query and header parameters: the role of each table from its caption,
// its section and the names it lists.
import { isRecord } from "../../core/plain-data.ts";
import type { FieldNode, ParameterNode } from "../operation-model.ts";
import { report } from "./context.ts";
import type { FoundExample } from "./examples.ts";
import { cleanName, fieldsOfTable, type FieldBuilder, type RowField } from "./fields.ts";
import { pathPlaceholders, type RequestLine } from "./request-line.ts";
import { statusesByTable } from "./responses.ts";
import type { Section } from "./sections.ts";
import { tableLabel, type TableEntry } from "./table-linking.ts";

export type TableRole = "header" | "uri" | "query" | "body";

export function tableRole(entry: TableEntry, placeholders: Set<string>): TableRole {
  const caption = (entry.table.caption ?? "").toLowerCase();
  if (/header/.test(caption) || /请求头|消息头/.test(caption)) return "header";
  if (/query/.test(caption) || /查询参数/.test(caption)) return "query";
  if (/uri param|path param|路径参数/.test(caption) || entry.section.kind === "uri") return "uri";
  const names = entry.table.rows.map((r) => cleanName(r.cells[entry.columns!.name]?.text ?? ""));
  if (names.length > 0 && names.every((n) => /^(x-[\w-]+|content-type|accept|authorization)$/i.test(n))) return "header";
  if (names.length > 0 && names.every((n) => placeholders.has(n))) return "uri";
  return "body";
}

export function toParameter(field: FieldNode, location: ParameterNode["in"]): ParameterNode {
  return { name: field.name, in: location, required: field.required, schema: field.schema, source: field.source };
}

export function mediaTypeFrom(description: string | undefined): string | undefined {
  const found = /\b(?:application|text|multipart)\/[\w.+-]{1,60}/.exec(description ?? "")?.[0];
  return found?.replace(/\.+$/, "");
}

export interface SortedTables {
  parameters: ParameterNode[];
  /** Tables that are the request body (or, for GET/DELETE/HEAD, already moved to query parameters). */
  requestRoots: TableEntry[];
  responseRoots: { entry: TableEntry; status?: string }[];
  /** Body fields a page listed among its URI parameters. */
  uriBodyFields: RowField[];
  mediaType: string;
}

/**
 * Sorts the page's unclaimed parameter tables into header, path and query parameters, request
 * body roots and response roots, in document order (a captionless page claims "the next
 * unclaimed table"), then completes the path parameters the request line names.
 */
export function sortTables(
  builder: FieldBuilder,
  entries: TableEntry[],
  sections: Section[],
  requestLine: RequestLine,
  requestExamples: FoundExample[],
): SortedTables {
  const ctx = builder.ctx;
  const parameters: ParameterNode[] = [];
  let mediaType = "application/json";

  const placeholders = new Set(pathPlaceholders(requestLine.path));
  const queryNames = new Set(requestLine.queryNames);
  const requestRoots: TableEntry[] = [];
  const uriBodyFields: RowField[] = [];
  const exampleBodyKeys = new Set(
    ["post", "put", "patch"].includes(requestLine.method)
      ? requestExamples.flatMap((e) => (isRecord(e.example.value) ? Object.keys(e.example.value) : []))
      : [],
  );
  const responseRoots: { entry: TableEntry; status?: string }[] = [];
  const statusOfTable = statusesByTable(sections);

  // Document order matters: a captionless page claims "the next unclaimed table".
  for (const entry of entries) {
    if (entry.section.kind === "status-codes" || entry.section.kind === "error-codes") continue; // read by statusCodeSection
    if (entry.section.kind === "example-request" || entry.section.kind === "example-response") {
      if (!entry.claimed) {
        report(ctx, "table-in-example", entry.table.line, `${tableLabel(entry)} sits among the examples and describes no field of this operation; its ${entry.table.rows.length} rows are not in the spec`);
      }
      continue;
    }
    if (!entry.columns) {
      report(ctx, "table-not-recognised", entry.table.line, `${tableLabel(entry)} is not a parameter table (header: ${entry.table.header.map((c) => c.text).join(" | ") || "none"}); its ${entry.table.rows.length} rows are not in the spec`);
      continue;
    }
    if (entry.claimed) continue;
    const role = tableRole(entry, placeholders);
    if (role === "header") {
      for (const { field } of fieldsOfTable(builder, entry)) {
        const lower = field.name.toLowerCase();
        // Token auth is the spec's security scheme, not a parameter each call passes.
        if (lower === "x-auth-token") continue;
        if (lower === "content-type") mediaType = mediaTypeFrom(field.schema.description) ?? mediaType;
        else parameters.push(toParameter(field, "header"));
      }
    } else if (role === "uri") {
      const moved: string[] = [];
      for (const { field, line } of fieldsOfTable(builder, entry)) {
        if (placeholders.has(field.name)) parameters.push(toParameter(field, "path"));
        else if (!queryNames.has(field.name) && exampleBodyKeys.has(field.name)) {
          // Classic pages list body fields among the URI parameters; the example body shows where they go.
          uriBodyFields.push({ field, line });
          moved.push(field.name);
        } else parameters.push(toParameter(field, "query"));
      }
      if (moved.length > 0) {
        report(ctx, "uri-table-body-field", entry.table.line, `${tableLabel(entry)} lists ${moved.map((n) => `"${n}"`).join(", ")} with the URI parameters, but the example request sends them in the body; treated as body fields`);
      }
    } else if (role === "query") {
      for (const { field } of fieldsOfTable(builder, entry)) parameters.push(toParameter(field, "query"));
    } else if (entry.section.kind === "response") {
      responseRoots.push({ entry, status: statusOfTable.get(entry.table) });
    } else {
      requestRoots.push(entry);
    }
  }

  for (const name of placeholders) {
    if (!parameters.some((p) => p.in === "path" && p.name === name)) {
      const inQuery = parameters.find((p) => p.in === "query" && p.name === name);
      if (inQuery) inQuery.in = "path";
      else {
        report(ctx, "path-parameter-undocumented", requestLine.line, `path parameter {${name}} has no table row; added as a required string`);
        parameters.push({ name, in: "path", required: true, schema: { kind: "string" }, source: { page: ctx.file, section: "URI" } });
      }
    }
  }
  for (const p of parameters) if (p.in === "path") p.required = true;
  for (const name of queryNames) {
    if (!parameters.some((p) => p.name === name)) {
      parameters.push({ name, in: "query", required: false, schema: { kind: "string" }, source: { page: ctx.file, section: "URI" } });
    }
  }

  if (["get", "delete", "head"].includes(requestLine.method) && requestRoots.length > 0) {
    // These methods carry no body: their request tables list query parameters.
    for (const entry of requestRoots.splice(0)) {
      for (const { field } of fieldsOfTable(builder, entry)) {
        if (parameters.some((p) => p.name === field.name)) continue;
        parameters.push(toParameter(field, placeholders.has(field.name) ? "path" : "query"));
      }
    }
  }
  return { parameters, requestRoots, responseRoots, uriBodyFields, mediaType };
}
