// Page model -> operation model. Finds the request line, sorts the page's tables into
// parameters, request body and responses per status, follows object references between
// tables, and checks the doc's examples against what the tables say.
import { posix } from "node:path";
import type { Block, PageModel, Table } from "../page-model.ts";
import type {
  BodyNode,
  ExampleNode,
  FieldNode,
  OperationNode,
  ParameterNode,
  Provenance,
  ResponseNode,
  SchemaNode,
} from "../operation-model.ts";
import { camelCase, operationIdFromTitle } from "../vocab/operation-id.ts";
import { mapColumns } from "./columns.ts";
import { report, type PageContext } from "./context.ts";
import { exampleMismatches, parseExampleJson } from "./examples.ts";
import { cleanName, createFieldBuilder, fieldsOfTable, innermost, rowReference, type FieldBuilder, type RowField } from "./fields.ts";
import { blockText, splitSections, type Section } from "./sections.ts";
import { captionMayName, describeCaption, namesField, tableLabel, type TableEntry } from "./table-refs.ts";
import { parseRequestLine, pathPlaceholders, templateFromExample, type RequestLine } from "./uri.ts";
import { isRecord } from "../../core/plain-data.ts";

export type PageExtraction =
  | { kind: "operation"; operation: OperationNode }
  | { kind: "not-operation"; reason: string };

/** Paths of other services' APIs that reference pages document (IAM tokens and projects). */
const foreignApiPaths = [/^\/v3\/auth\//, /^\/v3\/projects(\/|$)/, /^\/v3\/users\//];

const statusPattern = /(?:status code|状态码)\s*[:：]?\s*(\d{3})\b/i;

export function extractOperation(page: PageModel, ctx: PageContext): PageExtraction {
  const sections = splitSections(page);
  const entries = tableEntries(sections);
  const hasParameterTables = entries.some((e) => e.columns !== undefined);

  const uriLine = findRequestLines(sections.filter((s) => s.kind === "uri"))[0];
  const exampleLine = pickExampleLine(findRequestLines(sections.filter((s) => s.kind !== "uri")), page.title);
  let requestLine: RequestLine | undefined = uriLine;
  if (!requestLine && exampleLine && hasParameterTables) {
    requestLine = { ...exampleLine, path: templateFromExample(exampleLine.path) };
    report(ctx, "uri-from-example", "info", exampleLine.line, `no URI section; method and path taken from the example request: ${exampleLine.method.toUpperCase()} ${requestLine.path}`);
  }
  if (!requestLine) {
    if (hasParameterTables) {
      report(ctx, "operation-without-uri", "warning", page.titleLine ?? 1, "the page has parameter tables but states no method and URI (no URI section, no example request); left out");
    }
    return { kind: "not-operation", reason: "no request line (method and URI)" };
  }
  if (foreignApiPaths.some((p) => p.test(requestLine!.path))) {
    return { kind: "not-operation", reason: `documents another service's API (${requestLine.path})` };
  }

  const pageSource: Provenance = { page: ctx.file, section: page.title ?? "page" };
  const builder = createFieldBuilder(ctx, entries);
  // Settle which tables describe other tables' objects before deciding which tables are roots.
  for (const entry of entries) {
    if (entry.columns) for (const row of entry.table.rows) rowReference(builder, entry, row);
  }
  const parameters: ParameterNode[] = [];
  let mediaType = "application/json";

  const placeholders = new Set(pathPlaceholders(requestLine.path));
  const queryNames = new Set(requestLine.queryNames);
  const requestRoots: TableEntry[] = [];
  const uriBodyFields: RowField[] = [];
  const requestExamples = collectExamples(ctx, sections, "request", requestLine);
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
        report(ctx, "table-in-example", "info", entry.table.line, `${tableLabel(entry)} sits among the examples and describes no field of this operation; its ${entry.table.rows.length} rows are not in the spec`);
      }
      continue;
    }
    if (!entry.columns) {
      report(ctx, "table-not-recognised", "info", entry.table.line, `${tableLabel(entry)} is not a parameter table (header: ${entry.table.header.map((c) => c.text).join(" | ") || "none"}); its ${entry.table.rows.length} rows are not in the spec`);
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
        report(ctx, "uri-table-body-field", "warning", entry.table.line, `${tableLabel(entry)} lists ${moved.map((n) => `"${n}"`).join(", ")} with the URI parameters, but the example request sends them in the body; treated as body fields`);
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
        report(ctx, "path-parameter-undocumented", "warning", requestLine.line, `path parameter {${name}} has no table row; added as a required string`);
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

  let requestBody = requestRoots.length > 0 ? buildBody(builder, requestRoots, mediaType, "request") : undefined;
  if (uriBodyFields.length > 0) {
    requestBody ??= { mediaType, schema: { kind: "object", properties: [] }, examples: [], source: { page: ctx.file, section: "URI" } };
    // The body's rows no longer carry their lines here; a duplicate is reported at its table (never line 0).
    const bodyLine = requestRoots[0]?.table.line ?? requestLine.line;
    requestBody.schema.properties = dedupeFields(builder, [...uriBodyFields, ...(requestBody.schema.properties ?? []).map((field) => ({ field, line: bodyLine }))]);
  }
  if (requestBody) {
    requestBody.examples = requestExamples.map((e) => e.example);
    for (const e of requestExamples) checkExample(ctx, requestBody.schema, e.example.value, e.line, "example request", true);
  }

  const responses = buildResponses(ctx, builder, responseRoots, sections);

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
    parameters,
    ...(requestBody ? { requestBody } : {}),
    responses,
    ...errorCodesLink(ctx.file, sections),
    source: pageSource,
  };
  return { kind: "operation", operation };
}

