// Spec -> package model. Every name, file and cross-reference of the package is settled here,
// before anything is printed (the @hey-api planner idea). The emitters only read this model.

import { camelName, fileStem, NameAllocator, pascalName } from "./names.ts";
import { collectRefs, sourceOf, toSchemaIR, type SchemaIR, type SchemaContext } from "./schema-ir.ts";
import {
  GenerateError,
  hasOwn,
  httpMethods,
  isRecord,
  pointer,
  pointerToken,
  resolveLocalRef,
  type JsonSchema,
  type JsonValue,
  type MediaTypeObject,
  type OpenApiDocument,
  type OperationObject,
  type ParameterObject,
  type RequestBodyObject,
  type ResponseObject,
  type SourceRef,
} from "./spec.ts";

export type HttpMethod = "GET" | "PUT" | "POST" | "DELETE" | "OPTIONS" | "HEAD" | "PATCH" | "TRACE";

/** A schema that gets its own type, validator and type guard. */
export interface Unit {
  typeName: string;
  /** Internal recursive checker `check_<TypeName>(value, path, errors, ctx)`. */
  checkName: string;
  validateName: string;
  guardName: string;
  schema: SchemaIR;
  /** The schema as written in the spec ($refs point at #/components/schemas). */
  jsonSchema: JsonSchema;
  /** Response side: enums are open (known values plus any string), unknown values warn. */
  lenient: boolean;
  /** One-line role shown first in the JSDoc ("Request body of `createManualBackup`."). */
  role: string;
  /** Module defining the unit: "schemas" or the operation's file stem. */
  module: string;
  /** Key in `components.schemas`, for component units. */
  componentKey?: string;
}

export interface ParamModel {
  name: string;
  in: "path" | "query" | "header";
  required: boolean;
}

export interface ResponseModel {
  /** "200", "404", "default". */
  status: string;
  success: boolean;
  description?: string;
  /** Set when the response has a JSON body. */
  unit?: Unit;
  /** Content present but not JSON (returned as text, not validated). */
  nonJson?: boolean;
}

export interface PaginationModel {
  kind: "offset" | "marker";
  pagesName: string;
  cursorParam: string;
  limitParam: string;
  itemsKey?: string;
  totalKey?: string;
  nextMarkerKey?: string;
  itemIdKey?: string;
}

export interface OperationModel {
  operationId: string;
  method: HttpMethod;
  path: string;
  pointer: string;
  functionName: string;
  fileStem: string;
  requestTypeName: string;
  requestValidateName: string;
  requestGuardName: string;
  requestCheckName: string;
  responseTypeName: string;
  errorTypeName: string;
  errorGuardName: string;
  summary?: string;
  description?: string;
  tags: string[];
  deprecated: boolean;
  source?: SourceRef;
  params: ParamModel[];
  pathUnit?: Unit;
  queryUnit?: Unit;
  headersUnit?: Unit;
  bodyUnit?: Unit;
  bodyRequired: boolean;
  /** First documented request body example. */
  bodyExample?: JsonValue;
  responses: ResponseModel[];
  pagination?: PaginationModel;
  /** The path parameter the client's default `projectId` fills ("project_id"). */
  projectIdParam?: string;
}

export interface PackageModel {
  service: string;
  packageName: string;
  version: string;
  title: string;
  description?: string;
  /** Spec path relative to the repository root, with "/" separators (for headers). */
  specPath: string;
  factoryName: string;
  clientTypeName: string;
  defaultEndpoint?: string;
  components: Unit[];
  operations: OperationModel[];
}

export interface PlanOptions {
  service: string;
  scope: string;
  version?: string;
  title?: string;
  specPath: string;
  /** Names the runtime exports; generated public names must avoid them. */
  reservedNames?: Iterable<string>;
}

const projectIdParamName = "project_id";

