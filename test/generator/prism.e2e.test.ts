// End to end against a spec-driven server: Prism mocks each spec in specs/ (the fixture when
// there are none yet) on 127.0.0.1; every operation is called through the generated client with
// request validation on and strict response validation. Prism must report no request violations
// (`sl-violations` header) and every response must validate. Negative control: an invalid
// request, client validation off, must come back as Prism's 422 (or the documented 400).
//
// Each operation is called twice: with Prism's static response (the spec's example) and with
// `Prefer: dynamic=true` (data generated from the response schema). The dynamic response must
// validate. A static example that contradicts its own schema is a spec problem, not a client
// one: it is listed (console) and fails the test only with DOCS2TS_E2E_STRICT_EXAMPLES=1.

import { spawn, type ChildProcess } from "node:child_process";
import { readdir } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { loadModel, type PackageModel } from "../../generator/index.ts";
import type { OperationModel } from "../../generator/plan.ts";
import { pointerToken, type JsonSchema, type JsonValue, type OpenApiDocument } from "../../generator/spec.ts";
import { readJson, repoRoot } from "./helpers.ts";

const prismBin = path.join(repoRoot, "node_modules/.bin/prism");

interface Target {
  service: string;
  spec: string;
  packageDir: string;
  specsDir: string;
  root: string;
}

const realSpecs = (await readdir(path.join(repoRoot, "specs")).catch(() => [] as string[])).filter((f) => f.endsWith(".openapi.json")).sort();
const targets: Target[] =
  realSpecs.length > 0
    ? realSpecs.map((file) => {
        const service = file.slice(0, -".openapi.json".length);
        return { service, spec: path.join(repoRoot, "specs", file), packageDir: path.join(repoRoot, "generated", service), specsDir: path.join(repoRoot, "specs"), root: repoRoot };
      })
    : [
        {
          service: "dds-mini",
          spec: path.join(repoRoot, "test/fixtures/generator/dds-mini.openapi.json"),
          packageDir: path.join(import.meta.dirname, "__snapshots__/dds-mini"),
          specsDir: path.join(repoRoot, "test/fixtures/generator"),
          root: repoRoot,
        },
      ];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const running: ChildProcess[] = [];

/** Starts `prism mock` in its own process group; resolves once it listens. */
async function startPrism(spec: string): Promise<{ base: string; child: ChildProcess; log: () => string }> {
  const port = await freePort();
  const child = spawn(prismBin, ["mock", "-h", "127.0.0.1", "-p", String(port), spec], {
    cwd: repoRoot,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.push(child);
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`prism did not start within 90 s:\n${output}`)), 90_000);
    const onData = (d: Buffer) => {
      output += d.toString();
      if (output.includes("Prism is listening")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`prism exited with ${code}:\n${output}`));
    });
  });
  return { base: `http://127.0.0.1:${port}`, child, log: () => output };
}

/** Stops Prism and its children: SIGTERM to the process group we created, SIGKILL if needed. */
async function stopPrism(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return;
  }
  const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 5_000));
  if ((await Promise.race([exited, timeout])) === "timeout") {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {
      /* already gone */
    }
    await exited;
  }
}

afterEach(async () => {
  while (running.length > 0) await stopPrism(running.pop()!);
});

// ---- building valid inputs from the spec ----------------------------------------------------

function resolve(schema: JsonSchema | undefined, spec: OpenApiDocument): JsonSchema {
  let current = schema ?? {};
  for (let i = 0; i < 20 && typeof current.$ref === "string"; i++) {
    current = spec.components?.schemas?.[current.$ref.slice("#/components/schemas/".length)] ?? {};
  }
  return current;
}

