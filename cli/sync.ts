import { runSync } from "../sync/run.ts";
import type { ParsedArgs } from "./main.ts";

/** docs2ts sync [service...] [--check]: bring sources/ up to date with where the docs are published. */
export async function syncCommand(args: ParsedArgs, rootDir: string): Promise<number> {
  const { exitCode } = await runSync({
    rootDir,
    services: args.positionals,
    check: args.values.check === true,
    log: (line) => process.stdout.write(`${line}\n`),
  });
  return exitCode;
}
