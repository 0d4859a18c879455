// Differential test: every generated validator against ajv (the reference), on thousands of
// values per schema derived from the schema itself (near-valid values, boundary lengths with
// Chinese and astral characters, values matching the pattern, wrong types, extra keys).
// Compared: the multiset of (JSON Pointer, keyword) errors, with allErrors; response validators
// in strict mode (unknown enum values are errors there, as for ajv).
//
// Known ajv deviation, excluded from generation: a property literally named "__proto__" (ajv
// reports it as additional and skips its schema). Our behaviour for it is asserted directly in
// hostile.test.ts.

import { readdir } from "node:fs/promises";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChecks } from "../../generator/emit-validators.ts";
import { generate, loadModel, type PackageModel } from "../../generator/index.ts";
import type { OperationModel, Unit } from "../../generator/plan.ts";
import type { JsonSchema, OpenApiDocument } from "../../generator/spec.ts";
import { readJson, repoRoot, removeTempRoots, tempRoot } from "./helpers.ts";

afterAll(removeTempRoots);

const numRuns = 2000;
const seed = 20260124;

type Validate = (value: unknown, options?: { strict?: boolean }) => { path: string; keyword: string }[];

interface Target {
  service: string;
  model: PackageModel;
  spec: OpenApiDocument;
  pkg: Record<string, unknown>;
}

const targets: Target[] = [];

beforeAll(async () => {
  // Fixtures, generated fresh (so this test does not depend on the snapshot being current).
  const root = await tempRoot("differential", ["dds-mini", "hostile"]);
  await generate({ rootDir: root });
  for (const service of ["dds-mini", "hostile"]) {
    targets.push({
      service,
      model: await loadModel(root, path.join(root, "specs"), service),
      spec: (await readJson(path.join(root, "specs", `${service}.openapi.json`))) as OpenApiDocument,
      pkg: (await import(path.join(root, "generated", service, "src/index.ts"))) as Record<string, unknown>,
    });
  }
  // Real specs, with their committed packages (generated/ must be current; see generate.test.ts).
  const specsDir = path.join(repoRoot, "specs");
  const real = (await readdir(specsDir).catch(() => [] as string[])).filter((f) => f.endsWith(".openapi.json")).sort();
  for (const file of real) {
    const service = file.slice(0, -".openapi.json".length);
    targets.push({
      service,
      model: await loadModel(repoRoot, specsDir, service),
      spec: (await readJson(path.join(specsDir, file))) as OpenApiDocument,
      pkg: (await import(path.join(repoRoot, "generated", service, "src/index.ts"))) as Record<string, unknown>,
    });
  }
}, 120_000);

// ---- arbitraries derived from a schema ------------------------------------------------------

const chars = ["a", "Z", "0", "_", "-", " ", "名", "称", "备", "份", "😀", "𠀀", "é", "\u2028", '"', "*/", "`"];
const charArb = fc.constantFrom(...chars);
const extraKeys = ["extra", "constructor", "toString", "hasOwnProperty", "名称", "a/b", "~x", "", "valueOf"];

function noProtoKey(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(noProtoKey);
  if (typeof value === "object" && value !== null) {
    return !Object.prototype.hasOwnProperty.call(value, "__proto__") && Object.values(value).every(noProtoKey);
  }
  return true;
}

function setKey(object: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

const junk = fc.jsonValue({ maxDepth: 2 }).filter(noProtoKey);

/**
 * "valid" mode aims at values that satisfy the schema (required keys present, lengths and
 * limits respected, strings from the pattern); "mutate" mode also drops required keys, adds
 * extra keys, crosses boundaries and swaps in values of any type.
 */
type Mode = "valid" | "mutate";

/** Half the values aim to be valid, half are mutated: both sides of every keyword get exercised. */
function rootArb(schema: JsonSchema, spec: OpenApiDocument): fc.Arbitrary<unknown> {
  return fc.oneof(schemaArb(schema, spec, 0, "valid"), schemaArb(schema, spec, 0, "mutate"));
}

function schemaArb(schema: JsonSchema | boolean | undefined, spec: OpenApiDocument, depth: number, mode: Mode): fc.Arbitrary<unknown> {
  if (mode === "valid") return nearValid(schema, spec, depth, mode);
  return fc.oneof({ weight: 12, arbitrary: nearValid(schema, spec, depth, mode) }, { weight: 1, arbitrary: junk });
}

function nearValid(schema: JsonSchema | boolean | undefined, spec: OpenApiDocument, depth: number, mode: Mode): fc.Arbitrary<unknown> {
  if (schema === undefined || typeof schema === "boolean" || depth > 5) return junk;
  if (typeof schema.$ref === "string") {
    const key = schema.$ref.slice("#/components/schemas/".length);
    return schemaArb(spec.components?.schemas?.[key], spec, depth + 1, mode);
  }
  const variants = schema.oneOf ?? schema.anyOf ?? schema.allOf;
  if (variants) return fc.oneof(...variants.map((v) => schemaArb(v, spec, depth + 1, mode)));
  if (Object.prototype.hasOwnProperty.call(schema, "const")) return mode === "valid" ? fc.constant(schema.const) : fc.oneof(fc.constant(schema.const), junk);
  if (schema.enum) {
    const known = fc.constantFrom(...schema.enum);
    return mode === "valid" ? known : fc.oneof({ weight: 4, arbitrary: known }, { weight: 1, arbitrary: stringArb(schema, mode) });
  }
  const types = schema.type === undefined ? inferTypes(schema) : Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.length === 0) return junk;
  return fc.oneof(...types.map((t) => typeArb(t, schema, spec, depth, mode)));
}

