// Object tables that several places document identically (everything but provenance) become one
// schema in `components.schemas`, referenced with `$ref`. Names come from the field the object
// hangs off ("backup" -> Backup), so they stay stable when unrelated pages change; the
// component's provenance lists every page and table it was found in.
import type { OpenAPIV3_1 } from "openapi-types";
import { isRecord as isObject, pascalCase } from "../../core/plain-data.ts";

type Json = Record<string, unknown>;

interface Occurrence {
  fieldName: string;
  operationId: string;
  sources: { page: string; section: string }[];
}

interface Candidate {
  key: string;
  occurrences: Occurrence[];
  content: Json;
}

const provenanceKey = "x-docs2ts-source";

export function extractComponents(doc: OpenAPIV3_1.Document): OpenAPIV3_1.Document {
  const candidates = new Map<string, Candidate>();
  forEachOperationSchema(doc, (schema, operationId) => collect(schema, operationId, undefined, candidates));
  const shared = [...candidates.values()].filter((c) => c.occurrences.length >= 2);
  if (shared.length === 0) return doc;
  const names = nameComponents(shared);

  const rewrite = (schema: unknown, isRoot: boolean): unknown => {
    if (!isObject(schema)) return schema;
    const copy: Json = { ...schema };
    if (isObject(copy.properties)) {
      copy.properties = Object.fromEntries(Object.entries(copy.properties).map(([k, v]) => [k, rewrite(v, false)]));
    }
    if (copy.items !== undefined) copy.items = rewrite(copy.items, false);
    if (Array.isArray(copy.oneOf)) copy.oneOf = copy.oneOf.map((v) => rewrite(v, true));
    if (isRoot || !isObject(schema.properties)) return copy;
    const name = names.get(canonicalKey(schema));
    if (!name) return copy;
    const reference: Json = { $ref: `#/components/schemas/${name}` };
    if (typeof schema.description === "string") reference.description = schema.description;
    if (schema[provenanceKey] !== undefined) reference[provenanceKey] = schema[provenanceKey];
    return reference;
  };

  const components: Json = {};
  for (const candidate of shared) {
    const name = names.get(candidate.key)!;
    const { description: _d, [provenanceKey]: _s, ...content } = rewrite(candidate.content, true) as Json;
    const sources = uniqueSources(candidate.occurrences.flatMap((o) => o.sources));
    components[name] = { ...content, [provenanceKey]: sources };
  }

  const result = structuredClone(doc) as unknown as Json;
  forEachOperationSchema(result as unknown as OpenAPIV3_1.Document, (schema, _id, replace) => replace(rewrite(schema, true)));
  const existing = ((result.components as Json | undefined) ?? {}) as Json;
  const schemas = { ...((existing.schemas as Json | undefined) ?? {}), ...components };
  const sortedSchemas = Object.fromEntries(Object.keys(schemas).sort().map((k) => [k, schemas[k]]));
  result.components = { schemas: sortedSchemas, ...Object.fromEntries(Object.entries(existing).filter(([k]) => k !== "schemas")) };
  return result as unknown as OpenAPIV3_1.Document;
}

function collect(schema: unknown, operationId: string, fieldName: string | undefined, into: Map<string, Candidate>): void {
  if (!isObject(schema)) return;
  if (isObject(schema.properties)) {
    for (const [name, property] of Object.entries(schema.properties)) collect(property, operationId, name, into);
    if (fieldName !== undefined) {
      const key = canonicalKey(schema);
      const candidate = into.get(key) ?? { key, occurrences: [], content: schema };
      candidate.occurrences.push({ fieldName, operationId, sources: propertySources(schema) });
      into.set(key, candidate);
    }
  }
  if (schema.items !== undefined) collect(schema.items, operationId, fieldName, into);
  if (Array.isArray(schema.oneOf)) for (const variant of schema.oneOf) collect(variant, operationId, undefined, into);
}

/** The object's members, without provenance and without the words of the row that points at it. */
function canonicalKey(schema: Json): string {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (!isObject(value)) return value;
    return Object.fromEntries(
      Object.keys(value)
        .filter((k) => k !== provenanceKey)
        .sort()
        .map((k) => [k, strip(value[k])]),
    );
  };
  const { description: _d, [provenanceKey]: _s, ...members } = schema;
  return JSON.stringify(strip(members));
}

