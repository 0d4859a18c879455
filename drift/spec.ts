// Loose, defensive access to OpenAPI 3.1 documents as the scraper writes them (and as a human may
// have edited them): the differ must not crash on a half-valid spec, so everything is read through
// guards instead of trusting a static type.

export type JsonObject = { [key: string]: unknown };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function asObject(value: unknown): JsonObject {
  return isObject(value) ? value : {};
}

export function asString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** Lower-case methods of an OpenAPI Path Item, in a fixed order. */
export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

export interface OperationRef {
  method: string;
  path: string;
  operationId?: string;
  operation: JsonObject;
  /** Path-item-level parameters, which apply to every operation of the path. */
  pathParameters: unknown[];
}

export function listOperations(spec: JsonObject): OperationRef[] {
  const out: OperationRef[] = [];
  const paths = asObject(spec["paths"]);
  for (const path of Object.keys(paths).sort()) {
    const item = asObject(resolveRef(spec, paths[path]));
    const pathParameters = Array.isArray(item["parameters"]) ? item["parameters"] : [];
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const operationId = asString(operation["operationId"]);
      out.push({ method, path, operation, pathParameters, ...(operationId ? { operationId } : {}) });
    }
  }
  return out;
}

/** Follows a local `$ref` ("#/components/..."); 3.1 allows siblings next to `$ref`, which win. */
export function resolveRef(spec: JsonObject, value: unknown, seen: Set<string> = new Set()): unknown {
  if (!isObject(value)) return value;
  const ref = value["$ref"];
  if (typeof ref !== "string" || !ref.startsWith("#") || seen.has(ref)) return value;
  const target = getPointer(spec, ref.slice(1));
  if (target === undefined) return value;
  const { $ref: _ref, ...siblings } = value;
  const next = new Set(seen).add(ref);
  const resolved = resolveRef(spec, target, next);
  return isObject(resolved) ? { ...resolved, ...siblings } : resolved;
}

export function getPointer(doc: unknown, pointer: string): unknown {
  if (pointer === "") return doc;
  if (!pointer.startsWith("/")) return undefined;
  let node = doc;
  for (const raw of pointer.slice(1).split("/")) {
    const key = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    if (Array.isArray(node)) node = node[Number(key)];
    else if (isObject(node)) node = node[key];
    else return undefined;
  }
  return node;
}
