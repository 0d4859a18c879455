// Shared helpers for the generator tests: temp roots under .cache/ (gitignored, inside the repo
// so vitest and tsc resolve imports the same way as for real packages), fixtures, commands.

import { spawn } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const fixturesDir = path.join(repoRoot, "test/fixtures/generator");
export const cacheDir = path.join(repoRoot, ".cache/test-generator");
export const tscBin = path.join(repoRoot, "node_modules/.bin/tsc");

const tempRoots: string[] = [];

/** A fresh root with specs/<name>.openapi.json copied from the fixtures (removed by removeTempRoots). */
export async function tempRoot(label: string, fixtures: string[]): Promise<string> {
  await mkdir(cacheDir, { recursive: true });
  const root = await mkdtemp(path.join(cacheDir, `${label}-`));
  tempRoots.push(root);
  await mkdir(path.join(root, "specs"), { recursive: true });
  for (const name of fixtures) {
    await cp(path.join(fixturesDir, `${name}.openapi.json`), path.join(root, "specs", `${name}.openapi.json`));
  }
  return root;
}

/** Call from afterAll in files that use tempRoot. */
export async function removeTempRoots(): Promise<void> {
  for (const root of tempRoots.splice(0)) await rm(root, { recursive: true, force: true });
}

/** Relative path -> content of every file under dir (sorted, "/" separators). */
export async function readTree(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  async function walk(current: string): Promise<void> {
    for (const entry of (await readdir(current, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) await walk(full);
      else out.set(path.relative(dir, full).split(path.sep).join("/"), await readFile(full, "utf8"));
    }
  }
  await walk(dir);
  return out;
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command (no shell), collecting output. */
export function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${command} ${args.join(" ")} timed out\n${stdout}\n${stderr}`));
    }, options.timeoutMs ?? 120_000);
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export async function readJson(file: string): Promise<unknown> {
  return JSON.parse(await readFile(file, "utf8"));
}
