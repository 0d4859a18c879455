import { generate } from "../generator/index.ts";
import { UsageError } from "./io.ts";
import type { ParsedArgs } from "./main.ts";

/**
 * docs2ts generate [--check]: specs/ -> generated/<service>/ (reads only specs/ and the config).
 * Hidden, for `npm run bench`: `--out <dir>` writes the packages elsewhere, and `--types-only`
 * (which needs `--out`) emits only the type declarations.
 */
export async function generateCommand(args: ParsedArgs, rootDir: string): Promise<number> {
  const check = args.values.check === true;
  const out = typeof args.values.out === "string" ? args.values.out : undefined;
  const typesOnly = args.values["types-only"] === true;
  if (typesOnly && out === undefined) throw new UsageError("--types-only needs --out <dir> (it would replace the packages in generated/)");
  const result = await generate({
    rootDir,
    check,
    ...(out !== undefined ? { outDir: out } : {}),
    ...(typesOnly ? { typesOnly } : {}),
    ...(args.positionals.length > 0 ? { services: args.positionals } : {}),
  });
  if (check) {
    if (result.stale.length === 0) return 0;
    process.stderr.write(`generated/ is not what specs/ produce (run \`npx docs2ts generate\`):\n${result.stale.map((f) => `  ${f}`).join("\n")}\n`);
    return 1;
  }
  process.stderr.write(`${result.written.length} files written, ${result.deleted.length} deleted\n`);
  return 0;
}
