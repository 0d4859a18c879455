// The structural comparison every drift rule reads. Both specs are walked once, here:
// operations are matched by method + path template (path parameter names ignored for matching),
// then by operationId for an operation whose path or method changed; parameters by name + in
// (then by name alone, to see a location change); request and response schemas recursively,
// with `$ref` resolved on each side against its own spec and `allOf` flattened.
// Rules are pure functions over the result (drift/rules/*.ts).
//
// Ignored on purpose: `x-docs2ts-source` and every other key not read below (provenance,
// examples, titles), so only the contract is compared.

import {
  asObject,
  asString,
  isObject,
  listOperations,
  resolveRef,
  type JsonObject,
  type OperationRef,
} from "./spec.ts";

export type Direction = "request" | "response";
export type Scope = "parameter" | "body";

/** Two schema nodes found at the same place in both specs. */
export interface SchemaPair {
  direction: Direction;
  scope: Scope;
  /** "request.body", "response 200" or "parameter query limit". */
  root: string;
  /** Property path below the root: "" for the root itself, "backup.name", "flavors[].availability_zone". */
  path: string;
  /** root + " " + path: what findings show. */
  location: string;
  old: JsonObject;
  new: JsonObject;
  /** Set when the node is an object property: whether its parent lists it in `required`. */
  required?: { old: boolean; new: boolean };
}

/** A property present on one side only. Its children are not walked: one change, one finding. */
export interface PropertyDelta {
  direction: Direction;
  scope: Scope;
  root: string;
  path: string;
  location: string;
  /** The property's schema on the side where it exists. */
  schema: JsonObject;
  /** Required on the side where it exists. */
  required: boolean;
  /** Whether the parent schema in the new spec accepts unknown properties (no `additionalProperties: false`). */
  parentOpen: boolean;
}

export interface Parameter {
  name: string;
  in: string;
  required: boolean;
  description?: string;
  schema: JsonObject;
  /** "parameter query limit" */
  location: string;
}

export interface DescriptionChange {
  location: string;
  old?: string;
  new?: string;
}

export interface OperationSide {
  method: string;
  path: string;
  operationId?: string;
  operation: JsonObject;
}

export interface OperationComparison {
  /** The operation as it is now (new method and path when it moved). */
  method: string;
  path: string;
  old: OperationSide;
  new: OperationSide;
  /** Matched by operationId because its path template or method changed. */
  moved: boolean;
  parameterPairs: { old: Parameter; new: Parameter }[];
  addedParameters: Parameter[];
  removedParameters: Parameter[];
  /** Same name, different `in`; also listed in parameterPairs. */
  relocatedParameters: { old: Parameter; new: Parameter }[];
  addedStatuses: string[];
  removedStatuses: string[];
  schemaPairs: SchemaPair[];
  addedProperties: PropertyDelta[];
  removedProperties: PropertyDelta[];
  descriptionChanges: DescriptionChange[];
}

export interface SpecComparison {
  service: string;
  operations: OperationComparison[];
  addedOperations: OperationRef[];
  removedOperations: OperationRef[];
}

export function compareSpecs(oldSpec: JsonObject, newSpec: JsonObject, service: string): SpecComparison {
  const oldOps = listOperations(oldSpec);
  const newOps = listOperations(newSpec);
  const newByKey = new Map(newOps.map((op) => [operationKey(op), op]));
  const matchedNew = new Set<OperationRef>();
  const pairs: [OperationRef, OperationRef, boolean][] = [];
  const unmatchedOld: OperationRef[] = [];

  for (const op of oldOps) {
    const twin = newByKey.get(operationKey(op));
    if (twin && !matchedNew.has(twin)) {
      matchedNew.add(twin);
      pairs.push([op, twin, false]);
    } else {
      unmatchedOld.push(op);
    }
  }
  const removedOperations: OperationRef[] = [];
  for (const op of unmatchedOld) {
    const twin = op.operationId
      ? newOps.find((candidate) => !matchedNew.has(candidate) && candidate.operationId === op.operationId)
      : undefined;
    if (twin) {
      matchedNew.add(twin);
      pairs.push([op, twin, true]);
    } else {
      removedOperations.push(op);
    }
  }
  const addedOperations = newOps.filter((op) => !matchedNew.has(op));
  const operations = pairs.map(([o, n, moved]) => compareOperation(oldSpec, newSpec, o, n, moved));
  return { service, operations, addedOperations, removedOperations };
}

