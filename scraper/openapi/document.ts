// Operations of one service -> one OpenAPI 3.1 document. Deterministic: paths sorted, methods
// in a fixed order, keys in a fixed order, no timestamps, no absolute paths.
import type { OpenAPIV3_1 } from "openapi-types";
import type { ServiceConfig } from "../config.ts";
import type { BodyNode, OperationNode, ParameterNode, ResponseNode } from "../operation-model.ts";
import { toSchema } from "./schema.ts";

const methodOrder = ["get", "put", "post", "delete", "options", "head", "patch"] as const;

export function buildDocument(service: ServiceConfig, operations: OperationNode[]): OpenAPIV3_1.Document {
  const paths: Record<string, Record<string, unknown>> = {};
  const sorted = [...operations].sort((a, b) => cmp(a.path, b.path) || methodOrder.indexOf(a.method) - methodOrder.indexOf(b.method));
  for (const op of sorted) {
    const item = (paths[op.path] ??= {});
    item[op.method] = operationObject(op);
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
    paths,
    components: {
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
  return doc as unknown as OpenAPIV3_1.Document;
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

function operationObject(op: OperationNode): Record<string, unknown> {
  const object: Record<string, unknown> = { operationId: op.operationId, summary: op.summary };
  if (op.description) object.description = op.description;
  if (op.parameters.length > 0) object.parameters = sortParameters(op.parameters).map(parameterObject);
  if (op.requestBody) object.requestBody = requestBodyObject(op.requestBody);
  object.responses = Object.fromEntries(op.responses.map((r) => [r.status, responseObject(r)]));
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
  const required = (body.schema.properties ?? []).some((f) => f.required);
  return { required, content: { [body.mediaType]: mediaTypeObject(body) }, "x-docs2ts-source": { ...body.source } };
}

function responseObject(response: ResponseNode): Record<string, unknown> {
  const object: Record<string, unknown> = { description: response.description };
  if (response.body) object.content = { [response.body.mediaType]: mediaTypeObject(response.body) };
  return object;
}

function mediaTypeObject(body: BodyNode): Record<string, unknown> {
  const object: Record<string, unknown> = { schema: toSchema(body.schema) };
  if (body.examples.length > 0) {
    object.examples = Object.fromEntries(
      body.examples.map((e) => [e.name, e.summary ? { summary: e.summary, value: e.value } : { value: e.value }]),
    );
  }
  return object;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The bytes written to specs/: two-space JSON and a final newline. */
export function serializeDocument(doc: unknown): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
