// Operation-model schema -> OpenAPI 3.1 Schema Object (JSON Schema 2020-12). Keys are written in
// one fixed order so specs diff cleanly.
import type { OpenAPIV3_1 } from "openapi-types";
import type { FieldNode, Provenance, SchemaNode } from "../operation-model.ts";

export type SchemaObject = OpenAPIV3_1.SchemaObject & { "x-docs2ts-source"?: Provenance };

export function toSchema(node: SchemaNode, options: { withDescription?: boolean } = {}): SchemaObject {
  const schema: Record<string, unknown> = {};
  if (node.kind !== "unknown") schema.type = node.kind;
  if (node.format) schema.format = node.format;
  if (node.description && options.withDescription !== false) schema.description = node.description;
  if (node.enum) schema.enum = [...node.enum];
  if (node.default !== undefined) schema.default = node.default;
  if (node.minLength !== undefined) schema.minLength = node.minLength;
  if (node.maxLength !== undefined) schema.maxLength = node.maxLength;
  if (node.pattern !== undefined) schema.pattern = node.pattern;
  if (node.minimum !== undefined) schema.minimum = node.minimum;
  if (node.maximum !== undefined) schema.maximum = node.maximum;
  if (node.items) schema.items = toSchema(node.items);
  if (node.properties && node.properties.length > 0) {
    schema.properties = Object.fromEntries(node.properties.map((f) => [f.name, propertySchema(f)]));
    const required = node.properties.filter((f) => f.required).map((f) => f.name);
    if (required.length > 0) schema.required = required;
  }
  return schema as SchemaObject;
}

function propertySchema(field: FieldNode): SchemaObject {
  return { ...toSchema(field.schema), "x-docs2ts-source": { ...field.source } };
}
