// Applying a set of file writes and deletes so that the repo ends up either entirely before or
// entirely after them.
//
// Protocol (all under <root>/.docs2ts/txn, on the same file system as the targets):
//   1. prepare: every new file's content is written to txn/new/<path> (no journal yet, so a
//      crash here leaves the targets untouched and the next run discards the folder).
//   2. backup: every target that exists is copied to txn/old/<path>; journal state "applying"
//      (the journal is replaced by rename, so it is never half-written).
//   3. apply: staged files are renamed into place one by one, deletions follow.
//   4. done: the txn folder is removed.
// An error during apply undoes what was applied (restores txn/old, removes files that did not
// exist) and rethrows. A run that finds a txn folder first recovers: one without a journal is
// discarded, one "applying" is rolled forward (the staged files are complete), then it goes on.
import { copyFile, mkdir, readFile, rename, rm, rmdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";

export interface FileChanges {
  /** Repo-relative path -> new content. */
  writes: Map<string, string>;
  /** Repo-relative paths to remove. */
  deletes: string[];
}

interface Journal {
  state: "applying";
  writes: string[];
  deletes: string[];
  /** Targets that did not exist before (undo removes them). */
  created: string[];
}

export interface TransactionHooks {
  /** Called after each file is put in place (tests inject failures and crashes here). */
  afterApply?: (file: string, index: number) => void;
}

const txnDir = (root: string) => path.join(root, ".docs2ts", "txn");

export async function applyChanges(root: string, changes: FileChanges, hooks: TransactionHooks = {}): Promise<void> {
  const txn = txnDir(root);
  await rm(txn, { recursive: true, force: true });
  const writes = [...changes.writes.keys()].sort();
  for (const file of [...writes, ...changes.deletes]) confine(root, file);
  for (const file of writes) {
    const staged = path.join(txn, "new", file);
    await mkdir(path.dirname(staged), { recursive: true });
    await writeFile(staged, changes.writes.get(file)!);
  }
  const created: string[] = [];
  for (const file of [...writes, ...changes.deletes]) {
    const target = path.join(root, file);
    if (!(await exists(target))) {
      created.push(file);
      continue;
    }
    const backup = path.join(txn, "old", file);
    await mkdir(path.dirname(backup), { recursive: true });
    await copyFile(target, backup);
  }
  const journal: Journal = { state: "applying", writes, deletes: [...changes.deletes].sort(), created: created.filter((f) => writes.includes(f)) };
  await writeJournal(txn, journal);
  try {
    await apply(root, journal, hooks);
  } catch (error) {
    await undo(root, journal);
    await rm(txn, { recursive: true, force: true });
    throw error;
  }
  await rm(txn, { recursive: true, force: true });
}

/** Finishes or discards a transaction an earlier run left behind. Returns what it did. */
export async function recoverInterrupted(root: string): Promise<"none" | "discarded" | "completed"> {
  const txn = txnDir(root);
  const text = await readFile(path.join(txn, "journal.json"), "utf8").catch(() => undefined);
  if (text === undefined) {
    if (await exists(txn)) {
      await rm(txn, { recursive: true, force: true });
      return "discarded";
    }
    return "none";
  }
  const journal = JSON.parse(text) as Journal;
  // The journal is a file on disk like any other: its paths are checked again before use.
  for (const file of [...journal.writes, ...journal.deletes]) confine(root, file);
  await apply(root, journal, {});
  await rm(txn, { recursive: true, force: true });
  return "completed";
}

async function apply(root: string, journal: Journal, hooks: TransactionHooks): Promise<void> {
  const txn = txnDir(root);
  let index = 0;
  for (const file of journal.writes) {
    const staged = path.join(txn, "new", file);
    // Rolling forward after a crash: files already moved are in place, their staged copy is gone.
    if (!(await exists(staged))) continue;
    const target = path.join(root, file);
    await mkdir(path.dirname(target), { recursive: true });
    await rename(staged, target);
    hooks.afterApply?.(file, index++);
  }
  for (const file of journal.deletes) {
    await rm(path.join(root, file), { force: true });
    await removeEmptyParents(root, path.dirname(path.join(root, file)));
    hooks.afterApply?.(file, index++);
  }
}

async function undo(root: string, journal: Journal): Promise<void> {
  const txn = txnDir(root);
  for (const file of [...journal.writes, ...journal.deletes]) {
    const target = path.join(root, file);
    if (journal.created.includes(file)) {
      await rm(target, { force: true });
      continue;
    }
    const backup = path.join(txn, "old", file);
    if (await exists(backup)) {
      await mkdir(path.dirname(target), { recursive: true });
      await copyFile(backup, target);
    }
  }
}

async function writeJournal(txn: string, journal: Journal): Promise<void> {
  await mkdir(txn, { recursive: true });
  await writeFile(path.join(txn, "journal.tmp"), JSON.stringify(journal));
  await rename(path.join(txn, "journal.tmp"), path.join(txn, "journal.json"));
}

async function removeEmptyParents(root: string, dir: string): Promise<void> {
  let current = dir;
  while (current.startsWith(root + path.sep) && current !== root) {
    try {
      await rmdir(current);
    } catch {
      return;
    }
    current = path.dirname(current);
  }
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** Paths come from config and doc content: none may leave the repo. */
function confine(root: string, file: string): void {
  const resolved = path.resolve(root, file);
  if (path.isAbsolute(file) || file.includes("\\") || !resolved.startsWith(root + path.sep)) {
    throw new Error(`refusing to write outside the repository: ${JSON.stringify(file)}`);
  }
}