export function planPackage(doc: OpenApiDocument, options: PlanOptions): PackageModel {
  const file = options.specPath;
  if (!isRecord(doc) || typeof doc.openapi !== "string" || !doc.openapi.startsWith("3.1")) {
    throw new GenerateError("not an OpenAPI 3.1 document", file, "");
  }
  if (!isRecord(doc.info)) throw new GenerateError("info is missing", file, "/info");
  const componentSchemas: Record<string, JsonSchema> = isRecord(doc.components?.schemas) ? doc.components.schemas : {};
  const componentKeys = Object.keys(componentSchemas).sort();
  const schemaCtx: SchemaContext = { file, componentKeys: new Set(componentKeys) };

  const names = NameAllocator.forPublicNames(options.reservedNames);
  const servicePascal = pascalName(options.service, "Service");
  const factory = names.claim(servicePascal, (b) => ({ factory: `create${b}Client`, client: `${b}Client` }));

  // Components: IR first (refs must resolve), names in key order.
  const componentIR = new Map<string, SchemaIR>();
  for (const key of componentKeys) {
    componentIR.set(key, toSchemaIR(componentSchemas[key], pointer("components", "schemas", key), schemaCtx));
  }
  const componentUnits = new Map<string, Unit>();
  for (const key of componentKeys) {
    const claimed = names.claim(pascalName(key), (b) => ({ type: b, validate: `validate${b}`, guard: `is${b}` }));
    componentUnits.set(key, {
      typeName: claimed.names.type,
      checkName: `check_${claimed.names.type}`,
      validateName: claimed.names.validate,
      guardName: claimed.names.guard,
      schema: componentIR.get(key)!,
      jsonSchema: componentSchemas[key]!,
      lenient: false,
      role: `Schema \`${key}\` (components.schemas).`,
      module: "schemas",
      componentKey: key,
    });
  }

  // Operations in a total order: operationId, then path, then method.
  const rawOps = collectOperations(doc, file);
  const stems = new NameAllocator({ foldCase: true });
  const operations: OperationModel[] = [];
  const requestRoots = new Set<string>();
  const responseRoots = new Set<string>();
  for (const raw of rawOps) {
    const op = planOperation(doc, raw, { file, schemaCtx, names, stems, componentIR, componentUnits });
    for (const unit of [op.pathUnit, op.queryUnit, op.headersUnit, op.bodyUnit]) {
      if (unit) collectRefs(unit.schema, requestRoots);
    }
    for (const r of op.responses) if (r.unit) collectRefs(r.unit.schema, responseRoots);
    operations.push(op);
  }

  // Components reachable from a response get open enums (values the server adds later are fine).
  for (const key of closeOverRefs(responseRoots, componentIR)) {
    const unit = componentUnits.get(key);
    if (unit) unit.lenient = true;
  }

  const info = doc.info;
  const model: PackageModel = {
    service: options.service,
    packageName: `@${options.scope}/${options.service}`,
    version: options.version ?? (typeof info.version === "string" ? info.version : "0.0.0"),
    title: options.title ?? (typeof info.title === "string" ? info.title : options.service),
    specPath: options.specPath,
    factoryName: factory.names.factory,
    clientTypeName: factory.names.client,
    components: componentKeys.map((k) => componentUnits.get(k)!),
    operations,
  };
  if (typeof info.description === "string" && info.description.trim() !== "") model.description = info.description;
  const endpoint = defaultEndpoint(doc);
  if (endpoint !== undefined) model.defaultEndpoint = endpoint;
  return model;
}

interface RawOperation {
  path: string;
  method: HttpMethod;
  op: OperationObject;
  pathParameters: unknown[];
  pointer: string;
  operationId: string;
}

