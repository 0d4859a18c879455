// Rows of a parameter table -> fields with schemas: type, required flag, enum, prose
// constraints, and nested objects from the tables their rows point at.
import type { Cell, TableRow } from "../page-model.ts";
import type { FieldNode, Provenance, SchemaKind, SchemaNode } from "../operation-model.ts";
import { parseTypeText, type TypeInfo } from "../vocab/types.ts";
import { parseRequired } from "../vocab/required.ts";
import { parseProseConstraints } from "../vocab/constraints.ts";
import { parseEnumValues } from "../vocab/enums.ts";
import { checkPattern } from "../vocab/safe-pattern.ts";
import { report, type PageContext } from "./context.ts";
import { createRefResolver, tableLabel, type RefResolver, type RefTarget, type TableEntry } from "./table-linking.ts";

export interface FieldBuilder {
  ctx: PageContext;
  resolver: RefResolver;
  /** Each row's reference is resolved once: claiming a table is order-dependent. */
  references: Map<TableRow, RefTarget>;
  /** Fields built inside referenced tables so far (see MAX_NESTED_FIELDS). */
  nested: { fields: number; reported: boolean };
}

export function createFieldBuilder(ctx: PageContext, entries: TableEntry[]): FieldBuilder {
  return { ctx, resolver: createRefResolver(entries), references: new Map(), nested: { fields: 0, reported: false } };
}

/** The item type of an array of arrays of ..., or the node itself (for type cells and schemas alike). */
export function innermost<T extends { kind: string; items?: T | undefined }>(node: T): T {
  let leaf = node;
  while (leaf.kind === "array" && leaf.items) leaf = leaf.items;
  return leaf;
}

/** Objects, and arrays whose item type the type cell leaves open ("Array"), get their members from a table. */
function describedByTable(type: TypeInfo, leaf: TypeInfo): boolean {
  return leaf.kind === "object" || (type.kind === "array" && (leaf === type || leaf.kind === "unknown"));
}

/** Settles which tables describe other tables' objects, before anything decides which tables are roots. */
export function settleTableLinks(builder: FieldBuilder, entries: TableEntry[]): void {
  for (const entry of entries) {
    if (entry.columns) for (const row of entry.table.rows) rowReference(builder, entry, row);
  }
}

/** Resolves (once) the table an object-typed row points at; claims that table. */
export function rowReference(builder: FieldBuilder, entry: TableEntry, row: TableRow): RefTarget {
  if (builder.references.has(row)) return builder.references.get(row);
  const columns = entry.columns!;
  const name = cleanName(row.cells[columns.name]?.text ?? "");
  const description = columns.description !== undefined ? (row.cells[columns.description]?.text.trim() ?? "") : "";
  const typeText = columns.type !== undefined ? (row.cells[columns.type]?.text ?? "") : "";
  const type = typeText.trim() ? parseTypeText(typeText) : undefined;
  const leaf = type ? innermost(type) : undefined;
  const target = leaf && describedByTable(type!, leaf) ? builder.resolver.resolve(entry, row, description, leaf.objectName, name) : undefined;
  builder.references.set(row, target);
  return target;
}

export interface RowField {
  field: FieldNode;
  line: number;
}

const namePattern = /^[^\s]{1,200}$/;
// A chain of tables each pointing at the next (hostile or broken pages) would otherwise nest
// schemas thousands deep: recursion here, in the OpenAPI writer and in JSON.stringify overflows
// the stack. Real pages nest a handful of levels.
const MAX_TABLE_NESTING = 32;
// Each reference inlines its table again, so tables whose rows point twice at the next table
// double the fields at every level ("billion laughs": 30 small tables, 2^30 fields). A page's
// referenced tables may expand to this many fields in all; real pages stay in the hundreds.
const MAX_NESTED_FIELDS = 20_000;

