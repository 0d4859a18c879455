// Validators: our generated validators vs ajv (the same spec schema compiled once, all errors,
// own properties only: the semantics ours have) vs zod (the schemas @hey-api/openapi-ts's zod
// plugin generated from the same spec in the generation section). Inputs: the DDS
// create-manual-backup request body (valid, and invalid three ways) and the largest ELB list
// response with 100 items. Every validator's verdict is checked before anything is timed.
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import { loadModel } from "../generator/index.ts";
import type { JsonSchema, OpenApiDocument } from "../generator/spec.ts";
import * as dds from "../generated/dds/src/index.ts";
import * as elb from "../generated/elb/src/index.ts";
import { genDir } from "./generation.ts";
import { alternate, fmt } from "./measure.ts";
import { rootDir, verdict, type GoalResult, type Row } from "./work.ts";

interface ZodLike {
  safeParse(value: unknown): { success: boolean; error?: { issues: unknown[] } };
}

/** The number of errors a validator reports (0: valid). Timed as is: no allocation of its own. */
type Check = (value: unknown) => number;

interface Case {
  name: string;
  value: unknown;
  valid: boolean;
}

const spec = (service: string) => JSON.parse(readFileSync(path.join(rootDir, "specs", `${service}.openapi.json`), "utf8")) as OpenApiDocument;

function operation(doc: OpenApiDocument, operationId: string): { path: string; method: string; op: Record<string, any> } {
  for (const [p, item] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(item as Record<string, any>)) {
      if (op?.operationId === operationId) return { path: p, method, op };
    }
  }
  throw new Error(`bench: no operation ${operationId}`);
}

/** The GET operation whose 200 body (refs resolved) is largest among those with an array property. */
function largestListResponse(doc: OpenApiDocument): { operationId: string; schema: JsonSchema; itemsKey: string } {
  const components = (doc.components?.schemas ?? {}) as Record<string, JsonSchema>;
  const resolve = (s: unknown, seen: Set<string>): unknown => {
    if (Array.isArray(s)) return s.map((x) => resolve(x, seen));
    if (s === null || typeof s !== "object") return s;
    const ref = (s as { $ref?: string }).$ref;
    if (typeof ref === "string") {
      const key = ref.slice("#/components/schemas/".length);
      return seen.has(key) ? {} : resolve(components[key], new Set([...seen, key]));
    }
    return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, resolve(v, seen)]));
  };
  let best: { operationId: string; schema: JsonSchema; itemsKey: string; size: number } | undefined;
  for (const item of Object.values(doc.paths ?? {})) {
    const op = (item as Record<string, any>).get;
    const schema = op?.responses?.["200"]?.content?.["application/json"]?.schema as JsonSchema | undefined;
    if (!schema) continue;
    const full = resolve(schema, new Set()) as { properties?: Record<string, { type?: unknown }> };
    const itemsKey = Object.entries(full.properties ?? {}).find(([, v]) => v.type === "array")?.[0];
    if (itemsKey === undefined) continue;
    const size = JSON.stringify(full).length;
    if (!best || size > best.size) best = { operationId: op.operationId, schema, itemsKey, size };
  }
  if (!best) throw new Error("bench: no list response in the ELB spec");
  return best;
}