function collectOperations(doc: OpenApiDocument, file: string): RawOperation[] {
  const paths = doc.paths ?? {};
  if (!isRecord(paths)) throw new GenerateError("paths must be an object", file, "/paths");
  const out: RawOperation[] = [];
  const seenIds = new Set<string>();
  for (const path of Object.keys(paths)) {
    const item = paths[path];
    if (!isRecord(item)) throw new GenerateError("path item must be an object", file, pointer("paths", path));
    if (!path.startsWith("/")) throw new GenerateError("path must start with /", file, pointer("paths", path));
    for (const method of httpMethods) {
      if (!hasOwn(item, method)) continue;
      const op = item[method];
      const at = pointer("paths", path, method);
      if (!isRecord(op)) throw new GenerateError("operation must be an object", file, at);
      let operationId = typeof op.operationId === "string" && op.operationId.trim() !== "" ? op.operationId : `${method} ${path}`;
      if (seenIds.has(operationId)) throw new GenerateError(`duplicate operationId ${JSON.stringify(operationId)}`, file, `${at}/operationId`);
      seenIds.add(operationId);
      out.push({
        path,
        method: method.toUpperCase() as HttpMethod,
        op: op as OperationObject,
        pathParameters: Array.isArray(item.parameters) ? item.parameters : [],
        pointer: at,
        operationId,
      });
    }
  }
  return out.sort((a, b) => cmp(a.operationId, b.operationId) || cmp(a.path, b.path) || cmp(a.method, b.method));
}

interface OperationContext {
  file: string;
  schemaCtx: SchemaContext;
  names: NameAllocator;
  stems: NameAllocator;
  componentIR: Map<string, SchemaIR>;
  componentUnits: Map<string, Unit>;
}

