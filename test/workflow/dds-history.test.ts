// Real API drift, like for like: ten DDS pages as published on 2019-12-09 and as published now
// (both copied into test/fixtures/dds-history), scraped and diffed.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
/* eslint-disable @typescript-eslint/no-explicit-any */
import { expect, test } from "vitest";
import { diffSpecs } from "../../drift/diff.ts";
import type { ServiceConfig } from "../../core/config.ts";
import { scrapeService } from "../../scraper/index.ts";

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/dds-history");
const dds: ServiceConfig = { name: "dds", title: "DDS", cloud: "Huawei Cloud", language: "zh", pages: [], server: "https://{endpoint}", version: "0.1.0" };

function scrapeRevision(revision: string) {
  const dir = path.join(fixtures, revision);
  // Same file names on both sides, so provenance and diagnostics line up.
  const pages = readdirSync(dir).map((f) => ({ file: `sources/dds/${f}`, content: readFileSync(path.join(dir, f), "utf8") }));
  return scrapeService(dds, pages).spec;
}

test("2019-12-09 -> current: exactly the contract changes the pages show", () => {
  const before = scrapeRevision("2019-12-09") as any;
  const after = scrapeRevision("current") as any;
  const findings = diffSpecs(before, after, { service: "dds" });
  const contract = findings.filter((f) => f.ruleId !== "description-changed" && f.ruleId !== "response-enum-value-added");
  expect(contract.map((f) => [f.level, f.ruleId, `${f.method.toUpperCase()} ${f.path}`, f.location])).toEqual([
    ["breaking", "response-property-removed", "GET /v3/{project_id}/flavors", "response 200 flavors[].availability_zone"],
    ["info", "property-added", "GET /v3/{project_id}/flavors", "response 200 flavors[].az_status"],
  ]);
  const flavor = (spec: any) => {
    const items = spec.paths["/v3/{project_id}/flavors"].get.responses["200"].content["application/json"].schema.properties.flavors.items;
    return items.$ref ? spec.components.schemas[items.$ref.split("/").at(-1)] : items;
  };
  expect(flavor(before).properties.availability_zone).toMatchObject({ type: "array", items: { type: "string" } });
  expect(flavor(after).properties.az_status).toMatchObject({ type: "object" });

  // Everything else is description-only (one line per operation) ...
  const described = findings.filter((f) => f.ruleId === "description-changed");
  expect(described.every((f) => f.level === "info")).toBe(true);
  expect(described.map((f) => `${f.method.toUpperCase()} ${f.path}`)).toEqual([
    "GET /v3/{project_id}/flavors",
    "GET /v3/{project_id}/instances",
    "POST /v3/{project_id}/instances",
    "POST /v3/{project_id}/instances/{instance_id}/enlarge",
    "POST /v3/{project_id}/instances/{instance_id}/resize",
  ]);
  const flavors = described[0]!.location;
  expect(flavors).toContain("flavors[].ram"); // "单位为兆字节" -> "单位为GB"
  expect(described[2]!.location).toEqual(expect.stringContaining("vpc_id"));
  expect(described[3]!.location).toBe("operation.description"); // the same-series note on enlarge
  expect(described[4]!.location).toBe("operation.description"); // ... and on resize

  // ... except the error-code page's new codes, which reach clients as response enum values.
  const codes = findings.filter((f) => f.ruleId === "response-enum-value-added");
  expect(codes.length).toBeGreaterThan(0);
  for (const f of codes) {
    expect(f.level).toBe("warning");
    expect(f.location).toBe("response default error_code");
  }
});
