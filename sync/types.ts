// Plain data passed between the fetchers (git.ts, http.ts), the planner and the writer (stage.ts).

import type { LockEntry } from "./lock.ts";

/** One page as the upstream has it now, ready to be written to sources/<service>/<path>. */
export interface FetchedPage {
  path: string;
  bytes: Uint8Array;
  lock: LockEntry;
}

/** What a sync found for one service. Page lists are sorted by path. */
export interface ServiceSyncReport {
  service: string;
  /** `describeUpstream()` of the service's upstream. */
  upstream: string;
  /** Git upstreams: the commit synced to. */
  commit?: string;
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: string[];
  /** The lock file's text differs from what is on disk (e.g. a new commit with the same pages). */
  lockChanged: boolean;
  /** sources/<service>/ was rewritten (never in --check). */
  written: boolean;
}

export interface SyncReport {
  services: ServiceSyncReport[];
  /** Services without an upstream, left alone. */
  skipped: string[];
  /** Things done or noticed on the way: recovered swaps, ignored lock files, skipped symlinks. */
  notes: string[];
}

/** What a fetcher needs from the run: no globals, everything passed in. */
export interface SyncContext {
  rootDir: string;
  service: string;
  /** Folder for docs2ts caches (the git cache lives in `<cacheDir>/git/`). */
  cacheDir: string;
  env: NodeJS.ProcessEnv;
  fetch: typeof fetch;
  note: (line: string) => void;
}