function inferTypes(schema: JsonSchema): string[] {
  if (schema.properties || schema.required) return ["object"];
  if (schema.items) return ["array"];
  return [];
}

function stringArb(schema: JsonSchema, mode: Mode): fc.Arbitrary<string> {
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? 12;
  const slack = mode === "valid" ? 0 : 2;
  const options: fc.Arbitrary<string>[] = [
    fc.string({ unit: charArb, minLength: Math.max(0, min - slack), maxLength: Math.min(max + slack, 300) }),
  ];
  if (mode === "mutate") options.push(fc.string({ unit: "binary", maxLength: 10 }));
  if (schema.pattern !== undefined) {
    try {
      const matching = fc.stringMatching(new RegExp(schema.pattern, "u"));
      options.push(matching, matching, matching);
    } catch {
      // Patterns fast-check cannot invert: random strings only.
    }
  }
  return fc.oneof(...options);
}

function numberArb(schema: JsonSchema, integer: boolean, mode: Mode): fc.Arbitrary<number> {
  const bounds = [schema.minimum, schema.maximum, schema.exclusiveMinimum, schema.exclusiveMaximum].filter(
    (b): b is number => typeof b === "number",
  );
  if (mode === "valid") {
    const lo = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1000);
    const hi = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 1000);
    return integer
      ? fc.integer({ min: Math.ceil(lo), max: Math.max(Math.ceil(lo), Math.floor(hi)) })
      : fc.double({ min: lo, max: Math.max(lo, hi), noNaN: true, noDefaultInfinity: true });
  }
  const near = bounds.flatMap((b) => [b - 1, b, b + 1, b - 0.5, b + 0.5]);
  const lo = Math.min(-5, ...bounds) - 3;
  const hi = Math.max(100, ...bounds) + 3;
  return fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) }) },
    { weight: near.length > 0 ? 3 : 0, arbitrary: near.length > 0 ? fc.constantFrom(...near) : fc.constant(0) },
    { weight: integer ? 1 : 3, arbitrary: fc.double({ min: lo, max: hi, noNaN: true }) },
    { weight: 1, arbitrary: fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, -0, 1e21, Infinity, -Infinity, NaN) },
  );
}

function typeArb(type: string, schema: JsonSchema, spec: OpenApiDocument, depth: number, mode: Mode): fc.Arbitrary<unknown> {
  switch (type) {
    case "string":
      return stringArb(schema, mode);
    case "integer":
      return numberArb(schema, true, mode);
    case "number":
      return numberArb(schema, false, mode);
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array": {
      const slack = mode === "valid" ? 0 : 1;
      const minLength = Math.max(0, (schema.minItems ?? 0) - slack);
      return fc.array(schemaArb(schema.items, spec, depth + 1, mode), {
        minLength,
        maxLength: Math.max(minLength, Math.min((schema.maxItems ?? 3) + slack, 5)),
      });
    }
    case "object":
      return objectArb(schema, spec, depth, mode);
    default:
      return junk;
  }
}

