import { runSync, SyncError } from "../sync/run.ts";
import { InputError } from "./io.ts";
import type { ParsedArgs } from "./main.ts";

/** docs2ts sync [service...] [--check]: bring sources/ up to date with where the docs are published. */
export async function syncCommand(args: ParsedArgs, rootDir: string): Promise<number> {
  try {
    const { exitCode } = await runSync({
      rootDir,
      services: args.positionals,
      check: args.values.check === true,
      log: (line) => process.stdout.write(`${line}\n`),
    });
    return exitCode;
  } catch (error) {
    if (error instanceof SyncError) throw new InputError(error.message);
    throw error;
  }
}
