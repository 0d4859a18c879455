// File-system edges of the CLI: finding pages, reading them, writing outputs.
import { readFile, stat, readdir, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { glob } from "tinyglobby";
import type { SourcePage } from "../scraper/index.ts";

/** Unusable arguments: exit 2 with the usage text. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** Input the tool cannot use (unreadable file, bad spec, unreachable upstream): exit 2, the message names the place. */
export class InputError extends Error {
  override name = "InputError";
}

const pageExtensions = new Set([".html", ".htm", ".md", ".txt"]);

/** Pages named on the command line: files as given, folders searched for doc pages. */
export async function collectPages(inputs: string[], rootDir: string): Promise<SourcePage[]> {
  const files: string[] = [];
  for (const input of inputs) {
    const absolute = path.resolve(rootDir, input);
    let info;
    try {
      info = await stat(absolute);
    } catch {
      throw new InputError(`${input}: no such file or folder`);
    }
    if (info.isDirectory()) files.push(...(await pagesInFolder(absolute)));
    else files.push(absolute);
  }
  return readPages([...new Set(files)].sort(), rootDir);
}

async function pagesInFolder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && pageExtensions.has(path.extname(e.name).toLowerCase()))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Pages a service's config globs select, relative to the repo root. */
export async function servicePages(globs: string[], rootDir: string): Promise<SourcePage[]> {
  // sources.lock.json (written by `docs2ts sync`) sits among the pages but is not one.
  const files = await glob(globs, { cwd: rootDir, absolute: true, onlyFiles: true, expandDirectories: false, ignore: ["**/sources.lock.json"] });
  return readPages(files.sort(), rootDir);
}

async function readPages(files: string[], rootDir: string): Promise<SourcePage[]> {
  return Promise.all(files.map((file) => readPage(file, rootDir)));
}

export async function readPage(file: string, rootDir: string): Promise<SourcePage> {
  const absolute = path.resolve(rootDir, file);
  try {
    return { file: displayPath(absolute, rootDir), content: await readFile(absolute, "utf8") };
  } catch (error) {
    throw new InputError(`${displayPath(absolute, rootDir)}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

/** A documentation export's table of contents sits beside its pages as CLASS.TXT.json. */
export async function findToc(inputs: string[], rootDir: string): Promise<string | undefined> {
  for (const input of inputs) {
    const candidate = path.join(path.resolve(rootDir, input), "CLASS.TXT.json");
    if (await stat(candidate).then((s) => s.isFile(), () => false)) return candidate;
  }
  return undefined;
}

/** Repo-relative, forward slashes: what specs and diagnostics show. */
export function displayPath(file: string, rootDir: string): string {
  const relative = path.relative(rootDir, file);
  return (relative.startsWith("..") || path.isAbsolute(relative) ? file : relative).split(path.sep).join("/");
}

export async function writeText(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
}