export function fieldsOfTable(builder: FieldBuilder, entry: TableEntry, stack: TableEntry[] = []): RowField[] {
  const columns = entry.columns!;
  const fields: RowField[] = [];
  const source: Provenance = { page: builder.ctx.file, section: tableLabel(entry) };
  for (const row of entry.table.rows) {
    if (stack.length > 0) builder.nested.fields++;
    const nameCell = row.cells[columns.name];
    const name = cleanName(nameCell?.text ?? "");
    if (!name || !namePattern.test(name)) {
      report(
        builder.ctx,
        "unparsed-table-row",
        row.line,
        `row of ${source.section} has no usable parameter name: ${JSON.stringify(rowText(row.cells))}`,
      );
      continue;
    }
    if (row.cells.length < entry.table.header.length) {
      report(
        builder.ctx,
        "unparsed-table-row",
        row.line,
        `row "${name}" of ${source.section} has ${row.cells.length} cells, the header has ${entry.table.header.length}; kept what could be read`,
      );
    }
    const descriptionCell = columns.description !== undefined ? row.cells[columns.description] : undefined;
    const typeText = columns.type !== undefined ? (row.cells[columns.type]?.text ?? "") : "";
    const requiredText = columns.required !== undefined ? (row.cells[columns.required]?.text ?? "") : "";
    let required = false;
    if (columns.required !== undefined) {
      const parsed = parseRequired(requiredText);
      if (parsed === undefined) {
        report(builder.ctx, "unparsed-table-row", row.line, `"${name}": required flag "${requiredText}" not understood; treated as optional`);
      } else required = parsed;
    }
    const schema = schemaOfRow(builder, entry, row, name, typeText, descriptionCell, stack);
    fields.push({ field: { name, required, schema, source }, line: row.line });
  }
  return fields;
}

function schemaOfRow(
  builder: FieldBuilder,
  entry: TableEntry,
  row: TableRow,
  name: string,
  typeText: string,
  descriptionCell: Cell | undefined,
  stack: TableEntry[],
): SchemaNode {
  const description = descriptionCell?.text.trim() ?? "";
  let type: TypeInfo;
  if (typeText.trim() === "") {
    type = { kind: entry.columns?.type === undefined ? inferredKind(description) : "unknown", raw: "" };
    if (entry.columns?.type !== undefined) report(builder.ctx, "unknown-type", row.line, `"${name}" has no type`);
  } else {
    type = parseTypeText(typeText);
    if (type.kind === "unknown") report(builder.ctx, "unknown-type", row.line, `"${name}" has type "${typeText.trim()}", which is not a known type`);
  }
  const schema = schemaOfType(type);
  if (description) schema.description = description;

  const leaf = innermost(schema);
  if (leaf.kind === "object" || (schema.kind === "array" && leaf.kind === "unknown")) {
    const target = rowReference(builder, entry, row);
    if (target && "entry" in target) leaf.kind = "object";
    if (target && "missing" in target) {
      report(builder.ctx, "table-reference-missing", row.line, `"${name}" refers to ${target.missing}, which the page does not contain; its members are unknown`);
    } else if (target) {
      if (target.misdirected) {
        report(builder.ctx, "table-reference-mismatch", row.line, `"${name}" says to see ${tableLabel(target.misdirected)}, which is not the table of this field here; used ${tableLabel(target.entry)}, named after the field in the same section`);
      }
      if (stack.includes(target.entry)) {
        report(builder.ctx, "table-reference-cycle", row.line, `"${name}" refers back to ${tableLabel(target.entry)}; nested no further`);
      } else if (stack.length >= MAX_TABLE_NESTING) {
        report(builder.ctx, "table-reference-too-deep", row.line, `"${name}" refers to ${tableLabel(target.entry)}, more than ${MAX_TABLE_NESTING} tables deep; nested no further`);
      } else if (builder.nested.fields >= MAX_NESTED_FIELDS) {
        if (!builder.nested.reported) {
          builder.nested.reported = true;
          report(builder.ctx, "table-reference-too-deep", row.line, `"${name}" refers to ${tableLabel(target.entry)}, but the page's tables already expand to ${MAX_NESTED_FIELDS} nested fields (they refer to each other over and over); this and further references are nested no further`);
        }
      } else if (target.entry.columns) {
        const members = fieldsOfTable(builder, target.entry, [...stack, entry]);
        leaf.properties = members.map((m) => m.field);
      }
    }
  }
  if (leaf.kind === "string" || leaf.kind === "integer" || leaf.kind === "number") {
    applyConstraints(builder, leaf, description, row.line, name);
  }
  if (leaf.kind === "string" && descriptionCell) {
    const enumInfo = parseEnumValues(descriptionCell.text, descriptionCell.lists);
    if (enumInfo.values && enumInfo.values.length > 0) leaf.enum = enumInfo.values;
    else if (enumInfo.declaredButMissing) {
      report(builder.ctx, "enum-values-missing", row.line, `"${name}" says "Value:" but the list of values is missing`);
    }
  }
  return schema;
}

