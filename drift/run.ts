// runDiff: the whole `docs2ts diff` command short of process handling. Two modes:
//   { old, new }  two spec files (relative to cwd)
//   { base }      every specs/*.openapi.json at a git ref against the working tree
// Returns the rendered report and exit code 0/1 (1 = a finding at or above failOn). Throws an
// Error naming the file when an input is unreadable or not a JSON object; the CLI maps that to 2.

import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Diagnostic } from "../core/diagnostics.ts";
import { diffSpecs, sortFindings } from "./diff.ts";
import { formatJson } from "./format/json.ts";
import { formatMarkdown } from "./format/markdown.ts";
import { formatSarif, type SarifArtifact } from "./format/sarif.ts";
import { formatText } from "./format/text.ts";
import { readSpecsAtRef, readWorkingSpecs, serviceOf } from "./git.ts";
import { operationLines } from "./locate.ts";
import type { Finding } from "./types.ts";

export type DiffFormat = "text" | "markdown" | "json" | "sarif";
export type FailOn = "breaking" | "warning";

export interface RunDiffArgs {
  old?: string;
  new?: string;
  base?: string;
  format: DiffFormat;
  failOn?: FailOn;
  cwd: string;
  diagnostics?: Diagnostic[];
}

export interface RunDiffResult {
  output: string;
  exitCode: 0 | 1;
}

interface ServicePair {
  service: string;
  /** File shown in SARIF locations: the new side's path. */
  file: string;
  oldSpec: object;
  newSpec: object;
  newText?: string;
}

export async function runDiff(args: RunDiffArgs): Promise<RunDiffResult> {
  const pairs = await loadPairs(args);
  const findings: Finding[] = sortFindings(
    pairs.flatMap((p) => diffSpecs(p.oldSpec, p.newSpec, { service: p.service })),
  );
  const services = pairs.map((p) => p.service);
  return { output: render(args, findings, services, pairs), exitCode: exitCodeFor(findings, args.failOn) };
}

export function exitCodeFor(findings: readonly Finding[], failOn: FailOn | undefined): 0 | 1 {
  if (failOn === undefined) return 0;
  const failing = failOn === "breaking" ? ["breaking"] : ["breaking", "warning"];
  return findings.some((f) => failing.includes(f.level)) ? 1 : 0;
}

function render(args: RunDiffArgs, findings: Finding[], services: string[], pairs: ServicePair[]): string {
  switch (args.format) {
    case "text":
      return formatText({ findings, services });
    case "markdown":
      return formatMarkdown({ findings, services });
    case "json":
      return formatJson({ findings, services, ...(args.diagnostics ? { diagnostics: args.diagnostics } : {}) });
    case "sarif": {
      const artifacts: Record<string, SarifArtifact> = {};
      for (const p of pairs) {
        artifacts[p.service] = { uri: p.file, ...(p.newText ? { lines: safeLines(p.newText) } : {}) };
      }
      return formatSarif({ findings, artifacts, ...(args.diagnostics ? { diagnostics: args.diagnostics } : {}) });
    }
    default:
      throw new Error(`unknown format "${String(args.format)}" (expected text, markdown, json or sarif)`);
  }
}

function safeLines(text: string): Map<string, number> {
  try {
    return operationLines(text);
  } catch {
    return new Map();
  }
}

async function loadPairs(args: RunDiffArgs): Promise<ServicePair[]> {
  const files = args.old !== undefined || args.new !== undefined;
  if (files && args.base !== undefined) throw new Error("give either two spec files or --base <git-ref>, not both");
  if (args.base !== undefined) return loadFromGit(args.base, args.cwd);
  if (args.old === undefined || args.new === undefined) {
    throw new Error("give two spec files (old and new) or --base <git-ref>");
  }
  const [oldText, newText] = await Promise.all([readSpecFile(args.cwd, args.old), readSpecFile(args.cwd, args.new)]);
  return [
    {
      service: serviceOf(args.new),
      file: displayPath(args.cwd, args.new),
      oldSpec: parseSpec(oldText, args.old),
      newSpec: parseSpec(newText, args.new),
      newText,
    },
  ];
}

async function loadFromGit(ref: string, cwd: string): Promise<ServicePair[]> {
  const [before, after] = await Promise.all([readSpecsAtRef(ref, cwd), readWorkingSpecs(cwd)]);
  const services = [...new Set([...before, ...after].map((s) => s.service))].sort();
  return services.map((service) => {
    const o = before.find((s) => s.service === service);
    const n = after.find((s) => s.service === service);
    // A spec that appeared or disappeared is compared with an empty one.
    return {
      service,
      file: (n ?? o)!.file,
      oldSpec: o ? parseSpec(o.text, `${ref}:${o.file}`) : {},
      newSpec: n ? parseSpec(n.text, n.file) : {},
      ...(n ? { newText: n.text } : {}),
    };
  });
}

async function readSpecFile(cwd: string, file: string): Promise<string> {
  try {
    return await readFile(path.resolve(cwd, file), "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(`cannot read spec ${file}: ${code === "ENOENT" ? "no such file" : (error as Error).message}`);
  }
}

function parseSpec(text: string, file: string): object {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new Error(`${file} is not an OpenAPI document (expected a JSON object)`);
  }
  return value;
}

function displayPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, path.resolve(cwd, file));
  return (relative.startsWith("..") ? path.resolve(cwd, file) : relative).split(path.sep).join("/");
}