/** A value for every property the schema declares (a full, valid instance; checked with ajv). */
function sample(schema: unknown, doc: OpenApiDocument, depth = 0): unknown {
  const s = schema as Record<string, any>;
  if (typeof s.$ref === "string") return sample(doc.components!.schemas![s.$ref.slice("#/components/schemas/".length)], doc, depth);
  if (Array.isArray(s.enum)) return s.enum[0];
  if ("const" in s) return s.const;
  const type = Array.isArray(s.type) ? s.type.find((t: string) => t !== "null") : s.type;
  if (type === "object" || (type === undefined && s.properties)) {
    const out: Record<string, unknown> = {};
    for (const [key, sub] of Object.entries((s.properties ?? {}) as Record<string, unknown>)) {
      const value = sample(sub, doc, depth + 1);
      if (value !== undefined) out[key] = value;
    }
    return out;
  }
  if (type === "array") return depth > 4 || !s.items ? [] : [sample(s.items, doc, depth + 1), sample(s.items, doc, depth + 1)];
  if (type === "integer" || type === "number") return Math.min(s.maximum ?? Infinity, Math.max(s.minimum ?? 1, 1));
  if (type === "boolean") return true;
  if (type === "string") {
    const candidates = ["2d4c3a4e-1b2c-4d5e-8f90-a1b2c3d4e5f6", "loadbalancer-01", "192.168.0.26", "2019-05-24T02:09:39Z", "ACTIVE", "a1", "x"];
    const fits = (v: string) =>
      [...v].length >= (s.minLength ?? 0) && [...v].length <= (s.maxLength ?? Infinity) && (s.pattern === undefined || new RegExp(s.pattern, "u").test(v));
    return candidates.find(fits) ?? "x".repeat(s.minLength ?? 1);
  }
  return undefined;
}

function calibrated(fn: () => void): { n: number; run: () => void } {
  let n = 1;
  for (;;) {
    const start = performance.now();
    for (let i = 0; i < n; i++) fn();
    if (performance.now() - start > 20 || n >= 1 << 22) break;
    n *= 2;
  }
  return { n, run: () => { for (let i = 0; i < n; i++) fn(); } };
}

export interface ValidatorResult {
  rows: Row[];
  goals: GoalResult[];
}

