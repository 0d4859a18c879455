// The seed pages' expected results, as the spine issue states them, plus a committed snapshot
// of each extracted spec so any change to extraction shows up as a readable diff.
import { describe, expect, test } from "vitest";
import SwaggerParser from "@apidevtools/swagger-parser";
import { Ajv2020 } from "ajv/dist/2020.js";
import { serializeJson } from "../../core/stable-json.ts";
import { scrapeSeed, seeds, type SeedService } from "./seed-helpers.ts";

/* eslint-disable @typescript-eslint/no-explicit-any */
type AnyObject = any;

function operation(service: SeedService, method: string, path: string): AnyObject {
  const spec = scrapeSeed(service).spec as AnyObject;
  const op = spec.paths?.[path]?.[method];
  expect(op, `${method.toUpperCase()} ${path} in ${Object.keys(spec.paths ?? {}).join(", ")}`).toBeDefined();
  return op;
}

function bodySchema(op: AnyObject): AnyObject {
  return op.requestBody.content["application/json"].schema;
}

function responseSchema(op: AnyObject, status: string): AnyObject {
  return op.responses[status].content["application/json"].schema;
}

function rules(service: SeedService): string[] {
  return scrapeSeed(service).diagnostics.map((d) => d.ruleId);
}

function accepts(pattern: string, value: string): boolean {
  return new RegExp(pattern, "u").test(value);
}

const forbidden = [..."><!\"&'="];

