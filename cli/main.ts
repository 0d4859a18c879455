// docs2ts command line. Only this layer prints and picks exit codes:
// 0 done (warnings allowed), 1 findings at or above --fail-on (or --check found stale output),
// 2 unusable arguments or unreadable input.
import { parseArgs } from "node:util";
import { ConfigError } from "../scraper/config.ts";
import { UsageError } from "./io.ts";
import { scrapeCommand } from "./scrape.ts";
import { regenerateCommand } from "./regenerate.ts";

const usage = `Usage:
  docs2ts scrape <file|folder>... --service <name> [--out spec.json] [--report diagnostics.json]
                 [--toc CLASS.TXT.json] [--fail-on warning]   (a folder's CLASS.TXT.json is found by itself)
  docs2ts regenerate [--check]      scrape every service in docs2ts.config.json -> specs/
  docs2ts help`;

export async function main(argv: string[], rootDir = process.cwd()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "scrape":
        return await scrapeCommand(parse(rest, { service: "string", out: "string", report: "string", "fail-on": "string", toc: "string" }), rootDir);
      case "regenerate":
        return await regenerateCommand(parse(rest, { check: "boolean" }), rootDir);
      case "help":
      case "--help":
      case "-h":
        process.stdout.write(`${usage}\n`);
        return 0;
      default:
        throw new UsageError(command ? `unknown command "${command}"` : "no command given");
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      process.stderr.write(`docs2ts: ${error.message}\n${error instanceof UsageError ? `${usage}\n` : ""}`);
      return 2;
    }
    throw error;
  }
}

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

function parse(args: string[], options: Record<string, "string" | "boolean">): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: Object.fromEntries(Object.entries(options).map(([name, type]) => [name, { type }])),
    });
    return { values: values as ParsedArgs["values"], positionals };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
