// The operation model: what extraction makes of one page, before it becomes OpenAPI.
// Plain data; provenance rides along so the OpenAPI stage can emit `x-docs2ts-source`.

import type { TypeKind } from "./vocab/types.ts";

export type HttpMethod = "get" | "post" | "put" | "delete" | "patch" | "head" | "options";

export interface Provenance {
  /** Repo-relative page path. */
  page: string;
  /** Table caption or section heading the item came from (no line numbers: they churn). */
  section: string;
}

/** The kinds a type cell can name (scraper/vocab/types.ts). */
export type SchemaKind = TypeKind;

export interface SchemaNode {
  kind: SchemaKind;
  format?: string;
  description?: string;
  enum?: string[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  default?: string | number | boolean;
  /** Object members, in table order. */
  properties?: FieldNode[];
  items?: SchemaNode;
}

export interface FieldNode {
  name: string;
  required: boolean;
  schema: SchemaNode;
  source: Provenance;
}

export type ParameterLocation = "path" | "query" | "header";

export interface ParameterNode {
  name: string;
  in: ParameterLocation;
  required: boolean;
  schema: SchemaNode;
  source: Provenance;
}

export interface ExampleNode {
  name: string;
  summary?: string;
  value: unknown;
}

export interface BodyNode {
  mediaType: string;
  schema: SchemaNode;
  /** Request bodies merged from several pages: one variant per page (titled after it). */
  variants?: { title: string; schema: SchemaNode }[];
  examples: ExampleNode[];
  source: Provenance;
}

export interface ResponseNode {
  status: string;
  description: string;
  body?: BodyNode;
}

export interface OperationNode {
  operationId: string;
  tags?: string[];
  /** Repo-relative path of the error-code page the page's "Error Codes" section links to. */
  errorCodesPage?: string;
  method: HttpMethod;
  path: string;
  summary: string;
  description?: string;
  /** Host of the page's example request, used as the server variable default. */
  exampleHost?: string;
  parameters: ParameterNode[];
  requestBody?: BodyNode;
  responses: ResponseNode[];
  source: Provenance;
}
