// Paths and scratch folders shared by the bench sections. Everything the peers generate goes to
// bench/.work/ (gitignored, excluded from tsc): inside the repository so that their output
// resolves `zod` and `openapi-fetch` from our node_modules, outside everything we commit.
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const workDir = path.join(rootDir, "bench", ".work");

/** An empty folder under bench/.work/ (removed first if it exists). */
export function freshDir(...parts: string[]): string {
  const dir = path.join(workDir, ...parts);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The committed specs, as [service, absolute path], sorted. */
export function specFiles(): [string, string][] {
  const dir = path.join(rootDir, "specs");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".openapi.json"))
    .sort()
    .map((f) => [f.slice(0, -".openapi.json".length), path.join(dir, f)]);
}

/** A bench row: measurement, value, rate or ratio, goal (with its verdict). */
export type Row = [string, string, string, string];

export interface GoalResult {
  goal: string;
  met: boolean;
  detail: string;
}

export function verdict(met: boolean, goal: string): string {
  return `${goal}: ${met ? "met" : "**missed**"}`;
}
