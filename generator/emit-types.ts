// Schema -> TypeScript type (OpenAPI 3.1 §4.8.24, JSON Schema 2020-12 validation vocabulary).
// Request enums are closed unions; on the response side (unit.lenient) string enums also accept
// `(string & {})`, so a value the server adds later still compiles.

import { StructureKind, type InterfaceDeclarationStructure, type TypeAliasDeclarationStructure } from "ts-morph";
import { propertyKey, stringLiteral } from "./names.ts";
import type { OperationModel, Unit } from "./plan.ts";
import type { SchemaDocs, SchemaIR } from "./schema-ir.ts";
import type { JsonValue } from "./spec.ts";
import { renderDoc, type Doc } from "./text.ts";

export interface TypeContext {
  /** Type name of `#/components/schemas/<key>`. */
  componentType(key: string): string;
  /** Called for every type name the expression refers to (for imports). */
  onReference?(key: string): void;
}

export type TypeStatement = InterfaceDeclarationStructure | TypeAliasDeclarationStructure;

/** The exported declaration for a unit: an interface for plain objects, a type alias otherwise. */
export function unitDeclaration(unit: Unit, ctx: TypeContext): TypeStatement {
  const ir = unit.schema;
  const doc = schemaDoc(ir.docs, ir, unit.role);
  const trivia = renderDoc(doc);
  if (isPlainObject(ir) && (ir.properties?.length ?? 0) > 0) {
    return {
      kind: StructureKind.Interface,
      name: unit.typeName,
      isExported: true,
      leadingTrivia: trivia,
      properties: (ir.properties ?? []).map((p) => ({
        kind: StructureKind.PropertySignature,
        name: propertyKey(p.name),
        hasQuestionToken: !p.required,
        type: typeExpression(p.schema, unit.lenient, ctx),
        leadingTrivia: renderDoc(schemaDoc(p.schema.docs, p.schema)),
      })),
    };
  }
  return {
    kind: StructureKind.TypeAlias,
    name: unit.typeName,
    isExported: true,
    leadingTrivia: trivia,
    type: typeExpression(ir, unit.lenient, ctx),
  };
}

/** An object schema with nothing that would make it a union or a reference. */
function isPlainObject(ir: SchemaIR): boolean {
  const objectOnly = ir.types === undefined ? ir.properties !== undefined : ir.types.length === 1 && ir.types[0] === "object";
  return objectOnly && ir.ref === undefined && !ir.enum && !ir.const && !ir.oneOf && !ir.anyOf && !ir.allOf && !ir.items;
}

export function typeExpression(ir: SchemaIR, lenient: boolean, ctx: TypeContext): string {
  const parts: string[] = [];
  const variants = ir.oneOf ?? ir.anyOf;
  if (ir.ref !== undefined) {
    ctx.onReference?.(ir.ref);
    parts.push(ctx.componentType(ir.ref));
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
      else if (ir.items) parts.push(arrayOf(typeExpression(ir.items, lenient, ctx)));
    }
  }
  if (variants) parts.push(union(variants.map((s) => typeExpression(s, lenient, ctx))));
  for (const s of ir.allOf ?? []) parts.push(typeExpression(s, lenient, ctx));
  return parts.length === 0 ? "unknown" : intersection(parts);
}

function typeForType(t: string, ir: SchemaIR, lenient: boolean, ctx: TypeContext): string {
  switch (t) {
    case "string":
      return "string";
    case "integer":
    case "number":
      return "number";
    case "boolean":
      return "boolean";
    case "null":
      return "null";
    case "array":
      return arrayOf(ir.items ? typeExpression(ir.items, lenient, ctx) : "unknown");
    case "object":
      return objectType(ir, lenient, ctx);
    default:
      return "unknown";
  }
}

function objectType(ir: SchemaIR, lenient: boolean, ctx: TypeContext): string {
  const props = ir.properties ?? [];
  if (props.length === 0) return ir.closed ? "Record<string, never>" : "{ [key: string]: unknown }";
  const members = props.map((p) => {
    const doc = renderDoc(schemaDoc(p.schema.docs, p.schema));
    return `${doc}${propertyKey(p.name)}${p.required ? "" : "?"}: ${typeExpression(p.schema, lenient, ctx)};`;
  });
  return `{\n${members.join("\n")}\n}`;
}

function enumType(values: JsonValue[], lenient: boolean): string {
  const literals = [...new Set(values.map(literal))];
  if (lenient) {
    if (values.some((v) => typeof v === "string")) literals.push("(string & {})");
    if (values.some((v) => typeof v === "number")) literals.push("(number & {})");
  }
  return union(literals);
}

function literal(value: JsonValue): string {
  if (value === null) return "null";
  if (typeof value === "string") return stringLiteral(value);
  if (typeof value === "number") return Number.isFinite(value) ? (Object.is(value, -0) ? "0" : String(value)) : "number";
  if (typeof value === "boolean") return String(value);
  // Object/array constants: structurally typed as their JSON shape is overkill; keep them open.
  return Array.isArray(value) ? "unknown[]" : "{ [key: string]: unknown }";
}

function union(parts: string[]): string {
  const unique = [...new Set(parts)];
  return unique.length === 1 ? unique[0]! : unique.map((p) => (needsParens(p) ? `(${p})` : p)).join(" | ");
}

