// Root tables -> one body schema: the first root table's fields, with the page's other unclaimed
// tables merged into the object field they name (or added to the body, with a diagnostic).
import type { BodyNode, FieldNode, SchemaNode } from "../operation-model.ts";
import { report } from "./context.ts";
import { checkExample, type FoundExample } from "./examples.ts";
import { fieldsOfTable, innermost, type FieldBuilder, type RowField } from "./fields.ts";
import type { SortedTables } from "./parameters.ts";
import type { RequestLine } from "./request-line.ts";
import { captionMayName, namesField, tableLabel, type TableEntry } from "./table-linking.ts";

export function buildBody(builder: FieldBuilder, roots: TableEntry[], mediaType: string, what: string): BodyNode {
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
      report(builder.ctx, "table-unclaimed", other.table.line, `${tableLabel(other)} is not referenced by any field; its rows were merged into "${target.name}"`);
      continue;
    }
    report(builder.ctx, "table-unclaimed", other.table.line, `${tableLabel(other)} is not referenced by any field; its rows were added to the ${what} body of ${tableLabel(first!)}`);
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

export function dedupeFields(builder: FieldBuilder, fields: RowField[]): FieldNode[] {
  const seen = new Map<string, FieldNode>();
  for (const { field, line } of fields) {
    if (seen.has(field.name)) {
      report(builder.ctx, "duplicate-field", line, `"${field.name}" is listed twice; the first row is kept`);
      continue;
    }
    seen.set(field.name, field);
  }
  return [...seen.values()];
}

/** The request body: the root tables' fields, body fields the URI table listed, and the examples (checked against it). */
export function requestBodyOf(builder: FieldBuilder, sorted: SortedTables, requestLine: RequestLine, requestExamples: FoundExample[]): BodyNode | undefined {
  const { requestRoots, uriBodyFields, mediaType } = sorted;
  const ctx = builder.ctx;
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
  return requestBody;
}
