// sources/<service>/sources.lock.json: where each page came from and what it was. Deterministic:
// pages sorted by path, keys in a fixed order, 2-space JSON, trailing newline, no timestamps, so
// a sync that brings nothing new rewrites it byte for byte.
//
//   { "lockfileVersion": 1,
//     "pages": [ { "path", "origin", "commit"? | "etag"?, "lastModified"?, "charset", "sha256" } ] }
//
// `origin` is `<git url as configured>#<path in repo>` for git pages and the URL for HTTP pages.

import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { comparePaths, LOCK_FILE } from "./paths.ts";

export interface LockEntry {
  /** Relative to sources/<service>/, forward slashes. */
  path: string;
  origin: string;
  /** Git pages: the commit the page was read at. */
  commit?: string;
  /** HTTP pages: validators for the next conditional request. */
  etag?: string;
  lastModified?: string;
  /** Declared charset (lower case), or "utf-8" when the page declares none. */
  charset: string;
  /** sha256 of the bytes on disk, hex. */
  sha256: string;
}

export const LOCKFILE_VERSION = 1;

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export function serializeLock(pages: readonly LockEntry[]): string {
  const sorted = [...pages].sort((a, b) => comparePaths(a.path, b.path));
  const ordered = sorted.map((p) => ({
    path: p.path,
    origin: p.origin,
    ...(p.commit !== undefined ? { commit: p.commit } : {}),
    ...(p.etag !== undefined ? { etag: p.etag } : {}),
    ...(p.lastModified !== undefined ? { lastModified: p.lastModified } : {}),
    charset: p.charset,
    sha256: p.sha256,
  }));
  return `${JSON.stringify({ lockfileVersion: LOCKFILE_VERSION, pages: ordered }, null, 2)}\n`;
}

export interface ReadLockResult {
  /** Entries by page path; empty when there is no usable lock. */
  pages: Map<string, LockEntry>;
  /** Raw text of the lock file, to tell whether a rewrite changes it. */
  text?: string;
  /** Why an existing lock file was ignored (it only serves as a hint for conditional requests). */
  problem?: string;
}

export async function readLock(serviceDir: string): Promise<ReadLockResult> {
  const file = path.join(serviceDir, LOCK_FILE);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { pages: new Map() };
    return { pages: new Map(), problem: `cannot read ${LOCK_FILE}: ${(error as Error).message}` };
  }
  const parsed = parseLock(text);
  if (typeof parsed === "string") return { pages: new Map(), text, problem: `ignoring ${LOCK_FILE}: ${parsed}` };
  return { pages: new Map(parsed.map((p) => [p.path, p])), text };
}

/** The entries of a lock file, or a string saying why it is not one. */
export function parseLock(text: string): LockEntry[] | string {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return `not JSON (${(error as Error).message})`;
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return "not a JSON object";
  const { lockfileVersion, pages } = raw as Record<string, unknown>;
  if (lockfileVersion !== LOCKFILE_VERSION) return `unknown lockfileVersion ${JSON.stringify(lockfileVersion)}`;
  if (!Array.isArray(pages)) return `"pages" is not an array`;
  const entries: LockEntry[] = [];
  for (const [i, p] of pages.entries()) {
    if (typeof p !== "object" || p === null) return `pages[${i}] is not an object`;
    const e = p as Record<string, unknown>;
    if (
      typeof e.path !== "string" ||
      typeof e.origin !== "string" ||
      typeof e.charset !== "string" ||
      typeof e.sha256 !== "string"
    ) {
      return `pages[${i}] lacks path, origin, charset or sha256`;
    }
    entries.push({
      path: e.path,
      origin: e.origin,
      ...(typeof e.commit === "string" ? { commit: e.commit } : {}),
      ...(typeof e.etag === "string" ? { etag: e.etag } : {}),
      ...(typeof e.lastModified === "string" ? { lastModified: e.lastModified } : {}),
      charset: e.charset,
      sha256: e.sha256,
    });
  }
  return entries;
}