function planOperation(doc: OpenApiDocument, raw: RawOperation, ctx: OperationContext): OperationModel {
  const { op } = raw;
  const file = ctx.file;
  const at = raw.pointer;

  // Parameters: path-item level first, overridden by operation level (same name and location).
  const byKey = new Map<string, { param: ParameterObject; at: string }>();
  const addParams = (list: unknown[], base: string) => {
    list.forEach((entry, i) => {
      const pAt = `${base}/${i}`;
      const param = (isRecord(entry) && typeof entry.$ref === "string" ? resolveLocalRef(doc, entry.$ref, file, pAt) : entry) as ParameterObject;
      if (!isRecord(param) || typeof param.name !== "string" || typeof param.in !== "string") {
        throw new GenerateError("parameter needs a name and a location (in)", file, pAt);
      }
      if (param.in !== "path" && param.in !== "query" && param.in !== "header") {
        throw new GenerateError(`unsupported parameter location ${JSON.stringify(param.in)}`, file, `${pAt}/in`);
      }
      byKey.set(`${param.in}\u0000${param.name}`, { param, at: pAt });
    });
  };
  addParams(raw.pathParameters, `${pointer("paths", raw.path)}/parameters`);
  if (op.parameters !== undefined) {
    if (!Array.isArray(op.parameters)) throw new GenerateError("parameters must be an array", file, `${at}/parameters`);
    addParams(op.parameters, `${at}/parameters`);
  }
  const params = [...byKey.values()];
  const templateNames = [...raw.path.matchAll(/\{([^{}]+)\}/g)].map((m) => m[1]!);
  for (const name of templateNames) {
    if (!params.some((p) => p.param.in === "path" && p.param.name === name)) {
      throw new GenerateError(`path template parameter {${name}} is not declared`, file, at);
    }
  }
  for (const { param, at: pAt } of params) {
    if (param.in === "path" && !templateNames.includes(param.name)) {
      throw new GenerateError(`path parameter ${JSON.stringify(param.name)} is not in the path template`, file, pAt);
    }
  }

  // Request body (JSON only).
  let body: { schema: JsonSchema; at: string; required: boolean; description?: string; example?: JsonValue } | undefined;
  if (op.requestBody !== undefined) {
    const rbAt = `${at}/requestBody`;
    const rb = (isRecord(op.requestBody) && typeof op.requestBody.$ref === "string"
      ? resolveLocalRef(doc, op.requestBody.$ref, file, rbAt)
      : op.requestBody) as RequestBodyObject;
    const media = jsonMedia(rb.content);
    if (media === undefined) {
      throw new GenerateError("only application/json request bodies are supported", file, `${rbAt}/content`);
    }
    body = { schema: media.media.schema ?? {}, at: `${rbAt}/content/${pointerToken(media.type)}/schema`, required: rb.required === true };
    if (typeof rb.description === "string") body.description = rb.description;
    const example = firstExample(media.media);
    if (example !== undefined) body.example = example;
  }

  // Responses, in status order ("default" last).
  const responsesRaw = isRecord(op.responses) ? op.responses : {};
  const statuses = Object.keys(responsesRaw)
    .filter((s) => /^[1-5]\d\d$/.test(s) || s === "default")
    .sort((a, b) => (a === "default" ? 1 : b === "default" ? -1 : Number(a) - Number(b)));

  // Names: one claim for everything this operation exports.
  const fnBase = camelName(raw.operationId);
  const paramIn = (where: string) => params.some((p) => p.param.in === where);
  const pagination = detectPagination(raw.method, params.map((p) => p.param));
  const claimed = ctx.names.claim(fnBase, (b) => {
    const B = b.charAt(0).toUpperCase() + b.slice(1);
    const n: Record<string, string> = {
      fn: b,
      request: `${B}Request`,
      validateRequest: `validate${B}Request`,
      isRequest: `is${B}Request`,
      response: `${B}Response`,
      error: `${B}Error`,
      isError: `is${B}Error`,
    };
    for (const [key, suffix] of [["path", "PathParams"], ["query", "QueryParams"], ["header", "Headers"]] as const) {
      if (!paramIn(key)) continue;
      n[`${key}Type`] = `${B}${suffix}`;
      n[`${key}Validate`] = `validate${B}${suffix}`;
      n[`${key}Guard`] = `is${B}${suffix}`;
    }
    if (body) {
      n.bodyType = `${B}RequestBody`;
      n.bodyValidate = `validate${B}RequestBody`;
      n.bodyGuard = `is${B}RequestBody`;
    }
    for (const s of statuses) {
      const suffix = s === "default" ? "Default" : s;
      n[`r${s}Type`] = `${B}Response${suffix}`;
      n[`r${s}Validate`] = `validate${B}Response${suffix}`;
      n[`r${s}Guard`] = `is${B}Response${suffix}`;
    }
    if (pagination) n.pages = `${b}Pages`;
    return n;
  });
  const n = claimed.names;
  const name = (key: string): string => n[key]!;
  const stem = ctx.stems.claimOne(fileStem(claimed.base), "-");
  const role = (what: string) => `${what} of \`${raw.operationId}\`.`;

  const makeUnit = (prefix: string, schema: JsonSchema, ir: SchemaIR, lenient: boolean, roleText: string): Unit => {
    const typeName = name(`${prefix}Type`);
    return {
      typeName,
      checkName: `check_${typeName}`,
      validateName: name(`${prefix}Validate`),
      guardName: name(`${prefix}Guard`),
      schema: ir,
      jsonSchema: schema,
      lenient,
      role: roleText,
      module: stem,
    };
  };
  const irOf = (schema: JsonSchema, schemaAt: string) => toSchemaIR(schema, schemaAt, ctx.schemaCtx);

  const paramModels: ParamModel[] = [];
  const units: Partial<Record<"path" | "query" | "header", Unit>> = {};
  for (const where of ["path", "query", "header"] as const) {
    const group = params.filter((p) => p.param.in === where);
    if (group.length === 0) continue;
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    const propertyIR: SchemaIR["properties"] = [];
    for (const { param, at: pAt } of group) {
      // Path parameters are always required (OpenAPI 3.1 §4.8.12.1).
      const isRequired = where === "path" || param.required === true;
      const schema: JsonSchema = { ...(isRecord(param.schema) ? param.schema : {}) };
      if (typeof param.description === "string") schema.description = param.description;
      if (param.deprecated === true) schema.deprecated = true;
      const source = sourceOf(param["x-docs2ts-source"]);
      if (source !== undefined && !hasOwn(schema, "x-docs2ts-source")) schema["x-docs2ts-source"] = source;
      Object.defineProperty(properties, param.name, { value: schema, enumerable: true, writable: true, configurable: true });
      if (isRequired) required.push(param.name);
      propertyIR.push({ name: param.name, required: isRequired, schema: irOf(schema, `${pAt}/schema`) });
      paramModels.push({ name: param.name, in: where, required: isRequired });
    }
    const groupSchema: JsonSchema = { type: "object", properties, ...(required.length > 0 ? { required } : {}) };
    const groupIR: SchemaIR = { pointer: `${at}/parameters`, types: ["object"], properties: propertyIR, docs: {} };
    const label = where === "path" ? "Path parameters" : where === "query" ? "Query parameters" : "Header parameters";
    const unit = makeUnit(where, groupSchema, groupIR, false, role(label));
    units[where] = unit;
  }

  const responses: ResponseModel[] = [];
  for (const status of statuses) {
    const rAt = `${at}/responses/${status}`;
    const entry = responsesRaw[status];
    const response = (isRecord(entry) && typeof entry.$ref === "string" ? resolveLocalRef(doc, entry.$ref, file, rAt) : entry) as ResponseObject;
    if (!isRecord(response)) throw new GenerateError("response must be an object", file, rAt);
    const model: ResponseModel = { status, success: status.startsWith("2") };
    if (typeof response.description === "string") model.description = response.description;
    const content = isRecord(response.content) ? (response.content as Record<string, MediaTypeObject>) : undefined;
    const media = jsonMedia(content);
    if (media !== undefined) {
      const schema = media.media.schema ?? {};
      model.unit = makeUnit(
        `r${status}`,
        schema,
        irOf(schema, `${rAt}/content/${pointerToken(media.type)}/schema`),
        true,
        role(status === "default" ? "Default response body" : `Response body (HTTP ${status})`),
      );
    } else if (content !== undefined && Object.keys(content).length > 0) {
      model.nonJson = true;
    }
    responses.push(model);
  }

  const model: OperationModel = {
    operationId: raw.operationId,
    method: raw.method,
    path: raw.path,
    pointer: at,
    functionName: name("fn"),
    fileStem: stem,
    requestTypeName: name("request"),
    requestValidateName: name("validateRequest"),
    requestGuardName: name("isRequest"),
    requestCheckName: `check_${name("request")}`,
    responseTypeName: name("response"),
    errorTypeName: name("error"),
    errorGuardName: name("isError"),
    tags: Array.isArray(op.tags) ? op.tags.filter((t): t is string => typeof t === "string") : [],
    deprecated: op.deprecated === true,
    params: paramModels,
    bodyRequired: body?.required ?? false,
    responses,
  };
  if (typeof op.summary === "string") model.summary = op.summary;
  if (typeof op.description === "string") model.description = op.description;
  const source = sourceOf(op["x-docs2ts-source"]);
  if (source !== undefined) model.source = source;
  if (units.path) model.pathUnit = units.path;
  if (units.query) model.queryUnit = units.query;
  if (units.header) model.headersUnit = units.header;
  if (body) {
    model.bodyUnit = makeUnit("body", body.schema, irOf(body.schema, body.at), false, role("Request body"));
    if (body.description !== undefined && body.schema.description === undefined) {
      model.bodyUnit.schema.docs.description = body.description;
    }
    if (body.example !== undefined) model.bodyExample = body.example;
  }
  if (paramModels.some((p) => p.in === "path" && p.name === projectIdParamName)) model.projectIdParam = projectIdParamName;
  if (pagination) {
    const firstSuccess = responses.find((r) => r.success && r.unit);
    model.pagination = { ...pagination, pagesName: name("pages"), ...pageShape(firstSuccess?.unit?.schema, ctx.componentIR) };
  }
  return model;
}