/** Method + path template with parameter names blanked: `/a/{id}` and `/a/{instance_id}` are one route. */
function operationKey(op: OperationRef): string {
  return `${op.method} ${op.path.replace(/\{[^}]*\}/g, "{}")}`;
}

function side(op: OperationRef): OperationSide {
  return {
    method: op.method,
    path: op.path,
    operation: op.operation,
    ...(op.operationId ? { operationId: op.operationId } : {}),
  };
}

interface Walk {
  oldSpec: JsonObject;
  newSpec: JsonObject;
  direction: Direction;
  scope: Scope;
  root: string;
  out: OperationComparison;
  oldRefs: readonly string[];
  newRefs: readonly string[];
}

function compareOperation(
  oldSpec: JsonObject,
  newSpec: JsonObject,
  oldOp: OperationRef,
  newOp: OperationRef,
  moved: boolean,
): OperationComparison {
  const out: OperationComparison = {
    method: newOp.method,
    path: newOp.path,
    old: side(oldOp),
    new: side(newOp),
    moved,
    parameterPairs: [],
    addedParameters: [],
    removedParameters: [],
    relocatedParameters: [],
    addedStatuses: [],
    removedStatuses: [],
    schemaPairs: [],
    addedProperties: [],
    removedProperties: [],
    descriptionChanges: [],
  };
  const o = oldOp.operation;
  const n = newOp.operation;
  noteDescription(out, "operation.summary", o["summary"], n["summary"]);
  noteDescription(out, "operation.description", o["description"], n["description"]);

  compareParameters(oldSpec, newSpec, oldOp, newOp, out);

  // Request body
  const oldBody = asObject(resolveRef(oldSpec, o["requestBody"]));
  const newBody = asObject(resolveRef(newSpec, n["requestBody"]));
  if (isObject(o["requestBody"]) && isObject(n["requestBody"])) {
    noteDescription(out, "request.body", oldBody["description"], newBody["description"]);
  }
  compareBodies(oldSpec, newSpec, out, "request", "request.body", mediaSchema(oldBody), mediaSchema(newBody));

  // Responses
  const oldResponses = asObject(o["responses"]);
  const newResponses = asObject(n["responses"]);
  const statuses = [...new Set([...Object.keys(oldResponses), ...Object.keys(newResponses)])].sort();
  for (const status of statuses) {
    const inOld = Object.hasOwn(oldResponses, status);
    const inNew = Object.hasOwn(newResponses, status);
    if (!inNew) {
      out.removedStatuses.push(status);
      continue;
    }
    if (!inOld) {
      out.addedStatuses.push(status);
      continue;
    }
    const oldResponse = asObject(resolveRef(oldSpec, oldResponses[status]));
    const newResponse = asObject(resolveRef(newSpec, newResponses[status]));
    const root = `response ${status}`;
    noteDescription(out, root, oldResponse["description"], newResponse["description"]);
    compareBodies(oldSpec, newSpec, out, "response", root, mediaSchema(oldResponse), mediaSchema(newResponse));
  }
  return out;
}

function compareParameters(
  oldSpec: JsonObject,
  newSpec: JsonObject,
  oldOp: OperationRef,
  newOp: OperationRef,
  out: OperationComparison,
): void {
  const oldParams = collectParameters(oldSpec, oldOp);
  const newParams = collectParameters(newSpec, newOp);
  const removed: Parameter[] = [];
  for (const [key, param] of oldParams) {
    const twin = newParams.get(key);
    if (twin) out.parameterPairs.push({ old: param, new: twin });
    else removed.push(param);
  }
  const added = [...newParams].filter(([key]) => !oldParams.has(key)).map(([, p]) => p);
  for (const param of removed) {
    const twin = added.find((candidate) => candidate.name === param.name);
    if (twin) {
      added.splice(added.indexOf(twin), 1);
      out.relocatedParameters.push({ old: param, new: twin });
      out.parameterPairs.push({ old: param, new: twin });
    } else {
      out.removedParameters.push(param);
    }
  }
  out.addedParameters.push(...added);
  for (const pair of out.parameterPairs) {
    noteDescription(out, pair.new.location, pair.old.description, pair.new.description);
    walkSchema(
      {
        oldSpec,
        newSpec,
        direction: "request",
        scope: "parameter",
        root: pair.new.location,
        out,
        oldRefs: [],
        newRefs: [],
      },
      pair.old.schema,
      pair.new.schema,
      "",
      undefined,
    );
  }
}

