// The OpenAPI 3.1 subset the scraper writes (specs/<service>.openapi.json), read as plain data.
// Anything beyond this subset that would change validation is rejected with a GenerateError, so
// a generated validator never silently ignores a constraint.
import { Docs2tsError } from "../core/errors.ts";

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** OpenAPI 3.1 §4.8.24 Schema Object (JSON Schema 2020-12 subset). Read defensively: it is input. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: JsonValue[];
  const?: JsonValue;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  format?: string;
  default?: JsonValue;
  deprecated?: boolean;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  "x-docs2ts-source"?: SourceRef;
  [key: string]: unknown;
}

export interface SourceRef {
  page?: string;
  section?: string;
}

export interface ParameterObject {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  description?: string;
  deprecated?: boolean;
  schema?: JsonSchema;
  "x-docs2ts-source"?: SourceRef;
}

export interface MediaTypeObject {
  schema?: JsonSchema;
  examples?: Record<string, { summary?: string; value?: JsonValue }>;
  example?: JsonValue;
}

export interface RequestBodyObject {
  description?: string;
  required?: boolean;
  content?: Record<string, MediaTypeObject>;
}

export interface ResponseObject {
  description?: string;
  headers?: Record<string, unknown>;
  content?: Record<string, MediaTypeObject>;
}

export interface OperationObject {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  deprecated?: boolean;
  parameters?: (ParameterObject | { $ref: string })[];
  requestBody?: RequestBodyObject | { $ref: string };
  responses?: Record<string, ResponseObject | { $ref: string }>;
  security?: Record<string, string[]>[];
  "x-docs2ts-source"?: SourceRef;
}

export const httpMethods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;
export type HttpMethodLower = (typeof httpMethods)[number];

export type PathItemObject = { parameters?: (ParameterObject | { $ref: string })[] } & {
  [M in HttpMethodLower]?: OperationObject;
};

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string };
  servers?: { url: string; variables?: Record<string, { default: string; enum?: string[] }> }[];
  security?: Record<string, string[]>[];
  paths?: Record<string, PathItemObject>;
  components?: {
    schemas?: Record<string, JsonSchema>;
    parameters?: Record<string, ParameterObject>;
    requestBodies?: Record<string, RequestBodyObject>;
    responses?: Record<string, ResponseObject>;
    securitySchemes?: Record<string, { type: string; in?: string; name?: string; scheme?: string }>;
  };
}

/** A problem in a spec, with where it is (file and JSON Pointer). */
export class GenerateError extends Docs2tsError {
  override readonly name = "GenerateError";
  constructor(
    message: string,
    readonly file: string,
    readonly pointer: string,
  ) {
    super(`${file}${pointer === "" ? "" : `#${pointer}`}: ${message}`);
  }
}

/** RFC 6901 JSON Pointer token escaping. */
export function pointerToken(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

export function pointer(...tokens: string[]): string {
  return tokens.map((t) => `/${pointerToken(t)}`).join("");
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function hasOwn(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/** Resolves a local `#/...` reference inside the document. */
export function resolveLocalRef(doc: OpenApiDocument, ref: string, file: string, at: string): unknown {
  if (!ref.startsWith("#/")) throw new GenerateError(`only local $ref is supported, got ${JSON.stringify(ref)}`, file, at);
  let node: unknown = doc;
  for (const raw of ref.slice(2).split("/")) {
    const token = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    if (!isRecord(node) || !hasOwn(node, token)) {
      throw new GenerateError(`$ref ${JSON.stringify(ref)} does not resolve`, file, at);
    }
    node = node[token];
  }
  return node;
}