function intersection(parts: string[]): string {
  const unique = [...new Set(parts)];
  return unique.length === 1 ? unique[0]! : unique.map((p) => (needsParens(p) ? `(${p})` : p)).join(" & ");
}

function arrayOf(item: string): string {
  return needsParens(item) ? `Array<${item}>` : `${item}[]`;
}

/** True when a type text has a top-level `|` or `&` (outside braces, brackets and strings). */
function needsParens(type: string): boolean {
  if (/^\(.*\)$/s.test(type) && balanced(type.slice(1, -1))) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < type.length; i++) {
    const c = type[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === "{" || c === "(" || c === "[" || c === "<") depth++;
    else if (c === "}" || c === ")" || c === "]" || c === ">") depth--;
    else if (depth === 0 && (c === "|" || c === "&")) return true;
    else if (c === "/" && type[i + 1] === "*") {
      const end = type.indexOf("*/", i + 2);
      i = end < 0 ? type.length : end + 1;
    }
  }
  return false;
}

function balanced(inner: string): boolean {
  let depth = 0;
  for (const c of inner) {
    if (c === "(") depth++;
    else if (c === ")" && --depth < 0) return false;
  }
  return depth === 0;
}

/** Description and constraints as JSDoc, in the doc's own words first. */
export function schemaDoc(docs: SchemaDocs, ir: SchemaIR, role?: string): Doc {
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
  const doc: Doc = { tags };
  if (text !== "") doc.text = text;
  return doc;
}

export function sourceText(source: { page?: string; section?: string } | undefined): string | undefined {
  if (source === undefined) return undefined;
  return [source.page, source.section].filter((s) => s !== undefined && s !== "").join(" — ") || undefined;
}

/** `XRequest`: the single argument of an operation function. */
export function requestDeclaration(op: OperationModel): InterfaceDeclarationStructure {
  const props: InterfaceDeclarationStructure["properties"] = [];
  if (op.pathUnit) {
    const onlyProjectId = op.params.filter((p) => p.in === "path").every((p) => p.name === op.projectIdParam);
    props.push({
      kind: StructureKind.PropertySignature,
      name: "path",
      hasQuestionToken: op.projectIdParam !== undefined && onlyProjectId,
      type: op.projectIdParam !== undefined ? `OptionalProjectId<${op.pathUnit.typeName}>` : op.pathUnit.typeName,
      leadingTrivia: renderDoc({
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
      kind: StructureKind.PropertySignature,
      name: key,
      hasQuestionToken: !op.params.some((p) => p.in === (key === "query" ? "query" : "header") && p.required),
      type: unit.typeName,
      leadingTrivia: renderDoc({ text: label }),
    });
  }
  if (op.bodyUnit) {
    props.push({
      kind: StructureKind.PropertySignature,
      name: "body",
      hasQuestionToken: !op.bodyRequired,
      type: op.bodyUnit.typeName,
      leadingTrivia: renderDoc({ text: "Request body (sent as JSON)." }),
    });
  }
  return {
    kind: StructureKind.Interface,
    name: op.requestTypeName,
    isExported: true,
    leadingTrivia: renderDoc({ text: `Input of \`${op.functionName}\`.` }),
    properties: props,
  };
}

/** True when every part of the request input may be omitted. */
export function requestIsOptional(op: OperationModel): boolean {
  const pathOptional = !op.pathUnit || op.params.filter((p) => p.in === "path").every((p) => p.name === op.projectIdParam);
  const paramsOptional = !op.params.some((p) => p.in !== "path" && p.required);
  return pathOptional && paramsOptional && !(op.bodyUnit && op.bodyRequired);
}

/** `XResponse`: what the operation function resolves to (union of documented 2xx bodies). */
export function responseDeclaration(op: OperationModel): TypeAliasDeclarationStructure {
  const success = op.responses.filter((r) => r.success);
  const parts = success.map((r) => (r.unit ? r.unit.typeName : r.nonJson ? "string" : "undefined"));
  return {
    kind: StructureKind.TypeAlias,
    name: op.responseTypeName,
    isExported: true,
    leadingTrivia: renderDoc({
      text: `Result of \`${op.functionName}\`: the body of a successful response${success.length > 0 ? ` (HTTP ${success.map((r) => r.status).join(", ")})` : ""}.`,
    }),
    type: parts.length === 0 ? "unknown" : union(parts),
  };
}

/** `XError`: the documented error responses as typed ApiErrors, or undefined if none is documented. */
export function errorDeclaration(op: OperationModel): TypeAliasDeclarationStructure | undefined {
  const errors = op.responses.filter((r) => !r.success);
  if (errors.length === 0) return undefined;
  const body = (r: (typeof errors)[number]) => (r.unit ? r.unit.typeName : r.nonJson ? "string" : "unknown");
  return {
    kind: StructureKind.TypeAlias,
    name: op.errorTypeName,
    isExported: true,
    leadingTrivia: renderDoc({
      text: `Documented error responses of \`${op.functionName}\` (narrow with \`${op.errorGuardName}\`, then on \`status\`).${errors.some((r) => r.status === "default") ? " The \"default\" response stands for any other status." : ""}`,
    }),
    type: errors.map((r) => `ApiError<${r.status === "default" ? "number" : r.status}, ${body(r)}>`).join(" | "),
  };
}