function propertySources(schema: Json): { page: string; section: string }[] {
  return Object.values(schema.properties as Json)
    .map((p) => (isObject(p) ? p[provenanceKey] : undefined))
    .filter((s): s is { page: string; section: string } => isObject(s) && typeof s.page === "string");
}

function uniqueSources(sources: { page: string; section: string }[]): { page: string; section: string }[] {
  const byKey = new Map(sources.map((s) => [`${s.page}\u0000${s.section}`, { page: s.page, section: s.section }]));
  return [...byKey.keys()].sort().map((k) => byKey.get(k)!);
}

function nameComponents(shared: Candidate[]): Map<string, string> {
  const byBase = new Map<string, Candidate[]>();
  for (const candidate of shared) {
    // Dedicated-API pages caption object tables with the type's name ("Table 7 ListenerRef"): use it.
    const typeNames = candidate.occurrences.flatMap((o) => o.sources.map((s) => captionTypeName(s.section))).filter((n) => n !== undefined);
    const base = typeNames.length > 0 ? mostCommon(typeNames) : pascal(singular(mostCommon(candidate.occurrences.map((o) => o.fieldName))));
    byBase.set(base, [...(byBase.get(base) ?? []), candidate]);
  }
  const names = new Map<string, string>();
  const taken = new Set<string>();
  for (const [base, group] of [...byBase].sort(([a], [b]) => (a < b ? -1 : 1))) {
    // The most used variant keeps the plain name; the others are named after their first operation.
    const ordered = [...group].sort((a, b) => b.occurrences.length - a.occurrences.length || firstUse(a).localeCompare(firstUse(b)) || (a.key < b.key ? -1 : 1));
    ordered.forEach((candidate, i) => {
      let name = i === 0 ? base : `${pascal(firstOperation(candidate))}${base}`;
      if (taken.has(name)) name = `${name}${shortHash(candidate.key)}`;
      taken.add(name);
      names.set(candidate.key, name);
    });
  }
  return names;
}

function captionTypeName(section: string): string | undefined {
  const name = section.replace(/^\s*(?:table|表)\s*\d+\s*/i, "");
  return /^[A-Z][A-Za-z0-9]{1,60}$/.test(name) ? name : undefined;
}

function firstUse(c: Candidate): string {
  return uniqueSources(c.occurrences.flatMap((o) => o.sources))[0]?.page ?? "";
}

function firstOperation(c: Candidate): string {
  return [...c.occurrences.map((o) => o.operationId)].sort()[0] ?? "";
}

function mostCommon(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
}

function singular(word: string): string {
  if (/ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(ss|us)$/.test(word)) return word;
  return word.replace(/s$/, "");
}

function pascal(text: string): string {
  const name = pascalCase(text);
  return /^[A-Za-z]/.test(name) ? name : `Schema${name}`;
}

function shortHash(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36).slice(0, 6);
}

type SchemaVisitor = (schema: unknown, operationId: string, replace: (next: unknown) => void) => void;

function forEachOperationSchema(doc: OpenAPIV3_1.Document, visit: SchemaVisitor): void {
  for (const item of Object.values(doc.paths ?? {})) {
    for (const operation of Object.values(item ?? {}) as Json[]) {
      if (!isObject(operation)) continue;
      const operationId = String(operation.operationId ?? "");
      for (const parameter of (operation.parameters as Json[] | undefined) ?? []) {
        visit(parameter.schema, operationId, (next) => (parameter.schema = next));
      }
      const bodies: Json[] = [];
      const requestBody = operation.requestBody as Json | undefined;
      if (isObject(requestBody?.content)) bodies.push(...(Object.values(requestBody.content) as Json[]));
      for (const response of Object.values((operation.responses as Json | undefined) ?? {}) as Json[]) {
        if (isObject(response?.content)) bodies.push(...(Object.values(response.content) as Json[]));
      }
      for (const media of bodies) visit(media.schema, operationId, (next) => (media.schema = next));
    }
  }
}

