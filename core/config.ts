// docs2ts.config.json: which services exist, where their doc pages are, how they are served.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { Docs2tsError } from "./errors.ts";
import { isRecord as isObject } from "./plain-data.ts";

export interface ServiceConfig {
  name: string;
  title: string;
  cloud: string;
  language: "en" | "zh";
  /** Globs relative to the repo root, e.g. `sources/dds/*.md`. */
  pages: string[];
  /** Repo-relative path of the documentation system's table of contents (CLASS.TXT.json), if any. */
  toc?: string;
  /** Server URL template, e.g. `https://{endpoint}`. */
  server: string;
  /** Version of the generated client package. */
  version: string;
  /** Where the pages are published (`docs2ts sync`); validated by sync/upstream.ts. */
  upstream?: unknown;
}

export interface Docs2tsConfig {
  scope: string;
  services: ServiceConfig[];
}

export class ConfigError extends Docs2tsError {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = "ConfigError";
  }
}

const serviceNamePattern = /^[a-z][a-z0-9-]{0,62}$/;

export async function loadConfig(rootDir: string): Promise<Docs2tsConfig> {
  const file = path.join(rootDir, "docs2ts.config.json");
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    throw new ConfigError("docs2ts.config.json", `cannot read: ${(error as Error).message}`);
  }
  return parseConfig(raw, "docs2ts.config.json");
}

export function parseConfig(raw: unknown, file: string): Docs2tsConfig {
  if (!isObject(raw)) throw new ConfigError(file, "expected a JSON object");
  const scope = raw.scope ?? "docs2ts";
  if (typeof scope !== "string" || !/^[a-z0-9][a-z0-9._-]*$/.test(scope)) throw new ConfigError(file, `"scope" must be an npm scope name`);
  if (!Array.isArray(raw.services)) throw new ConfigError(file, `"services" must be an array`);
  const names = new Set<string>();
  const services = raw.services.map((s, i): ServiceConfig => {
    const where = `services[${i}]`;
    if (!isObject(s)) throw new ConfigError(file, `${where} must be an object`);
    const name = s.name;
    // Service names become folder names under sources/, specs/ and generated/.
    if (typeof name !== "string" || !serviceNamePattern.test(name)) {
      throw new ConfigError(file, `${where}.name must match ${serviceNamePattern} (got ${JSON.stringify(name)})`);
    }
    if (names.has(name)) throw new ConfigError(file, `${where}.name "${name}" is used twice`);
    names.add(name);
    const pages = s.pages;
    if (!Array.isArray(pages) || pages.length === 0 || !pages.every((p) => typeof p === "string")) {
      throw new ConfigError(file, `${where}.pages must be a non-empty array of globs`);
    }
    const language = s.language ?? "en";
    if (language !== "en" && language !== "zh") throw new ConfigError(file, `${where}.language must be "en" or "zh"`);
    return {
      name,
      title: stringOr(s.title, name),
      cloud: stringOr(s.cloud, ""),
      language,
      pages: pages as string[],
      ...(typeof s.toc === "string" ? { toc: s.toc } : {}),
      server: stringOr(s.server, "https://{endpoint}"),
      version: stringOr(s.version, "0.1.0"),
      ...(s.upstream !== undefined ? { upstream: s.upstream } : {}),
    };
  });
  return { scope, services };
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === "string" ? value : fallback;
}

