// A content-hash cache: a result is stored under the hash of everything it was computed from
// (inputs and the code that computed them), so a no-change `regenerate` reads instead of redoing.
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

export function hashOf(parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash("sha256");
  for (const part of parts) {
    hash.update(String(typeof part === "string" ? part.length : part.byteLength));
    hash.update("\0");
    hash.update(part);
  }
  return hash.digest("hex");
}

/** Where docs2ts itself is installed (its code, not the user's project). */
export const toolRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Hash of docs2ts's own source files under `dirs`: a code change invalidates cached results. */
export async function codeFingerprint(dirs: readonly string[], rootDir: string = toolRoot): Promise<string> {
  const files: string[] = [];
  for (const dir of dirs) {
    const entries = await readdir(path.join(rootDir, dir), { recursive: true, withFileTypes: true }).catch(() => []);
    for (const e of entries) if (e.isFile() && e.name.endsWith(".ts")) files.push(path.join(e.parentPath, e.name));
  }
  files.sort();
  const parts: string[] = [];
  for (const file of files) parts.push(path.relative(rootDir, file), await readFile(file, "utf8"));
  return hashOf(parts);
}

export class ContentCache {
  constructor(private readonly dir: string) {}

  async get(key: string): Promise<string | undefined> {
    return readFile(this.file(key), "utf8").catch(() => undefined);
  }

  async set(key: string, value: string): Promise<void> {
    const target = this.file(key);
    await mkdir(path.dirname(target), { recursive: true });
    // Write then rename: a reader never sees half an entry.
    const temporary = `${target}.${process.pid}.tmp`;
    await writeFile(temporary, value);
    await rename(temporary, target);
  }

  private file(key: string): string {
    // Keys are hashOf() digests; anything else could name a path outside the cache folder.
    if (!/^[0-9a-f]{64}$/.test(key)) throw new Error(`cache key must be a SHA-256 hex digest, got ${JSON.stringify(key.slice(0, 80))}`);
    return path.join(this.dir, key.slice(0, 2), `${key}.json`);
  }
}

export function defaultCacheDir(rootDir: string): string {
  return path.join(rootDir, ".cache", "docs2ts");
}