/** Parameters by "in name" (header names case-insensitive); operation-level ones override path-level ones. */
function collectParameters(spec: JsonObject, op: OperationRef): Map<string, Parameter> {
  const params = new Map<string, Parameter>();
  const own = Array.isArray(op.operation["parameters"]) ? op.operation["parameters"] : [];
  for (const raw of [...op.pathParameters, ...own]) {
    const p = asObject(resolveRef(spec, raw));
    const name = asString(p["name"]);
    const location = asString(p["in"]);
    if (!name || !location) continue;
    const description = asString(p["description"]);
    const param: Parameter = {
      name,
      in: location,
      required: location === "path" || p["required"] === true,
      schema: normalizeSchema(spec, p["schema"]).schema,
      location: `parameter ${location} ${name}`,
      ...(description !== undefined ? { description } : {}),
    };
    params.set(`${location} ${location === "header" ? name.toLowerCase() : name}`, param);
  }
  return new Map([...params].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The JSON body schema of a request body or response: application/json, else the first media type. */
function mediaSchema(holder: JsonObject): unknown {
  const content = asObject(holder["content"]);
  const media = content["application/json"] ?? content[Object.keys(content).sort()[0] ?? ""];
  return isObject(media) ? media["schema"] : undefined;
}

function compareBodies(
  oldSpec: JsonObject,
  newSpec: JsonObject,
  out: OperationComparison,
  direction: Direction,
  root: string,
  oldRaw: unknown,
  newRaw: unknown,
): void {
  if (!isObject(oldRaw) && !isObject(newRaw)) return;
  // A body that appears or disappears is compared with an empty one of the same type, so the
  // change shows as properties added or removed, not as a type change.
  const oldSchema = isObject(oldRaw) ? oldRaw : emptyLike(newSpec, newRaw);
  const newSchema = isObject(newRaw) ? newRaw : emptyLike(oldSpec, oldRaw);
  walkSchema(
    { oldSpec, newSpec, direction, scope: "body", root, out, oldRefs: [], newRefs: [] },
    oldSchema,
    newSchema,
    "",
    undefined,
  );
}

function emptyLike(spec: JsonObject, raw: unknown): JsonObject {
  const { schema } = normalizeSchema(spec, raw);
  return schema["type"] !== undefined ? { type: schema["type"] } : {};
}

function walkSchema(
  walk: Walk,
  oldRaw: unknown,
  newRaw: unknown,
  path: string,
  required: { old: boolean; new: boolean } | undefined,
): void {
  const o = normalizeSchema(walk.oldSpec, oldRaw);
  const n = normalizeSchema(walk.newSpec, newRaw);
  const location = locate(walk.root, path);
  walk.out.schemaPairs.push({
    direction: walk.direction,
    scope: walk.scope,
    root: walk.root,
    path,
    location,
    old: o.schema,
    new: n.schema,
    ...(required ? { required } : {}),
  });
  noteDescription(walk.out, location, o.schema["description"], n.schema["description"]);

  // A recursive schema is walked once per branch: stop when either side re-enters a $ref.
  if (o.refs.some((r) => walk.oldRefs.includes(r)) || n.refs.some((r) => walk.newRefs.includes(r))) return;
  const inner: Walk = { ...walk, oldRefs: [...walk.oldRefs, ...o.refs], newRefs: [...walk.newRefs, ...n.refs] };

  const oldProps = asObject(o.schema["properties"]);
  const newProps = asObject(n.schema["properties"]);
  const oldRequired = requiredSet(o.schema);
  const newRequired = requiredSet(n.schema);
  const parentOpen = isOpen(n.schema);
  const names = [...new Set([...Object.keys(oldProps), ...Object.keys(newProps)])].sort();
  for (const name of names) {
    const childPath = path === "" ? name : `${path}.${name}`;
    const inOld = Object.hasOwn(oldProps, name);
    const inNew = Object.hasOwn(newProps, name);
    if (inOld && inNew) {
      walkSchema(inner, oldProps[name], newProps[name], childPath, {
        old: oldRequired.has(name),
        new: newRequired.has(name),
      });
      continue;
    }
    const delta: PropertyDelta = {
      direction: walk.direction,
      scope: walk.scope,
      root: walk.root,
      path: childPath,
      location: locate(walk.root, childPath),
      schema: inNew
        ? normalizeSchema(walk.newSpec, newProps[name]).schema
        : normalizeSchema(walk.oldSpec, oldProps[name]).schema,
      required: inNew ? newRequired.has(name) : oldRequired.has(name),
      parentOpen,
    };
    (inNew ? walk.out.addedProperties : walk.out.removedProperties).push(delta);
  }

  if (isObject(o.schema["items"]) && isObject(n.schema["items"])) {
    walkSchema(inner, o.schema["items"], n.schema["items"], `${path}[]`, undefined);
  }
  const oldExtra = o.schema["additionalProperties"];
  const newExtra = n.schema["additionalProperties"];
  if (isObject(oldExtra) && isObject(newExtra)) {
    walkSchema(inner, oldExtra, newExtra, `${path}{}`, undefined);
  }
  for (const keyword of ["oneOf", "anyOf"] as const) {
    const oldVariants = o.schema[keyword];
    const newVariants = n.schema[keyword];
    if (!Array.isArray(oldVariants) || !Array.isArray(newVariants)) continue;
    for (const [label, oldVariant, newVariant] of matchVariants(walk, oldVariants, newVariants)) {
      const variantPath = `${path === "" ? "" : `${path}.`}${keyword}[${label}]`;
      walkSchema(inner, oldVariant, newVariant, variantPath, undefined);
    }
  }
}

/** Variants are matched by `title` (the scraper titles them), else by position. */
function matchVariants(walk: Walk, oldVariants: unknown[], newVariants: unknown[]): [string, unknown, unknown][] {
  const title = (spec: JsonObject, v: unknown) => asString(normalizeSchema(spec, v).schema["title"]);
  const newByTitle = new Map<string, unknown>();
  for (const v of newVariants) {
    const t = title(walk.newSpec, v);
    if (t !== undefined && !newByTitle.has(t)) newByTitle.set(t, v);
  }
  const matched: [string, unknown, unknown][] = [];
  oldVariants.forEach((v, index) => {
    const t = title(walk.oldSpec, v);
    if (t !== undefined) {
      if (newByTitle.has(t)) matched.push([t, v, newByTitle.get(t)]);
    } else if (index < newVariants.length && title(walk.newSpec, newVariants[index]) === undefined) {
      matched.push([String(index), v, newVariants[index]]);
    }
  });
  return matched;
}

function locate(root: string, path: string): string {
  return path === "" ? root : `${root} ${path}`;
}

function requiredSet(schema: JsonObject): Set<string> {
  const required = schema["required"];
  return new Set(Array.isArray(required) ? required.filter((r): r is string => typeof r === "string") : []);
}

/** The scraper writes `additionalProperties: false` only when the docs say the object is closed. */
export function isOpen(schema: JsonObject): boolean {
  return schema["additionalProperties"] !== false && schema["unevaluatedProperties"] !== false;
}

/** Resolves `$ref`s and flattens `allOf`, remembering which refs were followed (for cycle detection). */
function normalizeSchema(spec: JsonObject, raw: unknown): { schema: JsonObject; refs: string[] } {
  const refs: string[] = [];
  const resolve = (value: unknown, depth: number): JsonObject => {
    let node = value;
    if (isObject(node) && typeof node["$ref"] === "string") {
      refs.push(node["$ref"]);
      node = resolveRef(spec, node);
    }
    const schema = asObject(node);
    const allOf = schema["allOf"];
    if (!Array.isArray(allOf) || depth > 16) return schema;
    const { allOf: _allOf, ...rest } = schema;
    let merged: JsonObject = { ...rest };
    for (const member of allOf) merged = mergeAllOfMember(merged, resolve(member, depth + 1));
    return merged;
  };
  return { schema: resolve(raw, 0), refs };
}

function mergeAllOfMember(into: JsonObject, member: JsonObject): JsonObject {
  const merged: JsonObject = { ...member, ...into };
  if (isObject(into["properties"]) || isObject(member["properties"])) {
    merged["properties"] = { ...asObject(member["properties"]), ...asObject(into["properties"]) };
  }
  const required = [...requiredSet(into), ...requiredSet(member)];
  if (required.length > 0) merged["required"] = [...new Set(required)];
  if (into["additionalProperties"] === false || member["additionalProperties"] === false) {
    merged["additionalProperties"] = false;
  }
  return merged;
}

function normalizeText(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const text = value.replace(/\s+/g, " ").trim();
  return text === "" ? undefined : text;
}

/** Whitespace-only edits are not changes. */
function noteDescription(out: OperationComparison, location: string, oldValue: unknown, newValue: unknown): void {
  const o = normalizeText(oldValue);
  const n = normalizeText(newValue);
  if (o === n) return;
  if (out.descriptionChanges.some((c) => c.location === location)) return;
  out.descriptionChanges.push({
    location,
    ...(o !== undefined ? { old: o } : {}),
    ...(n !== undefined ? { new: n } : {}),
  });
}
