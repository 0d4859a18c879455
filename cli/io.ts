// File-system edges of the CLI: finding pages, reading them, writing outputs.
import { Docs2tsError } from "../core/errors.ts";
import { readFile, realpath, stat, readdir, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { glob } from "tinyglobby";
import type { SourcePage } from "../scraper/index.ts";
import { unsafePageName } from "../sync/paths.ts";

/** Unusable arguments: exit 2 with the usage text. */
export class UsageError extends Docs2tsError {
  override name = "UsageError";
}

/** Input the tool cannot use (unreadable file, bad spec, unreachable upstream): exit 2, the message names the place. */
export class InputError extends Docs2tsError {
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

/**
 * Pages a service's config globs select, relative to the repo root. Config and page names are
 * not trusted the way command-line paths are: every page must lie inside `sources/<service>/`
 * (inside `rootDir` when no service is given), also after following symbolic links, and its name
 * there must be a plain relative path (no "..", no backslash, no control characters).
 */
export async function servicePages(globs: string[], rootDir: string, service?: string): Promise<SourcePage[]> {
  const confineTo = service === undefined ? "" : `sources/${service}`;
  for (const pattern of globs) {
    const problem = unsafeGlob(pattern);
    if (problem !== undefined) throw new InputError(`${serviceLabel(service)}page glob ${JSON.stringify(pattern)} ${problem}`);
  }
  // sources.lock.json (written by `docs2ts sync`) sits among the pages but is not one.
  const files = await glob(globs, { cwd: rootDir, absolute: true, onlyFiles: true, expandDirectories: false, ignore: ["**/sources.lock.json"] });
  // Checked together: one page at a time would make a no-change regenerate wait on file I/O.
  await Promise.all(files.map((file) => confinedFile(rootDir, confineTo, file, service)));
  return readPages(files.sort(), rootDir);
}

/** A repo-relative file from the config (a page, a TOC) that must lie inside `confineTo` (repo-relative, "" = the repo). */
export async function confinedFile(rootDir: string, confineTo: string, file: string, service?: string): Promise<string> {
  const root = path.resolve(rootDir, confineTo);
  const absolute = path.resolve(rootDir, file);
  const where = confineTo === "" ? "the repository" : `${confineTo}/`;
  const relative = path.relative(root, absolute).split(path.sep).join("/");
  const outside = relative === ".." || relative.startsWith("../") || path.isAbsolute(relative);
  // On POSIX a backslash is part of a name, and ..\x.md names a parent folder on Windows.
  const problem = outside ? `is outside ${where}` : unsafePageName(relative);
  if (problem !== undefined) throw new InputError(`${serviceLabel(service)}${displayPath(absolute, rootDir)}: ${problem} (config-driven pages must be inside ${where})`);
  // A symbolic link inside the folder must not lead out of it.
  const [realRoot, realFile] = await Promise.all([realpath(root).catch(() => root), realpath(absolute).catch(() => absolute)]);
  if (!realFile.startsWith(realRoot + path.sep)) {
    throw new InputError(`${serviceLabel(service)}${displayPath(absolute, rootDir)}: resolves outside ${where} (symbolic link)`);
  }
  return absolute;
}

function serviceLabel(service: string | undefined): string {
  return service === undefined ? "" : `service ${service}: `;
}

/** Why a config glob could reach outside its folder, or undefined. */
function unsafeGlob(pattern: string): string | undefined {
  if (pattern.includes("\\")) return "contains a backslash";
  if (pattern.startsWith("/") || /^[A-Za-z]:/.test(pattern)) return "is an absolute path";
  if (pattern.split("/").includes("..")) return `contains ".."`;
  return undefined;
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
