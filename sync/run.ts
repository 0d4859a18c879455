// runSync: the whole `docs2ts sync [service...] [--check]` command short of process handling.
//   1. load docs2ts.config.json and validate the chosen services' `upstream` (ConfigError if bad)
//   2. finish or roll back swaps a crashed run left in sources/ (stage.ts)
//   3. fetch every chosen service's pages into memory (git.ts, http.ts) and compare them with
//      sources/<service>/ on disk: added, changed, removed, unchanged
//   4. unless --check, replace each service folder that differs (pages or lock file) by
//      staging + rename, only once every service has been fetched
// Any failure in 1-3 throws before anything is written, so sources/ stays as it was. Returns exit
// code 1 in --check mode when upstream pages differ from sources/, else 0; throws SyncError (the
// CLI maps it to 2) when it could not run.

import path from "node:path";
import { loadConfig, type ServiceConfig } from "../core/config.ts";
import { SyncError } from "./errors.ts";
import { defaultCacheDir, fetchGitPages } from "./git.ts";
import { fetchHttpPages } from "./http.ts";
import { readLock, serializeLock } from "./lock.ts";
import { comparePaths, resolveInside } from "./paths.ts";
import { formatReport, hasPageChanges } from "./report.ts";
import { listSourceFiles, readIfFile, recoverInterruptedSyncs, replaceServiceFolder } from "./stage.ts";
import type { FetchedPage, ServiceSyncReport, SyncContext, SyncReport } from "./types.ts";
import { describeUpstream, parseUpstream, type Upstream } from "./upstream.ts";

export { SyncError } from "./errors.ts";
export type { ServiceSyncReport, SyncReport } from "./types.ts";

export interface SyncOptions {
  /** Project root: holds docs2ts.config.json and sources/. */
  rootDir: string;
  /** Services to sync; default every service that has an `upstream`. */
  services?: string[];
  /** Compare only; write nothing (apart from recovering an interrupted sync). */
  check?: boolean;
  fetch?: typeof fetch;
  /** Receives report lines as they are ready; default: nothing is printed. */
  log?: (line: string) => void;
  /** Cache root for git upstreams; default `defaultCacheDir(env)`. */
  cacheDir?: string;
  /** Environment for git and for the default cache folder; default process.env. */
  env?: NodeJS.ProcessEnv;
}

export interface SyncResult {
  exitCode: 0 | 1;
  report: SyncReport;
}

interface Plan {
  service: string;
  serviceDir: string;
  pages: FetchedPage[];
  lockText: string;
  report: ServiceSyncReport;
}

export async function runSync(options: SyncOptions): Promise<SyncResult> {
  const log = options.log ?? (() => undefined);
  const env = options.env ?? process.env;
  const check = options.check === true;
  const config = await loadConfig(options.rootDir);
  const chosen = chooseServices(config.services, options.services ?? []);
  const report: SyncReport = { services: [], skipped: chosen.skipped, notes: [] };
  const note = (line: string) => {
    report.notes.push(line);
    log(line);
  };
  for (const name of chosen.skipped) note(`${name}: no upstream in docs2ts.config.json, skipped`);

  const sourcesDir = path.join(path.resolve(options.rootDir), "sources");
  try {
    for (const line of await recoverInterruptedSyncs(sourcesDir)) note(line);
  } catch (error) {
    throw new SyncError(undefined, `cannot recover an interrupted sync in ${sourcesDir}: ${(error as Error).message}`);
  }

  const plans: Plan[] = [];
  for (const { service, upstream } of chosen.synced) {
    const ctx: SyncContext = {
      rootDir: options.rootDir,
      service: service.name,
      cacheDir: options.cacheDir ?? defaultCacheDir(env),
      env,
      fetch: options.fetch ?? globalThis.fetch,
      note,
    };
    plans.push(await planService(sourcesDir, upstream, ctx));
  }

  if (!check) {
    for (const plan of plans) {
      if (!hasPageChanges(plan.report) && !plan.report.lockChanged) continue;
      try {
        await replaceServiceFolder(sourcesDir, plan.service, plan.pages, plan.lockText);
      } catch (error) {
        const done = plans.filter((p) => p.report.written).map((p) => p.service);
        throw new SyncError(
          plan.service,
          `cannot write sources/${plan.service}: ${(error as Error).message} (sources/${plan.service} is as it was` +
            `${done.length > 0 ? `; already updated: ${done.join(", ")}` : ""})`,
        );
      }
      plan.report.written = true;
    }
  }

  report.services = plans.map((p) => p.report);
  for (const line of formatReport(report, check)) log(line);
  const exitCode = check && report.services.some(hasPageChanges) ? 1 : 0;
  return { exitCode, report };
}