/** A small value that satisfies the schema (required properties only). */
function sample(raw: JsonSchema | undefined, spec: OpenApiDocument, depth = 0): JsonValue {
  const schema = resolve(raw, spec);
  if (Object.prototype.hasOwnProperty.call(schema, "const")) return schema.const as JsonValue;
  if (schema.enum) return schema.enum[0] as JsonValue;
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants) return sample(variants[0], spec, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type ?? (schema.properties ? "object" : undefined);
  switch (type) {
    case "string": {
      if (schema.format === "date-time" && schema.pattern === undefined) return "2024-01-01T00:00:00Z";
      const min = schema.minLength ?? 1;
      const max = schema.maxLength ?? Math.max(min, 8);
      if (schema.pattern !== undefined) {
        const arb = fc.stringMatching(new RegExp(schema.pattern, "u")).filter((s) => [...s].length >= min && [...s].length <= max);
        return fc.sample(arb, { numRuns: 1, seed: 7 })[0]!;
      }
      return "x".repeat(Math.min(Math.max(min, 3), max));
    }
    case "integer":
    case "number": {
      const low = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? Math.floor(schema.exclusiveMinimum) + 1 : 1);
      return schema.maximum !== undefined ? Math.min(low, schema.maximum) : low;
    }
    case "boolean":
      return true;
    case "null":
      return null;
    case "array":
      return Array.from({ length: schema.minItems ?? 0 }, () => sample(schema.items, spec, depth + 1));
    case "object": {
      const out: { [key: string]: JsonValue } = {};
      for (const name of schema.required ?? []) {
        Object.defineProperty(out, name, { value: sample(schema.properties?.[name], spec, depth + 1), enumerable: true });
      }
      return out;
    }
    default:
      return "x";
  }
}

function inputFor(op: OperationModel, spec: OpenApiDocument, pkg: Record<string, unknown>): { input: Record<string, unknown>; exampleUsed: boolean } {
  const raw = spec.paths?.[op.path]?.[op.method.toLowerCase() as "get"];
  const item = spec.paths?.[op.path];
  const params = [...(item?.parameters ?? []), ...(raw?.parameters ?? [])] as { name: string; in: string; required?: boolean; schema?: JsonSchema }[];
  const groups: Record<string, Record<string, JsonValue>> = {};
  for (const p of op.params) {
    if (!p.required) continue;
    const declared = params.find((d) => d.name === p.name && d.in === p.in);
    const key = p.in === "header" ? "headers" : p.in;
    Object.defineProperty((groups[key] ??= {}), p.name, { value: sample(declared?.schema, spec), enumerable: true });
  }
  const input: Record<string, unknown> = { ...groups };
  let exampleUsed = false;
  if (op.bodyUnit) {
    const validate = pkg[op.bodyUnit.validateName] as (v: unknown) => unknown[];
    if (op.bodyExample !== undefined && validate(op.bodyExample).length === 0) {
      input.body = op.bodyExample;
      exampleUsed = true;
    } else if (op.bodyRequired) {
      input.body = sample(op.bodyUnit.jsonSchema, spec);
    }
  }
  return { input, exampleUsed };
}

/** A required query parameter whose values are objects (or arrays of objects). */
function objectInQuery(op: OperationModel): boolean {
  const unit = op.queryUnit;
  if (!unit) return false;
  return (unit.schema.properties ?? []).some((p) => {
    const t = p.schema.items?.types ?? p.schema.types ?? [];
    return p.required && t.includes("object");
  });
}

// ---- the tests --------------------------------------------------------------------------------