function objectArb(schema: JsonSchema, spec: OpenApiDocument, depth: number, mode: Mode): fc.Arbitrary<unknown> {
  const props = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const names = [...new Set([...Object.keys(props), ...required])].filter((n) => n !== "__proto__");
  const entries = names.map((name) =>
    fc.tuple(
      fc.constant(name),
      mode === "valid" && required.has(name)
        ? fc.constant(true)
        : fc.oneof({ weight: required.has(name) ? 12 : 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      schemaArb(props[name], spec, depth + 1, mode),
    ),
  );
  const extras =
    mode === "valid" && schema.additionalProperties === false
      ? fc.constant([] as [string, unknown][])
      : fc.oneof({ weight: 4, arbitrary: fc.constant([] as [string, unknown][]) }, { weight: 1, arbitrary: fc.array(fc.tuple(fc.constantFrom(...extraKeys), junk), { maxLength: 2 }) });
  return fc.tuple(fc.tuple(...entries), extras).map(([present, extra]) => {
    const object: Record<string, unknown> = {};
    for (const [name, include, value] of present as [string, boolean, unknown][]) if (include) setKey(object, name, value);
    for (const [key, value] of extra) if (!Object.prototype.hasOwnProperty.call(object, key)) setKey(object, key, value);
    return object;
  });
}

// ---- the comparison --------------------------------------------------------------------------

function makeAjv() {
  // strictNumbers: NaN and ±Infinity are not JSON numbers (type fails; number keywords do not apply).
  return new Ajv2020({ allErrors: true, ownProperties: true, strict: false, strictNumbers: true, validateFormats: false });
}

function requestSchema(op: OperationModel): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  const parts: [string, Unit | undefined, boolean][] = [
    ["path", op.pathUnit, op.pathUnit !== undefined],
    ["query", op.queryUnit, op.params.some((p) => p.in === "query" && p.required)],
    ["headers", op.headersUnit, op.params.some((p) => p.in === "header" && p.required)],
    ["body", op.bodyUnit, op.bodyRequired],
  ];
  for (const [key, unit, isRequired] of parts) {
    if (!unit) continue;
    properties[key] = unit.jsonSchema;
    if (isRequired) required.push(key);
  }
  return { type: "object", properties, required };
}

interface Case {
  name: string;
  schema: JsonSchema;
  validate: Validate;
  /** The schema constrains nothing: there are no invalid values. */
  acceptsAll: boolean;
}

function casesOf(target: Target): Case[] {
  const fn = (name: string): Validate => {
    const f = target.pkg[name];
    if (typeof f !== "function") throw new Error(`${target.service}: package does not export ${name}`);
    return f as Validate;
  };
  const cases: Case[] = [];
  const units: Unit[] = [...target.model.components];
  for (const op of target.model.operations) {
    units.push(...[op.pathUnit, op.queryUnit, op.headersUnit, op.bodyUnit].filter((u): u is Unit => u !== undefined));
    units.push(...op.responses.map((r) => r.unit).filter((u): u is Unit => u !== undefined));
    cases.push({ name: op.requestValidateName, schema: requestSchema(op), validate: fn(op.requestValidateName), acceptsAll: false });
  }
  for (const unit of units) {
    cases.push({ name: unit.validateName, schema: unit.jsonSchema, validate: fn(unit.validateName), acceptsAll: !hasChecks(unit.schema) });
  }
  return cases;
}

const key = (e: { path?: string; instancePath?: string; keyword: string }) => `${e.path ?? e.instancePath} ${e.keyword}`;

const realServices = (await readdir(path.join(repoRoot, "specs")).catch(() => [] as string[]))
  .filter((f) => f.endsWith(".openapi.json"))
  .map((f) => f.slice(0, -".openapi.json".length))
  .sort();

describe("validators agree with ajv", () => {
  it("covers every unit of every target", () => {
    expect(targets.map((t) => t.service)).toEqual(["dds-mini", "hostile", ...realServices]);
    for (const target of targets) expect(casesOf(target).length).toBeGreaterThan(0);
  });

  it.each(["dds-mini", "hostile", ...realServices])("%s: thousands of generated values per schema, valid and invalid", (service) => {
    const target = targets.find((t) => t.service === service)!;
    const ajv = makeAjv();
    for (const c of casesOf(target)) {
      const reference = ajv.compile({ allOf: [c.schema], components: target.spec.components ?? {} });
      let valid = 0;
      let invalid = 0;
      fc.assert(
        fc.property(rootArb(c.schema, target.spec), (value) => {
          const ours = c.validate(value, { strict: true }).map(key).sort();
          const ok = reference(value);
          const theirs = (reference.errors ?? []).map(key).sort();
          if (ok) valid++;
          else invalid++;
          const want = ok ? [] : theirs;
          // Plain comparison first: expect() on every run is slow; it reports the first mismatch.
          if (ours.join("\n") !== want.join("\n")) expect(ours, `${target.service} ${c.name} ${JSON.stringify(value)}`).toEqual(want);
        }),
        { seed, numRuns },
      );
      // A required "__proto__" key is never generated (see above), so such schemas see no valid value.
      const needsProto = /"required":\[[^\]]*"__proto__"/.test(JSON.stringify(c.schema));
      if (!needsProto) expect(valid, `${target.service} ${c.name}: valid values generated`).toBeGreaterThan(numRuns / 50);
      if (!c.acceptsAll) expect(invalid, `${target.service} ${c.name}: invalid values generated`).toBeGreaterThan(numRuns / 50);
    }
  }, 300_000);
});
