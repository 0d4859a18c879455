// docs2ts command line. Only this layer prints and picks exit codes:
// 0 done (warnings allowed), 1 findings at or above --fail-on (or --check found stale output),
// 2 unusable arguments or unreadable input.
import { parseArgs } from "node:util";
import { Docs2tsError } from "../core/errors.ts";
import { UsageError } from "./io.ts";
// Commands are imported when run: `generate` should not pay for loading the scraper (cheerio,
// the vocabularies) and `scrape` not for the generator.

const usage = `Usage:
  docs2ts scrape <file|folder>... --service <name> [--out spec.json] [--report diagnostics.json]
                 [--toc CLASS.TXT.json] [--fail-on warning]   (a folder's CLASS.TXT.json is found by itself)
  docs2ts regenerate [--check]      sources/ -> specs/ -> generated/ for every service in docs2ts.config.json
  docs2ts generate [service...] [--check]   specs/ -> generated/<service>/ (typed, validated client packages)
  docs2ts diff <old.json> <new.json> | --base <git-ref>  [--format text|markdown|json|sarif] [--fail-on breaking|warning]
  docs2ts sync [service...] [--check]   pull changed doc pages from each service's upstream into sources/
  docs2ts help`;

export async function main(argv: string[], rootDir = process.cwd()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "scrape":
        return await (await import("./scrape.ts")).scrapeCommand(parse(rest, { service: "string", out: "string", report: "string", "fail-on": "string", toc: "string" }), rootDir);
      case "regenerate":
        return await (await import("./regenerate.ts")).regenerateCommand(parse(rest, { check: "boolean" }), rootDir);
      case "generate":
        // --out and --types-only are not in the usage text: they exist for `npm run bench`.
        return await (await import("./generate.ts")).generateCommand(parse(rest, { check: "boolean", out: "string", "types-only": "boolean" }), rootDir);
      case "diff":
        return await (await import("./diff.ts")).diffCommand(parse(rest, { base: "string", format: "string", "fail-on": "string" }), rootDir);
      case "sync":
        return await (await import("./sync.ts")).syncCommand(parse(rest, { check: "boolean" }), rootDir);
      case "help":
      case "--help":
      case "-h":
        process.stdout.write(`${usage}\n`);
        return 0;
      default:
        throw new UsageError(command ? `unknown command "${command}"` : "no command given");
    }
  } catch (error) {
    // Every error the tool raises on purpose means "could not run": exit 2, the message names the place.
    if (error instanceof Docs2tsError) {
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