function jsonMedia(content: Record<string, MediaTypeObject> | undefined): { type: string; media: MediaTypeObject } | undefined {
  if (!isRecord(content)) return undefined;
  const types = Object.keys(content);
  const type = types.includes("application/json") ? "application/json" : types.find((t) => /[/+]json\b/i.test(t));
  if (type === undefined) return undefined;
  const media = content[type];
  return isRecord(media) ? { type, media: media as MediaTypeObject } : { type, media: {} };
}

function firstExample(media: MediaTypeObject): JsonValue | undefined {
  if (isRecord(media.examples)) {
    for (const key of Object.keys(media.examples)) {
      const ex = media.examples[key];
      if (isRecord(ex) && hasOwn(ex, "value")) return ex.value as JsonValue;
    }
  }
  return hasOwn(media, "example") ? (media.example as JsonValue) : undefined;
}

function detectPagination(method: HttpMethod, params: ParameterObject[]): Omit<PaginationModel, "pagesName"> | undefined {
  if (method !== "GET") return undefined;
  const query = new Set(params.filter((p) => p.in === "query").map((p) => p.name));
  if (!query.has("limit")) return undefined;
  if (query.has("offset")) return { kind: "offset", cursorParam: "offset", limitParam: "limit" };
  if (query.has("marker")) return { kind: "marker", cursorParam: "marker", limitParam: "limit" };
  return undefined;
}

