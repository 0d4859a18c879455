// Schema -> TypeScript type (OpenAPI 3.1 §4.8.24, JSON Schema 2020-12 validation vocabulary).
// Request enums are closed unions; on the response side (unit.lenient) string enums also accept
// `(string & {})`, so a value the server adds later still compiles. Types are built as small
// trees (layout.ts TypeNode) and laid out the way prettier lays out the same declarations.

import { interfaceDeclaration, printNumber, printString, typeAliasDeclaration, typeText, type Doc, type TypeMember, type TypeNode } from "./layout.ts";
import { propertyKey, stringLiteral } from "./names.ts";
import type { OperationModel, Unit } from "./plan.ts";
import type { SchemaDocs, SchemaIR } from "./schema-ir.ts";
import type { JsonValue } from "./spec.ts";
import { renderDoc, type Doc as DocText } from "./text.ts";

export interface TypeContext {
  /** Type name of `#/components/schemas/<key>`. */
  componentType(key: string): string;
  /** Called for every type name the expression refers to (for imports). */
  onReference?(key: string): void;
}

const token = (text: string): TypeNode => ({ kind: "token", text });
const ref = (name: string, args: TypeNode[] = []): TypeNode => ({ kind: "ref", name, args });

/** The exported declaration for a unit: an interface for plain objects, a type alias otherwise. */
export function unitDeclaration(unit: Unit, ctx: TypeContext): Doc {
  const ir = unit.schema;
  const doc = renderDoc(schemaDoc(ir.docs, ir, unit.role));
  if (isPlainObject(ir) && (ir.properties?.length ?? 0) > 0) {
    return interfaceDeclaration(doc, unit.typeName, members(ir, unit.lenient, ctx));
  }
  return typeAliasDeclaration(doc, unit.typeName, typeNode(ir, unit.lenient, ctx));
}

/** An object schema with nothing that would make it a union or a reference. */
function isPlainObject(ir: SchemaIR): boolean {
  const objectOnly = ir.types === undefined ? ir.properties !== undefined : ir.types.length === 1 && ir.types[0] === "object";
  return objectOnly && ir.ref === undefined && !ir.enum && !ir.const && !ir.oneOf && !ir.anyOf && !ir.allOf && !ir.items;
}

function members(ir: SchemaIR, lenient: boolean, ctx: TypeContext): TypeMember[] {
  return (ir.properties ?? []).map((p) => ({
    doc: renderDoc(schemaDoc(p.schema.docs, p.schema)),
    key: keyText(p.name),
    optional: !p.required,
    type: typeNode(p.schema, lenient, ctx),
  }));
}

function keyText(name: string): string {
  const key = propertyKey(name);
  return key.startsWith('"') ? printString(key) : key;
}

export function typeNode(ir: SchemaIR, lenient: boolean, ctx: TypeContext): TypeNode {
  const parts: TypeNode[] = [];
  const variants = ir.oneOf ?? ir.anyOf;
  if (ir.ref !== undefined) {
    ctx.onReference?.(ir.ref);
    parts.push(token(ctx.componentType(ir.ref)));
  }
  if (ir.const) {
    parts.push(literal(ir.const.value));
  } else if (ir.enum) {
    parts.push(enumType(ir.enum, lenient));
  } else if (ir.ref === undefined) {
    // A bare "object" next to oneOf/anyOf adds nothing the variants do not already say.
    const bareObject = (ir.properties?.length ?? 0) === 0 && (ir.types === undefined || (ir.types.length === 1 && ir.types[0] === "object"));
    if (!(variants && bareObject)) {
      if (ir.types) parts.push(union(ir.types.map((t) => typeForType(t, ir, lenient, ctx))));
      else if (ir.properties) parts.push(objectType(ir, lenient, ctx));
      else if (ir.items) parts.push(arrayOf(typeNode(ir.items, lenient, ctx)));
    }
  }
  if (variants) parts.push(union(variants.map((s) => typeNode(s, lenient, ctx))));
  for (const s of ir.allOf ?? []) parts.push(typeNode(s, lenient, ctx));
  return parts.length === 0 ? token("unknown") : intersection(parts);
}

