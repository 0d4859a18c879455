import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Diagnostic } from "../core/diagnostics.ts";
import { runDiff, type DiffFormat, type FailOn } from "../drift/run.ts";
import { InputError, UsageError } from "./io.ts";
import type { ParsedArgs } from "./main.ts";

const formats = ["text", "markdown", "json", "sarif"];

/** docs2ts diff <old> <new> | --base <git-ref>: what changed for API consumers. */
export async function diffCommand(args: ParsedArgs, rootDir: string): Promise<number> {
  const format = (args.values.format ?? "text") as string;
  if (!formats.includes(format)) throw new UsageError(`--format must be one of ${formats.join(", ")}`);
  const failOn = args.values["fail-on"];
  if (failOn !== undefined && failOn !== "breaking" && failOn !== "warning") throw new UsageError(`--fail-on must be "breaking" or "warning"`);
  const base = args.values.base;
  if (typeof base === "string" ? args.positionals.length !== 0 : args.positionals.length !== 2) {
    throw new UsageError("give two spec files (docs2ts diff old.json new.json) or --base <git-ref>");
  }
  const diagnostics = typeof base === "string" && (format === "sarif" || format === "json") ? await scrapeDiagnostics(rootDir) : undefined;
  let result;
  try {
    result = await runDiff({
      ...(typeof base === "string" ? { base } : { old: args.positionals[0]!, new: args.positionals[1]! }),
      format: format as DiffFormat,
      ...(failOn ? { failOn: failOn as FailOn } : {}),
      cwd: rootDir,
      ...(diagnostics ? { diagnostics } : {}),
    });
  } catch (error) {
    throw new InputError((error as Error).message);
  }
  process.stdout.write(result.output.endsWith("\n") ? result.output : `${result.output}\n`);
  return result.exitCode;
}

/** The scrape diagnostics committed beside the working tree's specs, for SARIF and JSON reports. */
async function scrapeDiagnostics(rootDir: string): Promise<Diagnostic[]> {
  const specs = path.join(rootDir, "specs");
  const files = (await readdir(specs).catch(() => [] as string[])).filter((f) => f.endsWith(".diagnostics.json")).sort();
  const all: Diagnostic[] = [];
  for (const file of files) all.push(...(JSON.parse(await readFile(path.join(specs, file), "utf8")) as Diagnostic[]));
  return all;
}