export async function benchValidators(rounds: number): Promise<ValidatorResult> {
  const ddsSpec = spec("dds");
  const elbSpec = spec("elb");
  const ajvOptions = { allErrors: true, ownProperties: true, strict: false, strictNumbers: true, validateFormats: false } as const;
  const compile = (schema: JsonSchema, doc: OpenApiDocument, options: object = ajvOptions): Check => {
    const validate = new Ajv2020(options).compile({ ...schema, components: doc.components ?? {} });
    return (value) => (validate(value) ? 0 : validate.errors!.length);
  };
  const zodOf = async (service: string, name: string): Promise<Check> => {
    const module = (await import(pathToFileURL(path.join(genDir, "hey-api", service, "zod.gen.ts")).href)) as Record<string, ZodLike>;
    const schema = module[name];
    if (!schema) throw new Error(`bench: hey-api's zod output for ${service} has no ${name}`);
    return (value) => {
      const r = schema.safeParse(value);
      return r.success ? 0 : r.error!.issues.length;
    };
  };

  // DDS create-manual-backup request body.
  const backupBody = operation(ddsSpec, "createManualBackup").op.requestBody.content["application/json"].schema as JsonSchema;
  const validateBody = dds.validateCreateManualBackupRequestBody;
  const ddsContenders: Record<string, Check> = {
    docs2ts: (value) => validateBody(value).length,
    ajv: compile(backupBody, ddsSpec),
    zod: await zodOf("dds", "zCreateManualBackupBody"),
  };
  const instance_id = "43e4feaab48f11e89039fa163ebaa7e4in02";
  const ddsCases: Case[] = [
    { name: "DDS create-backup body, valid", valid: true, value: { backup: { instance_id, name: "nightly-backup-01", description: "每日凌晨的手动备份" } } },
    { name: "DDS create-backup body, wrong type (name: number)", valid: false, value: { backup: { instance_id, name: 20260124 } } },
    { name: "DDS create-backup body, missing required (instance_id)", valid: false, value: { backup: { name: "nightly-backup-01" } } },
    {
      name: "DDS create-backup body, pattern and length (name \"备份名称\", description of 257 Chinese characters)",
      valid: false,
      value: { backup: { instance_id, name: "备份名称", description: "备".repeat(257) } },
    },
  ];

  // The largest ELB list response, 100 items.
  const list = largestListResponse(elbSpec);
  const model = await loadModel(rootDir, path.join(rootDir, "specs"), "elb");
  const unit = model.operations.find((o) => o.operationId === list.operationId)!.responses.find((r) => r.status === "200")!.unit!;
  const ours = (elb as unknown as Record<string, (v: unknown) => unknown[]>)[unit.validateName]!;
  const pascal = list.operationId[0]!.toUpperCase() + list.operationId.slice(1);
  const elbContenders: Record<string, Check> = {
    docs2ts: (value) => ours(value).length,
    ajv: compile(list.schema, elbSpec),
    zod: await zodOf("elb", `z${pascal}Response`),
  };
  const page = sample(list.schema, elbSpec) as Record<string, unknown>;
  const item = (page[list.itemsKey] as unknown[])[0] as Record<string, unknown>;
  page[list.itemsKey] = Array.from({ length: 100 }, (_, i) => ({ ...structuredClone(item), id: `2d4c3a4e-1b2c-4d5e-8f90-${String(i).padStart(12, "0")}` }));
  const elbCases: Case[] = [{ name: `ELB ${list.operationId} 200 response, 100 items (largest list response)`, valid: true, value: page }];

  const rows: Row[] = [];
  const goals: GoalResult[] = [];
  const defaultAjv: Record<string, Check> = {
    dds: compile(backupBody, ddsSpec, { strict: false, validateFormats: false }),
    elb: compile(list.schema, elbSpec, { strict: false, validateFormats: false }),
  };
  for (const [service, cases, contenders] of [["dds", ddsCases, ddsContenders], ["elb", elbCases, elbContenders]] as const) {
    for (const c of cases) {
      const verdicts = Object.entries(contenders).map(([name, check]) => [name, check(c.value)] as const);
      for (const [name, errors] of verdicts) {
        if ((errors === 0) !== c.valid) throw new Error(`bench: ${name} says ${errors === 0 ? "valid" : "invalid"} for "${c.name}"`);
      }
      let sink = 0;
      const timed = Object.fromEntries(
        Object.entries(contenders).map(([name, check]) => [name, calibrated(() => (sink += check(c.value)))] as const),
      );
      const ms = alternate(Object.fromEntries(Object.entries(timed).map(([name, t]) => [name, t.run])), rounds);
      const opsPerSecond = (name: string) => (timed[name]!.n / ms[name]!) * 1000;
      const ajvOps = opsPerSecond("ajv");
      const errors = c.valid ? "" : ` (errors reported: ${verdicts.map(([n, count]) => `${n} ${count}`).join(", ")})`;
      const met = opsPerSecond("docs2ts") >= ajvOps;
      rows.push([`validate ${c.name}: docs2ts${errors}`, `${fmt(opsPerSecond("docs2ts"), 0)} ops/s`, `${fmt(opsPerSecond("docs2ts") / ajvOps, 2)}x ajv`, verdict(met, "goal >= ajv")]);
      rows.push([`validate ${c.name}: ajv (allErrors, ownProperties)`, `${fmt(ajvOps, 0)} ops/s`, "1.00x ajv", ""]);
      rows.push([`validate ${c.name}: zod (hey-api's zod plugin)`, `${fmt(opsPerSecond("zod"), 0)} ops/s`, `${fmt(opsPerSecond("zod") / ajvOps, 2)}x ajv`, ""]);
      if (c.valid) {
        // For reference: ajv with its defaults (stops at the first error, reads inherited properties).
        const check = defaultAjv[service]!;
        const t = calibrated(() => (sink += check(c.value)));
        const ref = alternate({ ajvDefault: t.run, docs2ts: timed.docs2ts!.run }, rounds);
        const defaultOps = (t.n / ref.ajvDefault!) * 1000;
        rows.push([`validate ${c.name}: ajv with default options (first error only), for reference`, `${fmt(defaultOps, 0)} ops/s`, `docs2ts ${fmt((timed.docs2ts!.n / ref.docs2ts! / defaultOps) * 1000, 2)}x this`, ""]);
      }
      goals.push({ goal: `validator >= ajv: ${c.name}`, met, detail: `${fmt(opsPerSecond("docs2ts") / ajvOps, 2)}x` });
      if (sink === -1) process.stderr.write("");
    }
  }
  return { rows, goals };
}
