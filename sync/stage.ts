// Writing sources/<service>/ so that a failure at any point leaves either the old folder or the
// new one, never a mix.
//
// Protocol (F = sources/<service>, S = sources/.<service>.sync-staging,
//           B = sources/.<service>.sync-backup; all in sources/, so renames stay on one filesystem):
//   1. write the complete new folder, lock file included, into S
//   2. rename F -> B             (skipped when F does not exist yet)
//   3. rename S -> F             <- the commit point
//   4. delete B
// Recovery, run at the start of every sync before anything else, for each service found:
//   B and F exist  -> the crash came after 3: the new folder is in place; delete B.
//   B exists alone -> the crash came between 2 and 3: roll back, rename B -> F.
//   S exists       -> (after the above) a crash before 3: delete S; F is the old folder.
// Steps 1-2 never touch F's contents, so sources/ is as it was until the single rename in 3.

import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { LOCK_FILE, comparePaths, resolveInside } from "./paths.ts";
import type { FetchedPage } from "./types.ts";

const leftover = /^\.([a-z][a-z0-9-]*)\.sync-(staging|backup)$/;

export function stagingDir(sourcesDir: string, service: string): string {
  return path.join(sourcesDir, `.${service}.sync-staging`);
}

export function backupDir(sourcesDir: string, service: string): string {
  return path.join(sourcesDir, `.${service}.sync-backup`);
}

/** Finishes or rolls back swaps a crashed run left behind; returns what it did, one line each. */
export async function recoverInterruptedSyncs(sourcesDir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(sourcesDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const services = [...new Set(names.flatMap((n) => leftover.exec(n)?.[1] ?? []))].sort(comparePaths);
  const notes: string[] = [];
  for (const service of services) {
    const final = path.join(sourcesDir, service);
    const backup = backupDir(sourcesDir, service);
    const staging = stagingDir(sourcesDir, service);
    if (await exists(backup)) {
      if (await exists(final)) {
        await rm(backup, { recursive: true, force: true });
        notes.push(
          `${service}: finished an interrupted sync (the new sources were in place; removed ${path.basename(backup)})`,
        );
      } else {
        await rename(backup, final);
        notes.push(
          `${service}: rolled back an interrupted sync (restored sources/${service} from ${path.basename(backup)})`,
        );
      }
    }
    if (await exists(staging)) {
      await rm(staging, { recursive: true, force: true });
      notes.push(`${service}: removed ${path.basename(staging)} left by an interrupted sync`);
    }
  }
  return notes;
}

/** Files under `dir`, relative with forward slashes, sorted; the top-level lock file excluded. */
export async function listSourceFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  const walk = async (folder: string, prefix: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      if (prefix === "" && (error as NodeJS.ErrnoException).code === "ENOENT") return;
      throw error;
    }
    for (const entry of entries) {
      const name = prefix + entry.name;
      if (entry.isDirectory()) await walk(path.join(folder, entry.name), `${name}/`);
      else if (name !== LOCK_FILE) files.push(name);
    }
  };
  await walk(dir, "");
  return files.sort(comparePaths);
}

export async function readIfFile(file: string): Promise<Uint8Array | undefined> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "EISDIR" || code === "ENOTDIR") return undefined;
    throw error;
  }
}

/** Steps 1-4 above: `pages` and the lock text become the whole of sources/<service>/. */
export async function replaceServiceFolder(
  sourcesDir: string,
  service: string,
  pages: readonly FetchedPage[],
  lockText: string,
): Promise<void> {
  const final = path.join(sourcesDir, service);
  const staging = stagingDir(sourcesDir, service);
  const backup = backupDir(sourcesDir, service);
  await rm(staging, { recursive: true, force: true });
  try {
    await mkdir(staging, { recursive: true });
    for (const page of pages) {
      const file = resolveInside(staging, page.path);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, page.bytes, { flag: "wx" });
    }
    await writeFile(path.join(staging, LOCK_FILE), lockText, { flag: "wx" });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }

  const hadFinal = await exists(final);
  if (hadFinal) await rename(final, backup);
  try {
    await rename(staging, final);
  } catch (error) {
    if (hadFinal) await rename(backup, final);
    throw error;
  }
  await rm(backup, { recursive: true, force: true });
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