function typeForType(t: string, ir: SchemaIR, lenient: boolean, ctx: TypeContext): TypeNode {
  switch (t) {
    case "string":
      return token("string");
    case "integer":
    case "number":
      return token("number");
    case "boolean":
      return token("boolean");
    case "null":
      return token("null");
    case "array":
      return arrayOf(ir.items ? typeNode(ir.items, lenient, ctx) : token("unknown"));
    case "object":
      return objectType(ir, lenient, ctx);
    default:
      return token("unknown");
  }
}

const openObject = (): TypeNode => ({ kind: "object", members: [{ doc: "", key: "[key: string]", optional: false, type: token("unknown") }], expanded: false });

function objectType(ir: SchemaIR, lenient: boolean, ctx: TypeContext): TypeNode {
  const props = ir.properties ?? [];
  if (props.length === 0) return ir.closed ? ref("Record", [token("string"), token("never")]) : openObject();
  return { kind: "object", members: members(ir, lenient, ctx), expanded: true };
}

function enumType(values: JsonValue[], lenient: boolean): TypeNode {
  const literals = values.map(literal);
  const open = (keyword: string): TypeNode => ({ kind: "paren", type: { kind: "intersection", types: [token(keyword), { kind: "object", members: [], expanded: false }] } });
  if (lenient) {
    if (values.some((v) => typeof v === "string")) literals.push(open("string"));
    if (values.some((v) => typeof v === "number")) literals.push(open("number"));
  }
  return union(literals);
}

function literal(value: JsonValue): TypeNode {
  if (value === null) return token("null");
  if (typeof value === "string") return token(printString(stringLiteral(value)));
  if (typeof value === "number") return token(Number.isFinite(value) ? (Object.is(value, -0) ? "0" : printNumber(String(value))) : "number");
  if (typeof value === "boolean") return token(String(value));
  // Object/array constants: structurally typed as their JSON shape is overkill; keep them open.
  return Array.isArray(value) ? { kind: "array", element: token("unknown") } : openObject();
}

/** Members that are unions or intersections themselves keep their parentheses. */
function parenthesize(t: TypeNode): TypeNode {
  return t.kind === "union" || t.kind === "intersection" ? { kind: "paren", type: t } : t;
}

function unique(parts: TypeNode[]): TypeNode[] {
  const seen = new Set<string>();
  return parts.filter((p) => {
    const text = typeText(p);
    if (seen.has(text)) return false;
    seen.add(text);
    return true;
  });
}

function union(parts: TypeNode[]): TypeNode {
  const u = unique(parts);
  return u.length === 1 ? u[0]! : { kind: "union", types: u.map(parenthesize) };
}

function intersection(parts: TypeNode[]): TypeNode {
  const u = unique(parts);
  return u.length === 1 ? u[0]! : { kind: "intersection", types: u.map(parenthesize) };
}

function arrayOf(item: TypeNode): TypeNode {
  return item.kind === "union" || item.kind === "intersection" ? ref("Array", [item]) : { kind: "array", element: item };
}

/** Description and constraints as JSDoc, in the doc's own words first. */
export function schemaDoc(docs: SchemaDocs, ir: SchemaIR, role?: string): DocText {
  const text = [role, docs.title && docs.title !== docs.description ? docs.title : undefined, docs.description]
    .filter((t): t is string => t !== undefined && t.trim() !== "")
    .join("\n\n");
  const tags: { name: string; text?: string }[] = [];
  const add = (name: string, value: number | string | undefined) => {
    if (value !== undefined) tags.push({ name, text: String(value) });
  };
  add("minLength", ir.minLength);
  add("maxLength", ir.maxLength);
  add("pattern", ir.pattern);
  add("minimum", ir.minimum);
  add("maximum", ir.maximum);
  add("exclusiveMinimum", ir.exclusiveMinimum);
  add("exclusiveMaximum", ir.exclusiveMaximum);
  add("minItems", ir.minItems);
  add("maxItems", ir.maxItems);
  add("format", docs.format);
  if (docs.default !== undefined) add("default", JSON.stringify(docs.default));
  if (docs.deprecated) tags.push({ name: "deprecated" });
  const see = sourceText(docs.source);
  if (see !== undefined) add("see", see);
  const doc: DocText = { tags };
  if (text !== "") doc.text = text;
  return doc;
}