function chooseServices(
  services: ServiceConfig[],
  requested: string[],
): { synced: { service: ServiceConfig; upstream: Upstream }[]; skipped: string[] } {
  const indexed = services.map((service, index) => ({ service, index }));
  for (const name of requested) {
    const found = indexed.find((s) => s.service.name === name);
    if (!found) throw new SyncError(name, `no such service in docs2ts.config.json`);
    if (found.service.upstream === undefined) {
      throw new SyncError(
        name,
        `services[${found.index}] has no "upstream" in docs2ts.config.json, so there is nothing to sync from`,
      );
    }
  }
  const wanted = requested.length > 0 ? indexed.filter((s) => requested.includes(s.service.name)) : indexed;
  const withUpstream = wanted.filter((s) => s.service.upstream !== undefined);
  if (withUpstream.length === 0) {
    throw new SyncError(
      undefined,
      `no service in docs2ts.config.json has an "upstream"; add one to sync (see sync/README.md)`,
    );
  }
  return {
    // Validate every chosen upstream before fetching any.
    synced: withUpstream.map(({ service, index }) => ({
      service,
      upstream: parseUpstream(service.upstream, `services[${index}].upstream`),
    })),
    skipped: wanted.filter((s) => s.service.upstream === undefined).map((s) => s.service.name),
  };
}

async function planService(sourcesDir: string, upstream: Upstream, ctx: SyncContext): Promise<Plan> {
  let serviceDir: string;
  try {
    serviceDir = resolveInside(sourcesDir, ctx.service);
  } catch (error) {
    throw new SyncError(ctx.service, (error as Error).message);
  }
  const lock = await readLock(serviceDir);
  if (lock.problem) ctx.note(`${ctx.service}: ${lock.problem}`);
  const read = (page: string) => readIfFile(resolveInside(serviceDir, page));

  let pages: FetchedPage[];
  let commit: string | undefined;
  if (upstream.kind === "git") {
    ({ pages, commit } = await fetchGitPages(upstream, ctx));
  } else {
    pages = await fetchHttpPages(upstream, ctx, { lock: lock.pages, read });
  }
  pages = [...pages].sort((a, b) => comparePaths(a.path, b.path));
  checkNoCaseClash(pages, ctx.service);

  let onDisk: string[];
  try {
    onDisk = await listSourceFiles(serviceDir);
  } catch (error) {
    throw new SyncError(ctx.service, `cannot list sources/${ctx.service}: ${(error as Error).message}`);
  }
  const report: ServiceSyncReport = {
    service: ctx.service,
    upstream: describeUpstream(upstream),
    ...(commit ? { commit } : {}),
    added: [],
    changed: [],
    removed: [],
    unchanged: [],
    lockChanged: false,
    written: false,
  };
  const upstreamPaths = new Set(pages.map((p) => p.path));
  for (const page of pages) {
    const current = await read(page.path);
    if (current === undefined) report.added.push(page.path);
    else if (Buffer.compare(current, page.bytes) !== 0) report.changed.push(page.path);
    else report.unchanged.push(page.path);
  }
  report.removed = onDisk.filter((file) => !upstreamPaths.has(file));
  const lockText = serializeLock(pages.map((p) => p.lock));
  report.lockChanged = lockText !== lock.text;
  return { service: ctx.service, serviceDir, pages, lockText, report };
}

function checkNoCaseClash(pages: FetchedPage[], service: string): void {
  const seen = new Map<string, string>();
  for (const page of pages) {
    const key = page.path.toLowerCase();
    const other = seen.get(key);
    if (other !== undefined) {
      throw new SyncError(
        service,
        `upstream has both ${other} (${pagesOrigin(pages, other)}) and ${page.path} (${page.lock.origin}); they collide on case-insensitive file systems`,
      );
    }
    seen.set(key, page.path);
  }
}

function pagesOrigin(pages: FetchedPage[], file: string): string {
  return pages.find((p) => p.path === file)?.lock.origin ?? file;
}
