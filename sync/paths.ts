// Confinement: page names come from upstream (paths in a git repository, the last segment of a
// URL) and become files under sources/<service>/. A name must never reach outside that folder, so
// it is checked as text first (no `..`, no absolute path, no backslash, no NUL) and then as a
// resolved path.

import path from "node:path";

export const LOCK_FILE = "sources.lock.json";

/**
 * Why `name` is not a safe relative page path ("a/b.md" style, forward slashes), or undefined
 * when it is.
 */
export function unsafePageName(name: string): string | undefined {
  if (name === "") return "is empty";
  if (name.includes("\0")) return "contains a NUL byte";
  if (/[\u0001-\u001f\u007f]/.test(name)) return "contains a control character";
  if (name.includes("\\")) return "contains a backslash";
  if (name.startsWith("/") || /^[A-Za-z]:/.test(name)) return "is an absolute path";
  const segments = name.split("/");
  if (segments.some((s) => s === "..")) return `contains ".."`;
  if (segments.some((s) => s === "." || s === "")) return 'has an empty or "." segment';
  if (name === LOCK_FILE) return `is reserved for the lock file`;
  return undefined;
}

/** The absolute file for `name` inside `dir`; throws when it would resolve outside `dir`. */
export function resolveInside(dir: string, name: string): string {
  const root = path.resolve(dir);
  const file = path.resolve(root, ...name.split("/"));
  if (!file.startsWith(root + path.sep)) throw new Error(`"${name}" resolves outside ${root}`);
  return file;
}

/** Byte-order comparison: the same order on every machine and locale. */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
