// Operations of one service -> one OpenAPI 3.1 document. Deterministic: paths sorted, methods
// in a fixed order, keys in a fixed order, no timestamps, no absolute paths.
import type { OpenAPIV3_1 } from "openapi-types";
import type { ServiceConfig } from "../../core/config.ts";
import type { BodyNode, OperationNode, ParameterNode, ResponseNode } from "../operation-model.ts";
import { emptyServiceParts, type ErrorCatalog, type ServiceParts } from "../service/shared.ts";
import { extractComponents } from "./components.ts";
import { toSchema } from "./schema.ts";
import { compareStrings, pascalCase } from "../../core/plain-data.ts";

const methodOrder = ["get", "put", "post", "delete", "options", "head", "patch"] as const;

export function buildDocument(service: ServiceConfig, operations: OperationNode[], parts: ServiceParts = emptyServiceParts()): OpenAPIV3_1.Document {
  const errors = errorComponents(parts.errorCatalogs);
  const paths: Record<string, Record<string, unknown>> = {};
  const sorted = [...operations].sort((a, b) => compareStrings(a.path, b.path) || methodOrder.indexOf(a.method) - methodOrder.indexOf(b.method));
  for (const op of sorted) {
    const item = (paths[op.path] ??= {});
    item[op.method] = operationObject(op, parts, errors.responseFor);
  }
  const exampleHost = sorted.map((op) => op.exampleHost).find((h) => h !== undefined);
  const doc = {
    openapi: "3.1.0",
    info: {
      title: `${service.title} API`,
      version: service.version,
      description: `Scraped by docs2ts from the ${service.cloud ? `${service.cloud} ` : ""}${service.title} API reference (${service.language === "zh" ? "Chinese" : "English"} pages).`,
    },
    servers: [serverObject(service.server, exampleHost)],
    security: [{ token: [] }],
    ...tagList(sorted),
    paths,
    components: {
      ...(Object.keys(errors.schemas).length > 0 ? { schemas: errors.schemas, responses: errors.responses } : {}),
      ...commonHeaderParameters(parts),
      securitySchemes: {
        token: {
          type: "apiKey",
          in: "header",
          name: "X-Auth-Token",
          description: "IAM user token, as the service's \"Token authentication\" page describes.",
        },
      },
    },
  };
  return extractComponents(doc as unknown as OpenAPIV3_1.Document);
}

function serverObject(template: string, exampleHost: string | undefined): OpenAPIV3_1.ServerObject {
  const variables: Record<string, OpenAPIV3_1.ServerVariableObject> = {};
  for (const [, name] of template.matchAll(/\{([^{}]+)\}/g)) {
    variables[name!] = { default: name === "endpoint" && exampleHost ? exampleHost : "localhost" };
  }
  const description = exampleHost
    ? "Endpoint of the service in your region; the default is the host of the docs' example request."
    : "Endpoint of the service in your region; the docs give no example host.";
  return Object.keys(variables).length > 0 ? { url: template, description, variables } : { url: template, description };
}

function operationObject(op: OperationNode, parts: ServiceParts, errorResponseFor: (page: string | undefined) => string | undefined): Record<string, unknown> {
  const object: Record<string, unknown> = { operationId: op.operationId, summary: op.summary };
  if (op.description) object.description = op.description;
  if (op.tags && op.tags.length > 0) object.tags = [...op.tags];
  if (op.parameters.length > 0) object.parameters = sortParameters(op.parameters).map(parameterObject);
  if (op.requestBody) object.requestBody = requestBodyObject(op.requestBody);
  const responses: Record<string, unknown> = Object.fromEntries(op.responses.map((r) => [r.status, responseObject(r, parts)]));
  const errorResponse = errorResponseFor(op.errorCodesPage);
  if (errorResponse && !op.responses.some((r) => /^[45]/.test(r.status) && r.body)) responses.default = { $ref: `#/components/responses/${errorResponse}` };
  object.responses = responses;
  object["x-docs2ts-source"] = { ...op.source };
  return object;
}

const locationOrder = ["path", "query", "header"];

function sortParameters(parameters: ParameterNode[]): ParameterNode[] {
  // Path parameters in path order (as documented), then query, then header: stable for diffs.
  return [...parameters].sort((a, b) => locationOrder.indexOf(a.in) - locationOrder.indexOf(b.in));
}