/** Where a page keeps its items, its total and its next marker (by property name). */
function pageShape(
  schema: SchemaIR | undefined,
  components: Map<string, SchemaIR>,
): Pick<PaginationModel, "itemsKey" | "totalKey" | "nextMarkerKey" | "itemIdKey"> {
  const resolve = (s: SchemaIR | undefined, depth = 0): SchemaIR | undefined =>
    s?.ref !== undefined && depth < 10 ? resolve(components.get(s.ref), depth + 1) : s;
  const page = resolve(schema);
  const props = page?.properties ?? [];
  const out: Pick<PaginationModel, "itemsKey" | "totalKey" | "nextMarkerKey" | "itemIdKey"> = {};
  const arrays = props.filter((p) => resolve(p.schema)?.types?.includes("array"));
  const items = arrays.find((p) => {
    const item = resolve(resolve(p.schema)?.items);
    return item?.types?.includes("object") || item?.properties !== undefined;
  }) ?? arrays[0];
  if (items) {
    out.itemsKey = items.name;
    const itemSchema = resolve(resolve(items.schema)?.items);
    if (itemSchema?.properties?.some((p) => p.name === "id")) out.itemIdKey = "id";
  }
  const total = props.find((p) => ["total_count", "totalCount", "total", "count"].includes(p.name) && resolve(p.schema)?.types?.some((t) => t === "integer" || t === "number"));
  if (total) out.totalKey = total.name;
  const next = props.find((p) => ["next_marker", "nextMarker"].includes(p.name));
  if (next) out.nextMarkerKey = next.name;
  return out;
}

function closeOverRefs(roots: Set<string>, components: Map<string, SchemaIR>): Set<string> {
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const key = stack.pop()!;
    if (seen.has(key)) continue;
    seen.add(key);
    const ir = components.get(key);
    if (ir) for (const next of collectRefs(ir, new Set())) stack.push(next);
  }
  return seen;
}

function defaultEndpoint(doc: OpenApiDocument): string | undefined {
  const server = Array.isArray(doc.servers) ? doc.servers[0] : undefined;
  if (!isRecord(server) || typeof server.url !== "string") return undefined;
  const vars = isRecord(server.variables) ? server.variables : {};
  return server.url.replace(/\{([^{}]+)\}/g, (whole, v: string) => {
    const variable = vars[v];
    return isRecord(variable) && typeof variable.default === "string" ? variable.default : whole;
  });
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
