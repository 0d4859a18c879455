// Shared set-up for sync tests: a throw-away project root, a real git repository, a snapshot of
// sources/ to prove a failed sync changed nothing.

import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runSync, type SyncOptions, type SyncResult } from "../../sync/run.ts";

export interface Project {
  root: string;
  cacheDir: string;
  /** Rewrites docs2ts.config.json with these services (name -> upstream, or undefined for none). */
  configure(services: Record<string, unknown>): void;
  write(file: string, content: string | Uint8Array): void;
  read(file: string): string;
  readBytes(file: string): Buffer;
  sync(options?: Omit<SyncOptions, "rootDir">): Promise<SyncResult>;
  /** Log lines of the last `sync()` call. */
  lines: string[];
  cleanup(): void;
}

export function makeProject(): Project {
  const base = mkdtempSync(path.join(os.tmpdir(), "docs2ts-sync-"));
  const root = path.join(base, "project");
  const cacheDir = path.join(base, "cache");
  mkdirSync(path.join(root, "sources"), { recursive: true });
  const project: Project = {
    root,
    cacheDir,
    lines: [],
    configure(services) {
      const list = Object.entries(services).map(([name, upstream]) => ({
        name,
        pages: [`sources/${name}/**/*`],
        ...(upstream !== undefined ? { upstream } : {}),
      }));
      writeFileSync(path.join(root, "docs2ts.config.json"), `${JSON.stringify({ services: list }, null, 2)}\n`);
    },
    write(file, content) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), content);
    },
    read: (file) => readFileSync(path.join(root, file), "utf8"),
    readBytes: (file) => readFileSync(path.join(root, file)),
    sync(options = {}) {
      project.lines = [];
      return runSync({
        rootDir: root,
        cacheDir,
        env: { PATH: process.env.PATH ?? "" },
        log: (line) => project.lines.push(line),
        ...options,
      });
    },
    cleanup: () => rmSync(base, { recursive: true, force: true }),
  };
  return project;
}

/** Every file under `dir` (relative path -> content as latin1, so any bytes compare exactly). */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (folder: string, prefix: string) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.isDirectory()) walk(path.join(folder, e.name), `${prefix}${e.name}/`);
      else out[`${prefix}${e.name}`] = readFileSync(path.join(folder, e.name)).toString("latin1");
    }
  };
  walk(dir, "");
  return out;
}

/** A real git repository in a temp folder; every call runs the git executable. */
export class GitRepo {
  readonly dir: string;
  constructor(parent: string) {
    this.dir = path.join(parent, `upstream-${Math.random().toString(36).slice(2, 8)}`);
    mkdirSync(this.dir, { recursive: true });
    this.git("-c", "init.defaultBranch=main", "init", "--quiet");
  }
  git(...args: string[]): string {
    return execFileSync(
      "git",
      [
        "-c",
        "user.name=docs2ts test",
        "-c",
        "user.email=test@example.invalid",
        "-c",
        "commit.gpgsign=false",
        "-c",
        "tag.gpgsign=false",
        ...args,
      ],
      {
        cwd: this.dir,
        encoding: "utf8",
        env: { PATH: process.env.PATH ?? "", HOME: this.dir, GIT_CONFIG_NOSYSTEM: "1" },
      },
    ).trim();
  }
  write(file: string, content: string | Uint8Array): void {
    mkdirSync(path.dirname(path.join(this.dir, file)), { recursive: true });
    writeFileSync(path.join(this.dir, file), content);
  }
  remove(file: string): void {
    rmSync(path.join(this.dir, file));
  }
  /** Stages everything and commits; returns the commit sha. */
  commit(message: string): string {
    this.git("add", "--all");
    this.git("commit", "--quiet", "-m", message);
    return this.git("rev-parse", "HEAD");
  }
}
