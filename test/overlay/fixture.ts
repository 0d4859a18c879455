import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "overlay");

export function read(...parts: string[]): string {
  return readFileSync(path.join(FIXTURES, ...parts), "utf8");
}

export function readJson(...parts: string[]): object {
  return JSON.parse(read(...parts)) as object;
}