export function sourceText(source: { page?: string; section?: string } | undefined): string | undefined {
  if (source === undefined) return undefined;
  return [source.page, source.section].filter((s) => s !== undefined && s !== "").join(" — ") || undefined;
}

/** `XRequest`: the single argument of an operation function. */
export function requestDeclaration(op: OperationModel): Doc {
  const props: TypeMember[] = [];
  if (op.pathUnit) {
    const onlyProjectId = op.params.filter((p) => p.in === "path").every((p) => p.name === op.projectIdParam);
    props.push({
      key: "path",
      optional: op.projectIdParam !== undefined && onlyProjectId,
      type: op.projectIdParam !== undefined ? ref("OptionalProjectId", [token(op.pathUnit.typeName)]) : token(op.pathUnit.typeName),
      doc: renderDoc({
        text:
          op.projectIdParam !== undefined
            ? `Path parameters. \`${op.projectIdParam}\` defaults to the client's \`projectId\`.`
            : "Path parameters.",
      }),
    });
  }
  for (const [key, unit, label] of [
    ["query", op.queryUnit, "Query parameters."],
    ["headers", op.headersUnit, "Header parameters."],
  ] as const) {
    if (!unit) continue;
    props.push({
      key,
      optional: !op.params.some((p) => p.in === (key === "query" ? "query" : "header") && p.required),
      type: token(unit.typeName),
      doc: renderDoc({ text: label }),
    });
  }
  if (op.bodyUnit) {
    props.push({ key: "body", optional: !op.bodyRequired, type: token(op.bodyUnit.typeName), doc: renderDoc({ text: "Request body (sent as JSON)." }) });
  }
  return interfaceDeclaration(renderDoc({ text: `Input of \`${op.functionName}\`.` }), op.requestTypeName, props);
}

/** True when every part of the request input may be omitted. */
export function requestIsOptional(op: OperationModel): boolean {
  const pathOptional = !op.pathUnit || op.params.filter((p) => p.in === "path").every((p) => p.name === op.projectIdParam);
  const paramsOptional = !op.params.some((p) => p.in !== "path" && p.required);
  return pathOptional && paramsOptional && !(op.bodyUnit && op.bodyRequired);
}

/** `XResponse`: what the operation function resolves to (union of documented 2xx bodies). */
export function responseDeclaration(op: OperationModel): Doc {
  const success = op.responses.filter((r) => r.success);
  const parts = success.map((r) => token(r.unit ? r.unit.typeName : r.nonJson ? "string" : "undefined"));
  return typeAliasDeclaration(
    renderDoc({
      text: `Result of \`${op.functionName}\`: the body of a successful response${success.length > 0 ? ` (HTTP ${success.map((r) => r.status).join(", ")})` : ""}.`,
    }),
    op.responseTypeName,
    parts.length === 0 ? token("unknown") : union(parts),
  );
}

/** `XError`: the documented error responses as typed ApiErrors, or undefined if none is documented. */
export function errorDeclaration(op: OperationModel): Doc | undefined {
  const errors = op.responses.filter((r) => !r.success);
  if (errors.length === 0) return undefined;
  const body = (r: (typeof errors)[number]) => token(r.unit ? r.unit.typeName : r.nonJson ? "string" : "unknown");
  const types = errors.map((r) => ref("ApiError", [token(r.status === "default" ? "number" : r.status), body(r)]));
  return typeAliasDeclaration(
    renderDoc({
      text: `Documented error responses of \`${op.functionName}\` (narrow with \`${op.errorGuardName}\`, then on \`status\`).${errors.some((r) => r.status === "default") ? " The \"default\" response stands for any other status." : ""}`,
    }),
    op.errorTypeName,
    // Not deduplicated (two statuses may share a body type).
    types.length === 1 ? types[0]! : { kind: "union", types },
  );
}
