// JSON Schema 2020-12 (OpenAPI 3.1 §4.8.24) -> the schema model the emitters read.
// Validation keywords are checked here once (types known, patterns compile with the `u` flag,
// limits are numbers); keywords we cannot validate are rejected rather than ignored.

import {
  GenerateError,
  hasOwn,
  isRecord,
  pointerToken,
  type JsonSchema,
  type JsonValue,
  type SourceRef,
} from "./spec.ts";

export type JsonType = "string" | "integer" | "number" | "boolean" | "object" | "array" | "null";
const jsonTypes: ReadonlySet<string> = new Set(["string", "integer", "number", "boolean", "object", "array", "null"]);

export interface SchemaDocs {
  title?: string;
  description?: string;
  default?: JsonValue;
  format?: string;
  deprecated?: boolean;
  source?: SourceRef;
}

export interface PropertyIR {
  name: string;
  required: boolean;
  schema: SchemaIR;
}

export interface SchemaIR {
  /** JSON Pointer of this schema in the spec (for error messages). */
  pointer: string;
  /** Declared types; undefined when the schema has no `type` (any JSON value). */
  types?: JsonType[];
  /** Key of `#/components/schemas/<key>` this schema refers to. */
  ref?: string;
  enum?: JsonValue[];
  const?: { value: JsonValue };
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  /** Declared properties, then `required` names that have no declared schema. */
  properties?: PropertyIR[];
  /** `additionalProperties: false`. */
  closed?: boolean;
  items?: SchemaIR;
  oneOf?: SchemaIR[];
  anyOf?: SchemaIR[];
  allOf?: SchemaIR[];
  docs: SchemaDocs;
}

const unsupportedKeywords = [
  "not", "if", "then", "else", "patternProperties", "propertyNames", "dependentRequired",
  "dependentSchemas", "prefixItems", "contains", "minContains", "maxContains", "unevaluatedItems",
  "unevaluatedProperties", "multipleOf", "uniqueItems", "minProperties", "maxProperties",
  "$dynamicRef", "$recursiveRef",
];

const componentRefPrefix = "#/components/schemas/";

export interface SchemaContext {
  file: string;
  /** Keys of `components.schemas`, to check that refs resolve. */
  componentKeys: ReadonlySet<string>;
}

