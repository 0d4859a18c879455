// The runtime (generator/runtime/*.ts) is real, type-checked, unit-tested code, copied verbatim
// into every package as src/runtime/<name>.gen.ts. Only two things change in the copy: the fixed
// header and relative import specifiers ("./errors.ts" -> "./errors.gen.js", what tsc and Node
// resolve in a published package).

import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

export interface RuntimeFile {
  /** Module name without extension ("http"). */
  name: string;
  source: string;
  /** Exported value names (functions, classes, consts). */
  values: string[];
  /** Exported type-only names (interfaces, type aliases). */
  types: string[];
}

export const runtimeDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "runtime");

export async function loadRuntime(dir: string = runtimeDir): Promise<RuntimeFile[]> {
  const names = (await readdir(dir)).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && !f.endsWith(".d.ts")).sort();
  const files: RuntimeFile[] = [];
  for (const file of names) {
    const source = (await readFile(path.join(dir, file), "utf8")).replace(/\r\n?/g, "\n");
    files.push({ name: file.slice(0, -3), source, ...scanExports(source) });
  }
  return files;
}

/** Exported names of a module (declarations and `export { }` lists). */
export function scanExports(source: string): { values: string[]; types: string[] } {
  const values = new Set<string>();
  const types = new Set<string>();
  for (const m of source.matchAll(/^export\s+(?:declare\s+)?(?:abstract\s+)?(async\s+function\*?|function\*?|class|const|let|var|interface|type|enum)\s+([\p{ID_Start}$_][\p{ID_Continue}$]*)/gmu)) {
    const kind = m[1]!;
    (kind === "interface" || kind === "type" ? types : values).add(m[2]!);
  }
  for (const m of source.matchAll(/^export\s+(type\s+)?\{([^}]*)\}(?!\s*from)/gmu)) {
    for (const part of m[2]!.split(",")) {
      const spec = part.trim();
      if (spec === "") continue;
      const isType = m[1] !== undefined || spec.startsWith("type ");
      const local = spec.replace(/^type\s+/, "").split(/\s+as\s+/).pop()!.trim();
      (isType ? types : values).add(local);
    }
  }
  return { values: [...values].sort(), types: [...types].sort() };
}

/** The package copy: relative `.ts` imports rewritten to the copied `.gen.js` modules. */
export function runtimeModuleText(file: RuntimeFile, header: string): string {
  const rewritten = file.source.replace(
    /(\bfrom\s+|\bimport\s*\(\s*|^import\s+)(["'])\.\/([^"']+)\.ts\2/gm,
    (_whole, lead: string, quote: string, name: string) => `${lead}${quote}./${name}.gen.js${quote}`,
  );
  const leftover = rewritten.match(/(["'])\.{1,2}\/[^"']*\.ts\1/);
  if (leftover) throw new Error(`runtime/${file.name}.ts: cannot rewrite import ${leftover[0]}`);
  return `${header}\n${rewritten}`;
}