/** The page an operation's "Error Codes" section points at, resolved against the page's folder. */
function errorCodesLink(file: string, sections: Section[]): { errorCodesPage?: string } {
  for (const section of sections) {
    if (section.kind !== "error-codes") continue;
    for (const block of section.blocks) {
      const links = block.kind === "paragraph" ? block.links : block.kind === "list" ? block.items.flatMap((i) => i.links) : [];
      for (const link of links) {
        const target = link.href.split("#")[0]!;
        if (!target || /^[a-z]+:/i.test(target)) continue;
        return { errorCodesPage: posix.normalize(posix.join(posix.dirname(file), decodeURIComponentSafe(target))) };
      }
    }
  }
  return {};
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function tableEntries(sections: Section[]): TableEntry[] {
  const entries: TableEntry[] = [];
  for (const section of sections) {
    for (const block of section.blocks) {
      if (block.kind !== "table") continue;
      const { number, name } = describeCaption(block.table.caption);
      entries.push({
        table: block.table,
        index: entries.length,
        section,
        columns: mapColumns(block.table),
        ...(number !== undefined ? { number } : {}),
        captionName: name,
        claimed: false,
      });
    }
  }
  return entries;
}

type TableRole = "header" | "uri" | "query" | "body";

function tableRole(entry: TableEntry, placeholders: Set<string>): TableRole {
  const caption = (entry.table.caption ?? "").toLowerCase();
  if (/header/.test(caption) || /请求头|消息头/.test(caption)) return "header";
  if (/query/.test(caption) || /查询参数/.test(caption)) return "query";
  if (/uri param|path param|路径参数/.test(caption) || entry.section.kind === "uri") return "uri";
  const names = entry.table.rows.map((r) => cleanName(r.cells[entry.columns!.name]?.text ?? ""));
  if (names.length > 0 && names.every((n) => /^(x-[\w-]+|content-type|accept|authorization)$/i.test(n))) return "header";
  if (names.length > 0 && names.every((n) => placeholders.has(n))) return "uri";
  return "body";
}

function toParameter(field: FieldNode, location: ParameterNode["in"]): ParameterNode {
  return { name: field.name, in: location, required: field.required, schema: field.schema, source: field.source };
}

function mediaTypeFrom(description: string | undefined): string | undefined {
  const found = /\b(?:application|text|multipart)\/[\w.+-]{1,60}/.exec(description ?? "")?.[0];
  return found?.replace(/\.+$/, "");
}

function buildBody(builder: FieldBuilder, roots: TableEntry[], mediaType: string, what: string): BodyNode {
  const [first, ...others] = roots;
  const fields: RowField[] = fieldsOfTable(builder, first!);
  // Only object fields can be (or hold) the field a table describes; searching just those keeps a
  // page of thousands of unclaimed tables linear instead of scanning every field per table.
  const objectFields = fields.map((f) => f.field).filter((f) => innermost(f.schema).kind === "object");
  // Every name the search can reach: a table whose caption names none of them skips the search.
  const reachable = { names: new Set<string>(), longest: 0 };
  addFieldNames(reachable, objectFields);
  for (const other of others) {
    const rows = fieldsOfTable(builder, other);
    // A second table for a field that already has one (e.g. "members" for add and for delete):
    // its members join that field's object, required only where both tables say so.
    const target = captionMayName(other, reachable.names, reachable.longest)
      ? findObjectField(objectFields, (name) => namesField(other, [name]))
      : undefined;
    if (target) {
      mergeMembers(target, rows.map((r) => r.field));
      addFieldNames(reachable, rows.map((r) => r.field));
      report(builder.ctx, "table-unclaimed", "warning", other.table.line, `${tableLabel(other)} is not referenced by any field; its rows were merged into "${target.name}"`);
      continue;
    }
    report(builder.ctx, "table-unclaimed", "warning", other.table.line, `${tableLabel(other)} is not referenced by any field; its rows were added to the ${what} body of ${tableLabel(first!)}`);
    fields.push(...rows);
    const objects = rows.map((r) => r.field).filter((f) => innermost(f.schema).kind === "object");
    objectFields.push(...objects);
    addFieldNames(reachable, objects);
  }
  const schema: SchemaNode = { kind: "object", properties: dedupeFields(builder, fields) };
  return { mediaType, schema, examples: [], source: { page: builder.ctx.file, section: tableLabel(first!) } };
}

/** Adds the lower-case names of fields and of all their members, at any depth (no recursion). */
function addFieldNames(into: { names: Set<string>; longest: number }, fields: FieldNode[]): void {
  const stack = [...fields];
  for (let field = stack.pop(); field; field = stack.pop()) {
    const lower = field.name.toLowerCase();
    into.names.add(lower);
    if (lower.length > into.longest) into.longest = lower.length;
    stack.push(...(innermost(field.schema).properties ?? []));
  }
}

function findObjectField(fields: FieldNode[], matches: (name: string) => boolean): FieldNode | undefined {
  for (const field of fields) {
    const leaf = innermost(field.schema);
    if (leaf.kind === "object" && matches(field.name)) return field;
    const nested = leaf.properties ? findObjectField(leaf.properties, matches) : undefined;
    if (nested) return nested;
  }
  return undefined;
}

function mergeMembers(field: FieldNode, members: FieldNode[]): void {
  const leaf = innermost(field.schema);
  const existing = leaf.properties ?? [];
  const names = new Set(members.map((m) => m.name));
  const merged = existing.map((p) => (p.required && !names.has(p.name) ? { ...p, required: false } : p));
  for (const member of members) {
    const known = merged.findIndex((p) => p.name === member.name);
    if (known < 0) merged.push({ ...member, required: existing.length === 0 ? member.required : false });
    else if (!member.required) merged[known] = { ...merged[known]!, required: false };
  }
  leaf.properties = merged;
}

function dedupeFields(builder: FieldBuilder, fields: RowField[]): FieldNode[] {
  const seen = new Map<string, FieldNode>();
  for (const { field, line } of fields) {
    if (seen.has(field.name)) {
      report(builder.ctx, "duplicate-field", "warning", line, `"${field.name}" is listed twice; the first row is kept`);
      continue;
    }
    seen.set(field.name, field);
  }
  return [...seen.values()];
}

function statusesByTable(sections: Section[]): Map<Table, string> {
  const map = new Map<Table, string>();
  for (const section of sections) {
    if (section.kind !== "response" && section.kind !== "example-response") continue;
    let current: string | undefined;
    for (const block of section.blocks) {
      if (block.kind === "table") {
        if (current) map.set(block.table, current);
        continue;
      }
      const status = statusPattern.exec(blockText(block));
      if (status) current = status[1];
    }
  }
  return map;
}

function buildResponses(
  ctx: PageContext,
  builder: FieldBuilder,
  roots: { entry: TableEntry; status?: string }[],
  sections: Section[],
): ResponseNode[] {
  const examples = collectExamples(ctx, sections, "response");
  const statuses = new Set<string>();
  for (const root of roots) if (root.status) statuses.add(root.status);
  for (const e of examples) if (e.status) statuses.add(e.status);
  const listed = statusCodeSection(sections);
  for (const code of listed.keys()) statuses.add(code);
  const stated = [...statuses];
  if (!stated.some((s) => s.startsWith("2"))) {
    const line = sections.find((s) => s.kind === "response")?.line ?? sections.find((s) => s.kind === "status-codes")?.line ?? 1;
    report(ctx, "status-code-missing", "warning", line, "the page names no success status code; assumed 200 (generated clients accept any 2xx)");
    statuses.add("200");
  }
  const success = [...statuses].filter((s) => s.startsWith("2")).sort()[0]!;
  const responses: ResponseNode[] = [];
  for (const status of [...statuses].sort()) {
    const rootsHere = roots.filter((r) => (r.status ?? success) === status).map((r) => r.entry);
    const exampleHere = examples.filter((e) => (e.status ?? success) === status);
    const description = exampleHere.find((e) => e.description)?.description ?? listed.get(status) ?? reasonPhrase(status);
    const response: ResponseNode = { status, description };
    if (rootsHere.length > 0) {
      const body = buildBody(builder, rootsHere, "application/json", `${status} response`);
      body.examples = exampleHere.map((e) => e.example);
      if (exampleHere.length > 0 && exampleHere.every((e) => Array.isArray(e.example.value))) {
        // Classic (v1.0) list APIs answer with a bare array; the table describes its items.
        body.schema = { kind: "array", items: body.schema };
        report(ctx, "response-array-root", "info", exampleHere[0]!.line, `the ${status} example is an array: the response table describes its items`);
      }
      for (const e of exampleHere) checkExample(ctx, body.schema, e.example.value, e.line, `example ${status} response`, false);
      response.body = body;
    } else if (exampleHere.length > 0) {
      response.body = {
        mediaType: "application/json",
        schema: { kind: "unknown" },
        examples: exampleHere.map((e) => e.example),
        source: { page: ctx.file, section: "Example Response" },
      };
    }
    responses.push(response);
  }
  return responses;
}

/** Status codes a page's "Status Codes" section lists, with their descriptions. */
function statusCodeSection(sections: Section[]): Map<string, string> {
  const codes = new Map<string, string>();
  const add = (code: string, description: string) => {
    if (/^[1-5]\d\d$/.test(code) && !codes.has(code)) codes.set(code, description || reasonPhrase(code));
  };
  for (const section of sections) {
    if (section.kind !== "status-codes") continue;
    for (const block of section.blocks) {
      if (block.kind === "table") {
        for (const row of block.table.rows) add(row.cells[0]?.text.trim() ?? "", row.cells.slice(1).map((c) => c.text.trim()).filter(Boolean).at(-1) ?? "");
      } else {
        for (const line of blockText(block).split(/\n/)) add(line.trim(), "");
      }
    }
  }
  return codes;
}

function reasonPhrase(status: string): string {
  const phrases: Record<string, string> = {
    "200": "OK", "201": "Created", "202": "Accepted", "204": "No Content", "400": "Bad Request",
    "401": "Unauthorized", "403": "Forbidden", "404": "Not Found", "409": "Conflict", "500": "Internal Server Error",
  };
  return phrases[status] ?? `Status ${status}`;
}

interface FoundExample {
  example: ExampleNode;
  line: number;
  status?: string;
  description?: string;
}

function collectExamples(ctx: PageContext, sections: Section[], side: "request" | "response", operationLine?: RequestLine): FoundExample[] {
  const kinds = side === "request" ? ["request", "example-request"] : ["response", "example-response"];
  const found: FoundExample[] = [];
  for (const section of sections) {
    if (!kinds.includes(section.kind)) continue;
    let status: string | undefined;
    let lastText: string | undefined;
    let lastStatusText: string | undefined;
    // Example sections sometimes show a call to another API (binding an EIP, listing ports):
    // bodies that follow such a request line are not this operation's examples.
    let otherApi = false;
    for (const block of section.blocks) {
      if (block.kind === "table") continue;
      let text = blockText(block).trim();
      const shown = operationLine ? parseRequestLine(text.split(/\r?\n/, 1)[0] ?? "", block.line) : undefined;
      if (shown && operationLine) {
        otherApi = !sameRoute(shown, operationLine);
        if (otherApi) report(ctx, "example-other-api", "info", block.line, `example shows ${shown.method.toUpperCase()} ${shown.path}, not this operation; its body is not used as an example`);
      }
      if (otherApi) continue;
      if (block.kind !== "code") {
        const s = statusPattern.exec(text);
        if (s) {
          status = s[1];
          lastStatusText = undefined;
        } else if (text && text.length <= 200) {
          lastText = text;
          lastStatusText = text;
        }
        if (!looksLikeJson(text)) continue;
      }
      const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
      if (parseRequestLine(firstLine, block.line)) text = text.slice(firstLine.length).trim();
      if (!looksLikeJson(text)) continue;
      const what = side === "request" ? "example request" : `example ${status ?? ""} response`.replace("  ", " ");
      const value = parseExampleJson(ctx, text, block.line, what);
      if (value === undefined) continue;
      const name = `example${found.length + 1}`;
      const summary = lastText && !looksLikeJson(lastText) && !parseRequestLine(lastText, 0) ? lastText : undefined;
      found.push({
        example: { name, ...(summary ? { summary } : {}), value },
        line: block.line,
        ...(status ? { status } : {}),
        ...(side === "response" && lastStatusText ? { description: lastStatusText } : {}),
      });
      lastText = undefined;
    }
  }
  return found;
}

/** Whether a concrete example request line is a call of the operation's method and path template. */
function sameRoute(shown: RequestLine, operation: RequestLine): boolean {
  if (shown.method !== operation.method) return false;
  const a = shown.path.split("/");
  const b = operation.path.split("/");
  return a.length === b.length && b.every((segment, i) => segment.startsWith("{") || segment === a[i] || a[i]!.startsWith("{"));
}

function looksLikeJson(text: string): boolean {
  return text.startsWith("{") || text.startsWith("[");
}

function checkExample(ctx: PageContext, schema: SchemaNode, value: unknown, line: number, what: string, checkRequired: boolean): void {
  for (const mismatch of exampleMismatches(schema, value, "", checkRequired)) {
    report(ctx, "example-schema-mismatch", "warning", line, `${what}: ${mismatch}`);
  }
}

function findRequestLines(sections: Section[]): RequestLine[] {
  const found: RequestLine[] = [];
  for (const section of sections) {
    for (const block of section.blocks) {
      for (const [offset, text] of candidateLines(block)) {
        const line = parseRequestLine(text, block.line + offset);
        if (line) found.push(line);
      }
    }
  }
  return found;
}

const titleVerbMethods: [RegExp, RequestLine["method"]][] = [
  [/^(querying|viewing|listing|obtaining|getting|查询|获取)/i, "get"],
  [/^(creating|adding|创建|添加)/i, "post"],
  [/^(deleting|removing|删除|移除)/i, "delete"],
  [/^(updating|modifying|修改|更新)/i, "put"],
];

/** Pages without a URI section sometimes show several examples (copied from a sibling page): take the one the title's verb names. */
function pickExampleLine(lines: RequestLine[], title: string | undefined): RequestLine | undefined {
  const method = titleVerbMethods.find(([pattern]) => pattern.test(title?.trim() ?? ""))?.[1];
  return (method && lines.find((l) => l.method === method)) || lines[0];
}

function candidateLines(block: Block): [number, string][] {
  if (block.kind === "list") return block.items.map((item) => [item.line - block.line, item.text]);
  if (block.kind === "table") return [];
  return blockText(block)
    .split(/\r\n|\r|\n/)
    .map((text, i) => [i, text] as [number, string]);
}

function functionText(sections: Section[]): string | undefined {
  // Pages that lost their headings start with the function sentence in whatever section they got.
  const fn = sections.find((s) => s.kind === "function") ?? sections.find((s) => s.kind === "intro") ?? sections[0];
  if (!fn) return undefined;
  const texts = fn.blocks.filter((b) => b.kind === "paragraph" || b.kind === "list").map(blockText);
  const text = texts.join("\n").trim();
  return text || undefined;
}

/** The "Constraints" section is part of what a caller must know: it joins the description. */
function constraintsText(sections: Section[]): string | undefined {
  const section = sections.find((s) => s.kind === "constraints");
  if (!section) return undefined;
  const text = section.blocks
    .filter((b) => b.kind === "paragraph" || b.kind === "list")
    .map(blockText)
    .join("\n")
    .trim();
  return text ? `${section.heading ?? "Constraints"}:\n${text}` : undefined;
}

function functionSentence(sections: Section[]): string | undefined {
  const text = functionText(sections);
  if (!text) return undefined;
  return text.split(/\n/)[0]!.trim();
}

function operationIdFor(ctx: PageContext, page: PageModel, sections: Section[], line: RequestLine): string {
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
  report(ctx, "operation-id-fallback", "warning", page.titleLine ?? line.line, `no English name could be made from the title ${JSON.stringify(page.title ?? "")}; operationId ${fallback} made from method and path`);
  return fallback;
}