export function toSchemaIR(raw: unknown, at: string, ctx: SchemaContext): SchemaIR {
  if (raw === true || raw === undefined) return { pointer: at, docs: {} };
  if (!isRecord(raw)) throw new GenerateError("schema must be an object", ctx.file, at);
  const schema = raw as JsonSchema;
  const fail = (message: string, key?: string): never => {
    throw new GenerateError(message, ctx.file, key === undefined ? at : `${at}/${pointerToken(key)}`);
  };
  for (const key of unsupportedKeywords) {
    if (hasOwn(schema, key)) fail(`unsupported JSON Schema keyword "${key}"`, key);
  }

  const ir: SchemaIR = { pointer: at, docs: docsOf(schema) };

  if (hasOwn(schema, "$ref")) {
    const ref = schema.$ref;
    if (typeof ref !== "string" || !ref.startsWith(componentRefPrefix)) {
      return fail(`only "#/components/schemas/<name>" references are supported`, "$ref");
    }
    const key = ref
      .slice(componentRefPrefix.length)
      .replace(/~1/g, "/")
      .replace(/~0/g, "~");
    if (!ctx.componentKeys.has(key)) fail(`$ref ${JSON.stringify(ref)} does not resolve`, "$ref");
    ir.ref = key;
  }

  if (hasOwn(schema, "type")) {
    const list = Array.isArray(schema.type) ? schema.type : [schema.type];
    const types: JsonType[] = [];
    for (const t of list) {
      if (typeof t !== "string" || !jsonTypes.has(t)) fail(`unknown type ${JSON.stringify(t)}`, "type");
      if (!types.includes(t as JsonType)) types.push(t as JsonType);
    }
    if (types.length === 0) fail("type must not be empty", "type");
    ir.types = types;
  }

  if (hasOwn(schema, "enum")) {
    if (!Array.isArray(schema.enum) || schema.enum.length === 0) fail("enum must be a non-empty array", "enum");
    ir.enum = schema.enum as JsonValue[];
  }
  if (hasOwn(schema, "const")) ir.const = { value: schema.const as JsonValue };

  for (const key of ["minLength", "maxLength", "minItems", "maxItems"] as const) {
    if (!hasOwn(schema, key)) continue;
    const value = schema[key];
    if (typeof value !== "number" || !Number.isInteger(value) || value < 0) fail(`${key} must be a non-negative integer`, key);
    ir[key] = value;
  }
  for (const key of ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"] as const) {
    if (!hasOwn(schema, key)) continue;
    const value = schema[key];
    if (typeof value !== "number" || !Number.isFinite(value)) fail(`${key} must be a finite number`, key);
    ir[key] = value;
  }
  if (hasOwn(schema, "pattern")) {
    const pattern = schema.pattern;
    if (typeof pattern !== "string") return fail("pattern must be a string", "pattern");
    try {
      new RegExp(pattern, "u");
    } catch (error) {
      fail(`pattern does not compile with the "u" flag: ${(error as Error).message}`, "pattern");
    }
    ir.pattern = pattern;
  }

  if (hasOwn(schema, "properties") || hasOwn(schema, "required")) {
    const props = schema.properties ?? {};
    if (!isRecord(props)) fail("properties must be an object", "properties");
    const required = schema.required ?? [];
    if (!Array.isArray(required) || required.some((r) => typeof r !== "string")) fail("required must be an array of strings", "required");
    const requiredSet = new Set(required);
    const properties: PropertyIR[] = [];
    for (const name of Object.keys(props)) {
      properties.push({
        name,
        required: requiredSet.has(name),
        schema: toSchemaIR(props[name], `${at}/properties/${pointerToken(name)}`, ctx),
      });
    }
    const declared = new Set(Object.keys(props));
    for (const name of new Set(required)) {
      if (!declared.has(name)) properties.push({ name, required: true, schema: { pointer: `${at}/required`, docs: {} } });
    }
    ir.properties = properties;
  }
  if (hasOwn(schema, "additionalProperties")) {
    const ap = schema.additionalProperties;
    if (ap === false) ir.closed = true;
    else if (!(ap === true || (isRecord(ap) && Object.keys(ap).every((k) => k === "description" || k.startsWith("x-"))))) {
      fail("additionalProperties must be false or true (schemas for additional properties are not supported)", "additionalProperties");
    }
  }
  if (hasOwn(schema, "items")) {
    if (!isRecord(schema.items) && schema.items !== true) fail("items must be a schema", "items");
    ir.items = toSchemaIR(schema.items, `${at}/items`, ctx);
  }
  for (const key of ["oneOf", "anyOf", "allOf"] as const) {
    if (!hasOwn(schema, key)) continue;
    const list = schema[key];
    if (!Array.isArray(list) || list.length === 0) return fail(`${key} must be a non-empty array`, key);
    ir[key] = list.map((s, i) => toSchemaIR(s, `${at}/${key}/${i}`, ctx));
  }
  return ir;
}

function docsOf(schema: JsonSchema): SchemaDocs {
  const docs: SchemaDocs = {};
  if (typeof schema.title === "string") docs.title = schema.title;
  if (typeof schema.description === "string") docs.description = schema.description;
  if (hasOwn(schema, "default")) docs.default = schema.default as JsonValue;
  if (typeof schema.format === "string") docs.format = schema.format;
  if (schema.deprecated === true) docs.deprecated = true;
  const source = schema["x-docs2ts-source"];
  if (isRecord(source)) docs.source = sourceOf(source);
  return docs;
}

export function sourceOf(value: unknown): SourceRef | undefined {
  if (!isRecord(value)) return undefined;
  const ref: SourceRef = {};
  if (typeof value.page === "string") ref.page = value.page;
  if (typeof value.section === "string") ref.section = value.section;
  return ref.page === undefined && ref.section === undefined ? undefined : ref;
}

/** Component keys referenced (directly) anywhere inside a schema. */
export function collectRefs(ir: SchemaIR, into: Set<string>): Set<string> {
  if (ir.ref !== undefined) into.add(ir.ref);
  for (const p of ir.properties ?? []) collectRefs(p.schema, into);
  if (ir.items) collectRefs(ir.items, into);
  for (const s of [...(ir.oneOf ?? []), ...(ir.anyOf ?? []), ...(ir.allOf ?? [])]) collectRefs(s, into);
  return into;
}