describe.each(seeds)("seed $service", ({ service }) => {
  test("matches the committed spec snapshot", async () => {
    const result = scrapeSeed(service);
    await expect(serializeJson(result.spec)).toMatchFileSnapshot(`../fixtures/seeds/expected/${service}.openapi.json`);
    await expect(serializeJson(result.diagnostics)).toMatchFileSnapshot(`../fixtures/seeds/expected/${service}.diagnostics.json`);
  });

  test("is a valid OpenAPI 3.1 document (swagger-parser)", async () => {
    const spec = structuredClone(scrapeSeed(service).spec);
    await expect(SwaggerParser.validate(spec as never)).resolves.toBeDefined();
  });

  test("every doc example request body validates against the extracted schema (ajv)", () => {
    const spec = scrapeSeed(service).spec as AnyObject;
    const ajv = new Ajv2020({ strict: true, allErrors: true, keywords: ["x-docs2ts-source"] });
    let checked = 0;
    for (const item of Object.values(spec.paths) as AnyObject[]) {
      for (const op of Object.values(item) as AnyObject[]) {
        const media = op.requestBody?.content?.["application/json"];
        if (!media) continue;
        const validate = ajv.compile(media.schema);
        for (const example of Object.values(media.examples ?? {}) as AnyObject[]) {
          expect(validate(example.value), JSON.stringify(validate.errors)).toBe(true);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  test("is byte-identical on every run", () => {
    expect(serializeJson(scrapeSeed(service).spec)).toBe(serializeJson(scrapeSeed(service).spec));
  });
});

describe("taurusdb", () => {
  const op = () => operation("taurusdb", "post", "/mysql/v3/{project_id}/backups/create");

  test("request body: instance_id, name (4-64, letter first), description (<=256, no >!<\"&'=)", () => {
    const body = bodySchema(op());
    expect(Object.keys(body.properties)).toEqual(["instance_id", "name", "description"]);
    expect(body.required).toEqual(["instance_id", "name"]);
    const { name, description } = body.properties;
    expect([name.minLength, name.maxLength]).toEqual([4, 64]);
    expect(accepts(name.pattern, "backup-1_A")).toBe(true);
    expect(accepts(name.pattern, "1backup")).toBe(false);
    expect(accepts(name.pattern, "back up")).toBe(false);
    expect(description.maxLength).toBe(256);
    for (const c of forbidden) expect(accepts(description.pattern, `a${c}b`)).toBe(false);
    expect(accepts(description.pattern, "manual backup (nightly).")).toBe(true);
  });

  test("200 -> backup object with the table's fields, status and type enums", () => {
    const backup = responseSchema(op(), "200").properties.backup;
    expect(backup.type).toBe("object");
    expect(Object.keys(backup.properties)).toEqual(["id", "name", "descriprion", "begin_time", "status", "type", "instance_id"]);
    expect(backup.properties.status.enum).toEqual(["BUILDING", "COMPLETED", "FAILED", "AVAILABLE"]);
    expect(backup.properties.type.enum).toEqual(["manual"]);
  });

  test("400 and 500 -> error_code, error_msg", () => {
    for (const status of ["400", "500"]) {
      expect(Object.keys(responseSchema(op(), status).properties)).toEqual(["error_code", "error_msg"]);
    }
  });

  test("diagnostics: invalid example response JSON, descriprion vs description", () => {
    const diagnostics = scrapeSeed("taurusdb").diagnostics;
    expect(diagnostics.some((d) => d.ruleId === "example-invalid-json")).toBe(true);
    const mismatches = diagnostics.filter((d) => d.ruleId === "example-schema-mismatch").map((d) => d.message);
    expect(mismatches.some((m) => m.includes("backup.description") && m.includes("not in the table"))).toBe(true);
  });

  test("X-Auth-Token is the security scheme, Content-Type the media type", () => {
    const spec = scrapeSeed("taurusdb").spec as AnyObject;
    expect(spec.components.securitySchemes.token).toMatchObject({ type: "apiKey", in: "header", name: "X-Auth-Token" });
    const names = (op().parameters as AnyObject[]).map((p) => `${p.in}:${p.name}`);
    expect(names).toEqual(["path:project_id", "header:X-Language"]);
    expect(Object.keys(op().requestBody.content)).toEqual(["application/json"]);
  });

  test("server default is the example host", () => {
    const spec = scrapeSeed("taurusdb").spec as AnyObject;
    expect(spec.servers[0]).toMatchObject({ url: "https://{endpoint}", variables: { endpoint: { default: "gaussdb-mysql.eu-de.otc.t-systems.com" } } });
  });
});

describe("gaussdb-opengauss", () => {
  const op = () => operation("gaussdb-opengauss", "post", "/v3/{project_id}/backups");

  test("same body fields and constraints", () => {
    const body = bodySchema(op());
    expect(Object.keys(body.properties)).toEqual(["instance_id", "name", "description"]);
    expect(body.required).toEqual(["instance_id", "name"]);
    expect([body.properties.name.minLength, body.properties.name.maxLength]).toEqual([4, 64]);
    expect(accepts(body.properties.name.pattern, "a1-_")).toBe(true);
    expect(body.properties.description.maxLength).toBe(256);
    for (const c of forbidden) expect(accepts(body.properties.description.pattern, c)).toBe(false);
  });

  test("response: backup (7 fields) and job_id; status-code-missing", () => {
    const schema = responseSchema(op(), "200");
    expect(Object.keys(schema.properties)).toEqual(["backup", "job_id"]);
    const backup = schema.properties.backup;
    expect(Object.keys(backup.properties)).toHaveLength(7);
    expect(backup.properties.status.enum).toEqual(["BUILDING", "COMPLETED", "FAILED"]);
    expect(backup.properties.type.enum).toEqual(["manual"]);
    expect(rules("gaussdb-opengauss")).toContain("status-code-missing");
  });
});

describe("rds", () => {
  const op = () => operation("rds", "post", "/v3/{project_id}/backups");

  test("path from the example URL; body adds databases whose item table is missing", () => {
    const body = bodySchema(op());
    expect(Object.keys(body.properties)).toEqual(["instance_id", "name", "description", "databases"]);
    expect(body.properties.databases).toMatchObject({ type: "array", items: { type: "object" } });
    expect(rules("rds")).toContain("table-reference-missing");
  });

  test("response backup with 8 fields; enum-values-missing for status and type; status-code-missing", () => {
    const backup = responseSchema(op(), "200").properties.backup;
    expect(Object.keys(backup.properties)).toHaveLength(8);
    const missing = scrapeSeed("rds").diagnostics.filter((d) => d.ruleId === "enum-values-missing").map((d) => d.message);
    expect(missing.some((m) => m.includes('"status"'))).toBe(true);
    expect(missing.some((m) => m.includes('"type"'))).toBe(true);
    expect(rules("rds")).toContain("status-code-missing");
  });
});

describe("geminidb-cassandra", () => {
  const op = () => operation("geminidb-cassandra", "post", "/v3/{project_id}/instances/{instance_id}/backups");

  test("body name (required) and description (required, <=256, none of >!<\"&'=)", () => {
    const body = bodySchema(op());
    expect(Object.keys(body.properties)).toEqual(["name", "description"]);
    expect(body.required).toEqual(["name", "description"]);
    expect(body.properties.description.maxLength).toBe(256);
    for (const c of forbidden) expect(accepts(body.properties.description.pattern, c)).toBe(false);
  });

  test("202 -> job_id, backup_id", () => {
    expect(Object.keys(responseSchema(op(), "202").properties)).toEqual(["job_id", "backup_id"]);
    expect(Object.keys(op().responses)).toEqual(["202"]);
  });
});

describe("dds", () => {
  const op = () => operation("dds", "post", "/v3/{project_id}/backups");

  test("body backup (required object) with instance_id, name, description", () => {
    const body = bodySchema(op());
    expect(body.required).toEqual(["backup"]);
    const backup = body.properties.backup;
    expect(backup.type).toBe("object");
    expect(backup.required).toEqual(["instance_id", "name"]);
    expect([backup.properties.name.minLength, backup.properties.name.maxLength]).toEqual([4, 64]);
    expect(accepts(backup.properties.name.pattern, "mybackup1")).toBe(true);
    expect(accepts(backup.properties.name.pattern, "1abc")).toBe(false);
    expect(backup.properties.description.maxLength).toBe(256);
    for (const c of forbidden) expect(accepts(backup.properties.description.pattern, c)).toBe(false);
  });

  test("response backup_id; status-code-missing; Chinese descriptions verbatim", () => {
    const schema = responseSchema(op(), "200");
    expect(Object.keys(schema.properties)).toEqual(["backup_id"]);
    expect(schema.properties.backup_id.description).toBe("手动备份ID。");
    expect(bodySchema(op()).properties.backup.properties.name.description).toContain("取值范围：长度为4~64位");
    expect(rules("dds")).toContain("status-code-missing");
    expect(op().operationId).toBe("createManualBackup");
  });
});