function parameterObject(p: ParameterNode): Record<string, unknown> {
  const object: Record<string, unknown> = { name: p.name, in: p.in, required: p.required };
  if (p.schema.description) object.description = p.schema.description;
  object.schema = toSchema(p.schema, { withDescription: false });
  object["x-docs2ts-source"] = { ...p.source };
  return object;
}

function requestBodyObject(body: BodyNode): Record<string, unknown> {
  const schemas = body.variants?.map((v) => v.schema) ?? [body.schema];
  const required = schemas.every((schema) => (schema.properties ?? []).some((f) => f.required));
  return { required, content: { [body.mediaType]: mediaTypeObject(body) }, "x-docs2ts-source": { ...body.source } };
}

function responseObject(response: ResponseNode, parts: ServiceParts): Record<string, unknown> {
  // A page that names a status without describing it gets the service's status-code page's words.
  const generic = /^(OK|Created|Accepted|No Content|Status \d+)$/.test(response.description);
  const description = generic ? (parts.statusDescriptions.get(response.status) ?? response.description) : response.description;
  const object: Record<string, unknown> = { description };
  if (response.body) object.content = { [response.body.mediaType]: mediaTypeObject(response.body) };
  return object;
}

function mediaTypeObject(body: BodyNode): Record<string, unknown> {
  const schema = body.variants
    ? { oneOf: body.variants.map((v) => ({ title: v.title, ...toSchema(v.schema) })) }
    : toSchema(body.schema);
  const object: Record<string, unknown> = { schema };
  if (body.examples.length > 0) {
    object.examples = Object.fromEntries(
      body.examples.map((e) => [e.name, e.summary ? { summary: e.summary, value: e.value } : { value: e.value }]),
    );
  }
  return object;
}

function tagList(operations: OperationNode[]): { tags?: { name: string }[] } {
  const names = [...new Set(operations.flatMap((op) => op.tags ?? []))].sort();
  return names.length > 0 ? { tags: names.map((name) => ({ name })) } : {};
}

interface ErrorComponents {
  schemas: Record<string, unknown>;
  responses: Record<string, unknown>;
  responseFor: (page: string | undefined) => string | undefined;
}

/**
 * Each error-code page becomes an `…ErrorCode` enum schema; where the page documents the error
 * body, also an `…Error` schema and response that operations linking to that page use as `default`.
 */
function errorComponents(catalogs: ErrorCatalog[]): ErrorComponents {
  const schemas: Record<string, unknown> = {};
  const responses: Record<string, unknown> = {};
  const responseByPage = new Map<string, string>();
  const sorted = [...catalogs].sort((a, b) => compareStrings(a.page, b.page));
  for (const catalog of sorted) {
    const prefix = sorted.length === 1 ? "" : pascalCase(catalog.title);
    const codeName = `${prefix}ErrorCode`;
    schemas[codeName] = {
      type: "string",
      description: `Error codes listed by "${catalog.title}".`,
      enum: catalog.codes,
      "x-docs2ts-source": { ...catalog.source },
    };
    if (!catalog.body) continue;
    const bodyName = `${prefix}Error`;
    const body = toSchema(catalog.body) as Record<string, unknown>;
    const properties = body.properties as Record<string, Record<string, unknown>> | undefined;
    if (properties?.error_code) {
      const { type: _type, ...rest } = properties.error_code;
      properties.error_code = { $ref: `#/components/schemas/${codeName}`, ...rest };
    }
    schemas[bodyName] = { ...body, "x-docs2ts-source": { ...catalog.source } };
    responses[bodyName] = {
      description: `Error response, as "${catalog.title}" describes it.`,
      content: { "application/json": { schema: { $ref: `#/components/schemas/${bodyName}` } } },
    };
    responseByPage.set(catalog.page, bodyName);
  }
  return { schemas, responses, responseFor: (page) => (page ? responseByPage.get(page) : undefined) };
}

function commonHeaderParameters(parts: ServiceParts): { parameters?: Record<string, unknown> } {
  if (parts.commonHeaders.length === 0) return {};
  const parameters: Record<string, unknown> = {};
  for (const header of [...parts.commonHeaders].sort((a, b) => compareStrings(a.name, b.name))) {
    const name = pascalCase(header.name);
    if (parameters[name]) continue;
    parameters[name] = parameterObject(header);
  }
  return { parameters };
}