function applyConstraints(builder: FieldBuilder, schema: SchemaNode, description: string, line: number, name: string): void {
  if (!description) return;
  const c = parseProseConstraints(description, schema.kind);
  if (schema.kind === "string") {
    if (c.minLength !== undefined) schema.minLength = c.minLength;
    if (c.maxLength !== undefined) schema.maxLength = c.maxLength;
    if (c.pattern !== undefined) {
      // Clients and validators run `pattern` on caller input: never ship one that can backtrack catastrophically.
      const safety = checkPattern(c.pattern);
      if (safety.ok) schema.pattern = c.pattern;
      else report(builder.ctx, "pattern-unsafe", line, `"${name}": pattern ${JSON.stringify(c.pattern)} dropped: ${safety.reason}`);
    }
  } else {
    if (c.minimum !== undefined) schema.minimum = c.minimum;
    if (c.maximum !== undefined) schema.maximum = c.maximum;
  }
  if (c.default !== undefined) {
    const typed = coerceDefault(c.default, schema.kind);
    if (typed === undefined) report(builder.ctx, "default-type-mismatch", line, `"${name}": default ${JSON.stringify(c.default)} does not fit type ${schema.kind}; not kept`);
    else schema.default = typed;
  }
  if (schema.minLength !== undefined && schema.maxLength !== undefined && schema.minLength > schema.maxLength) {
    report(builder.ctx, "constraint-conflict", line, `"${name}": minLength ${schema.minLength} > maxLength ${schema.maxLength}; both dropped`);
    delete schema.minLength;
    delete schema.maxLength;
  }
}

function coerceDefault(value: string | number | boolean, kind: SchemaKind): string | number | boolean | undefined {
  if (kind === "string") return String(value);
  if (kind === "boolean") return typeof value === "boolean" ? value : value === "true" ? true : value === "false" ? false : undefined;
  const n = typeof value === "number" ? value : Number(value);
  if (!Number.isFinite(n)) return undefined;
  if (kind === "integer" && !Number.isInteger(n)) return undefined;
  return n;
}

/**
 * Tables without a type column (DDS query parameters) still say "取值范围：1~100" or
 * "默认为0": a numeric range or default, and no talk of lengths, makes the value an integer.
 */
function inferredKind(description: string): "string" | "integer" {
  if (/长度|字符|characters?|length/i.test(description)) return "string";
  const c = parseProseConstraints(description, "integer");
  const numericDefault = typeof c.default === "number" || (typeof c.default === "string" && /^-?\d{1,15}$/.test(c.default));
  return c.minimum !== undefined || c.maximum !== undefined || numericDefault ? "integer" : "string";
}

export function schemaOfType(type: TypeInfo): SchemaNode {
  const node: SchemaNode = { kind: type.kind };
  if (type.format) node.format = type.format;
  if (type.kind === "array") node.items = type.items ? schemaOfType(type.items) : { kind: "unknown" };
  return node;
}

export function cleanName(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function rowText(cells: Cell[]): string {
  return cells.map((c) => c.text.trim()).join(" | ").slice(0, 200);
}
