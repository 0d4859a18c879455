// Reads `specs/*.openapi.json` at a git ref with the real git executable, and the same files in
// the working tree. Paths are relative to `cwd` (the project root), so a project inside a larger
// repository works too (`git show <ref>:./specs/x.json` is cwd-relative).

import { execFile } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export const SPEC_DIR = "specs";
const SPEC_FILE = /^[^/]+\.openapi\.json$/;

export interface SpecText {
  service: string;
  /** Repo-relative path: "specs/<service>.openapi.json". */
  file: string;
  text: string;
}

export function serviceOf(file: string): string {
  return path
    .basename(file)
    .replace(/\.openapi\.json$/, "")
    .replace(/\.json$/, "");
}

async function git(args: string[], cwd: string): Promise<string> {
  try {
    const { stdout } = await run("git", args, { cwd, maxBuffer: 512 * 1024 * 1024, encoding: "utf8" });
    return stdout;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    const reason = stderr || (error as Error).message;
    throw new Error(`git ${args.join(" ")} failed in ${cwd}: ${reason}`);
  }
}

/** Every `specs/*.openapi.json` as committed at `ref`, sorted by service. */
export async function readSpecsAtRef(ref: string, cwd: string): Promise<SpecText[]> {
  if (ref === "" || ref.startsWith("-")) throw new Error(`invalid git ref "${ref}"`);
  await git(["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`], cwd).catch((error: Error) => {
    throw new Error(`git ref "${ref}" does not name a commit in ${cwd} (${error.message})`);
  });
  const listing = await git(["ls-tree", "--name-only", "-z", ref, "--", `${SPEC_DIR}/`], cwd);
  const files = listing
    .split("\0")
    .filter((entry) => entry.startsWith(`${SPEC_DIR}/`) && SPEC_FILE.test(entry.slice(SPEC_DIR.length + 1)))
    .sort();
  const specs: SpecText[] = [];
  for (const file of files) {
    const text = await git(["show", `${ref}:./${file}`], cwd);
    specs.push({ service: serviceOf(file), file, text });
  }
  return specs;
}

/** Every `specs/*.openapi.json` in the working tree, sorted by service. */
export async function readWorkingSpecs(cwd: string): Promise<SpecText[]> {
  let names: string[];
  try {
    names = await readdir(path.join(cwd, SPEC_DIR));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw new Error(`cannot list ${path.join(cwd, SPEC_DIR)}: ${(error as Error).message}`);
  }
  const specs: SpecText[] = [];
  for (const name of names.filter((n) => SPEC_FILE.test(n)).sort()) {
    const file = `${SPEC_DIR}/${name}`;
    try {
      specs.push({ service: serviceOf(file), file, text: await readFile(path.join(cwd, file), "utf8") });
    } catch (error) {
      throw new Error(`cannot read ${file}: ${(error as Error).message}`);
    }
  }
  return specs;
}