describe.each(targets)("prism mock $service", (target) => {
  it("every operation: no request violations, response validates (strict)", async () => {
    const model: PackageModel = await loadModel(target.root, target.specsDir, target.service);
    const spec = (await readJson(target.spec)) as OpenApiDocument;
    const pkg = (await import(path.join(target.packageDir, "src/index.ts"))) as Record<string, unknown>;
    const prism = await startPrism(target.spec);

    const violations: { url: string; header: string }[] = [];
    const responseViolations: string[] = [];
    const create = pkg[model.factoryName] as (config: unknown) => Record<string, (input?: unknown) => Promise<unknown>>;
    const client = create({
      endpoint: prism.base,
      projectId: "0123456789abcdef0123456789abcdef",
      auth: { token: "prism-token" },
      validation: { request: true, response: "strict" },
      fetch: async (url: string, init: RequestInit) => {
        const response = await fetch(url, init);
        const header = response.headers.get("sl-violations");
        if (header !== null) {
          const list = JSON.parse(header) as { location: string[] }[];
          // Request violations are ours; response violations are Prism checking its own example.
          const request = list.filter((v) => v.location[0] === "request");
          if (request.length > 0) violations.push({ url, header: JSON.stringify(request) });
          if (request.length < list.length) responseViolations.push(url);
        }
        return response;
      },
    });

    const failures: string[] = [];
    const examplesNotValid: string[] = [];
    const responseExamplesNotValid: string[] = [];
    const call = client as unknown as Record<string, (input: unknown, options?: unknown) => Promise<unknown>>;
    const unsendable: string[] = [];
    for (const op of model.operations) {
      if (objectInQuery(op)) {
        // OpenAPI's form style has no serialisation for objects in a query string.
        unsendable.push(op.operationId);
        continue;
      }
      const { input, exampleUsed } = inputFor(op, spec, pkg);
      if (op.bodyExample !== undefined && !exampleUsed) examplesNotValid.push(op.operationId);
      const where = `${op.operationId} (${op.method} ${op.path})`;
      try {
        await call[op.functionName]!(input);
      } catch (error) {
        if ((error as Error).name === "ResponseValidationError") responseExamplesNotValid.push(`${where}: ${(error as Error).message}`);
        else failures.push(`${where}: ${(error as Error).message}`);
      }
      try {
        await call[op.functionName]!(input, { headers: { Prefer: "dynamic=true" } });
      } catch (error) {
        failures.push(`${where} [dynamic]: ${(error as Error).message}`);
      }
    }
    if (responseViolations.length > 0) console.info(`${target.service}: Prism flagged its own (static) response in ${responseViolations.length} calls`);
    if (unsendable.length > 0) console.info(`${target.service}: skipped, object-valued query parameters: ${unsendable.join(", ")}`);
    if (examplesNotValid.length > 0) {
      console.info(`${target.service}: request body examples that do not match their schema (sample used instead): ${examplesNotValid.join(", ")}`);
    }
    if (responseExamplesNotValid.length > 0) {
      console.info(`${target.service}: response examples that do not match their schema:\n${responseExamplesNotValid.join("\n")}`);
      if (process.env.DOCS2TS_E2E_STRICT_EXAMPLES === "1") failures.push(...responseExamplesNotValid);
    }
    expect(failures).toEqual([]);
    expect(violations).toEqual([]);
    await stopPrism(prism.child);
    expect(prism.child.exitCode !== null || prism.child.signalCode !== null).toBe(true);
  }, 300_000);

  it("negative control: an invalid request (client validation off) is rejected by Prism", async () => {
    const model = await loadModel(target.root, target.specsDir, target.service);
    const spec = (await readJson(target.spec)) as OpenApiDocument;
    const pkg = (await import(path.join(target.packageDir, "src/index.ts"))) as Record<string, unknown>;
    const withBody = model.operations.filter((op) => op.bodyUnit && op.bodyRequired);
    const documentedInvalid = (op: OperationModel) => op.responses.some((r) => r.status === "400" || r.status === "422" || r.status === "default");
    const op = withBody.find((o) => !documentedInvalid(o)) ?? withBody[0];
    if (op === undefined) return; // nothing takes a body: no request body to get wrong
    const prism = await startPrism(target.spec);
    const violations: string[] = [];
    const create = pkg[model.factoryName] as (config: unknown) => Record<string, (input?: unknown) => Promise<unknown>>;
    const client = create({
      endpoint: prism.base,
      projectId: "0123456789abcdef0123456789abcdef",
      auth: { token: "prism-token" },
      validation: { request: false },
      fetch: async (url: string, init: RequestInit) => {
        const response = await fetch(url, init);
        violations.push(response.headers.get("sl-violations") ?? "");
        return response;
      },
    });
    const { input } = inputFor(op, spec, pkg);
    const error = (await client[op.functionName]!({ ...input, body: 42 }).catch((e: unknown) => e)) as { name?: string; status?: number; body?: unknown };
    expect(error.name).toBe("ApiError");
    if (documentedInvalid(op)) {
      expect([400, 422]).toContain(error.status);
      expect(violations.join("")).toContain(pointerToken("body"));
    } else {
      expect(error.status).toBe(422);
      expect(JSON.stringify(error.body)).toContain("UNPROCESSABLE_ENTITY");
    }
  }, 300_000);
});
