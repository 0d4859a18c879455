// HTTP upstreams: a list of page URLs fetched with `fetch`. Each request has a timeout (covering
// the body too); 5xx, 429, timeouts and network errors are retried a bounded number of times with
// exponential backoff (a longer Retry-After wins, up to a cap); at most `concurrency` requests are
// in flight. When the lock file has an ETag or Last-Modified for a page whose file on disk still
// has the locked hash, the request is conditional and a 304 keeps the bytes on disk. Bytes are
// kept exactly as received; the declared charset is only used to check they are text.
// Every page is tried; if any fails, the sync fails with all failures listed.

import { setTimeout as sleep } from "node:timers/promises";
import { declaredCharset, textProblem } from "./charset.ts";
import { SyncError } from "./errors.ts";
import { sha256, type LockEntry } from "./lock.ts";
import { unsafePageName } from "./paths.ts";
import type { FetchedPage, SyncContext } from "./types.ts";
import type { HttpUpstream } from "./upstream.ts";

/** Longest wait a Retry-After header can ask for before the next attempt. */
export const MAX_RETRY_AFTER_MS = 60_000;

export interface PreviousPages {
  lock: Map<string, LockEntry>;
  /** The bytes of sources/<service>/<path> now, if the file exists. */
  read: (path: string) => Promise<Uint8Array | undefined>;
}

/** The page file name for a URL: its last path segment, percent-decoded. */
export function pageNameFromUrl(url: string): { name: string } | { problem: string } {
  const segment = new URL(url).pathname.split("/").pop() ?? "";
  let name: string;
  try {
    name = decodeURIComponent(segment);
  } catch {
    return { problem: `has a malformed percent-encoding in its last path segment` };
  }
  if (name === "") return { problem: "has no file name (its path ends with /)" };
  if (name.includes("/")) return { problem: `names the file ${JSON.stringify(name)}, which contains "/"` };
  const unsafe = unsafePageName(name);
  return unsafe ? { problem: `names the file ${JSON.stringify(name)}, which ${unsafe}` } : { name };
}

export async function fetchHttpPages(
  upstream: HttpUpstream,
  ctx: SyncContext,
  previous: PreviousPages,
): Promise<FetchedPage[]> {
  const names = new Map<string, string>();
  const jobs = upstream.urls.map((url) => {
    const named = pageNameFromUrl(url);
    if ("problem" in named) throw new SyncError(ctx.service, `refusing page ${url}: the URL ${named.problem}`);
    const clash = names.get(named.name.toLowerCase());
    if (clash) throw new SyncError(ctx.service, `${clash} and ${url} would both be saved as ${named.name}`);
    names.set(named.name.toLowerCase(), url);
    return { url, name: named.name };
  });

  const results: FetchedPage[] = new Array(jobs.length);
  const failures: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const index = next++;
      const job = jobs[index]!;
      try {
        results[index] = await fetchPage(job.url, job.name, upstream, ctx, previous);
      } catch (error) {
        failures.push((error as Error).message);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(upstream.concurrency, jobs.length) }, worker));
  if (failures.length === 1) throw new SyncError(ctx.service, failures[0]!);
  if (failures.length > 1)
    throw new SyncError(ctx.service, `${failures.length} pages failed:\n  ${failures.sort().join("\n  ")}`);
  return results;
}

async function fetchPage(
  url: string,
  name: string,
  upstream: HttpUpstream,
  ctx: SyncContext,
  previous: PreviousPages,
): Promise<FetchedPage> {
  const locked = previous.lock.get(name);
  let kept: Uint8Array | undefined;
  const headers: Record<string, string> = {};
  if (locked && locked.origin === url && (locked.etag || locked.lastModified)) {
    const onDisk = await previous.read(name);
    // A 304 only vouches for the bytes the validators were issued with.
    if (onDisk && sha256(onDisk) === locked.sha256) {
      kept = onDisk;
      if (locked.etag) headers["if-none-match"] = locked.etag;
      if (locked.lastModified) headers["if-modified-since"] = locked.lastModified;
    }
  }

  for (let attempt = 1; ; attempt++) {
    let reason: string;
    let retryAfterMs = 0;
    try {
      const response = await ctx.fetch(url, {
        headers,
        redirect: "follow",
        signal: AbortSignal.timeout(upstream.timeoutMs),
      });
      if (response.status === 304 && kept && locked) {
        await response.body?.cancel();
        return { path: name, bytes: kept, lock: { ...locked, ...validators(response, locked) } };
      }
      if (response.status === 200) {
        const bytes = new Uint8Array(await response.arrayBuffer());
        const charset = declaredCharset(bytes, { contentType: response.headers.get("content-type"), name });
        const problem = textProblem(bytes, charset);
        if (problem) throw new Error(`GET ${url}: the page ${problem}`);
        return {
          path: name,
          bytes,
          lock: { path: name, origin: url, ...validators(response), charset, sha256: sha256(bytes) },
        };
      }
      await response.body?.cancel();
      reason = `answered ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`;
      if (response.status < 500 && response.status !== 429) throw new Error(`GET ${url} ${reason}`);
      retryAfterMs = parseRetryAfter(response.headers.get("retry-after"), Date.now());
    } catch (error) {
      if (!isTransient(error)) throw error;
      reason =
        (error as Error).name === "TimeoutError"
          ? `timed out after ${upstream.timeoutMs} ms`
          : `failed: ${networkReason(error)}`;
    }
    if (attempt > upstream.retries) {
      throw new Error(`GET ${url} ${reason}${attempt > 1 ? ` (gave up after ${attempt} attempts)` : ""}`);
    }
    const backoff = upstream.retryDelayMs * 2 ** (attempt - 1);
    await sleep(Math.max(backoff, Math.min(retryAfterMs, MAX_RETRY_AFTER_MS)));
  }
}

function validators(response: Response, fallback?: LockEntry): { etag?: string; lastModified?: string } {
  const etag = response.headers.get("etag") ?? fallback?.etag;
  const lastModified = response.headers.get("last-modified") ?? fallback?.lastModified;
  return { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
}

/** fetch() rejects with a TypeError for network failures and a TimeoutError for our timeout. */
function isTransient(error: unknown): boolean {
  const name = (error as Error | undefined)?.name;
  return name === "TimeoutError" || name === "AbortError" || error instanceof TypeError;
}

function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return [(error as Error).message, cause?.code ?? cause?.message].filter(Boolean).join(": ");
}

/** Retry-After as milliseconds from `now`: delta-seconds or an HTTP date; 0 when absent or bad. */
export function parseRetryAfter(value: string | null, now: number): number {
  if (!value) return 0;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? 0 : Math.max(0, date - now);
}
