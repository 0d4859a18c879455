// Opt-in retry policy: 429, 5xx and network errors, idempotent methods only unless told
// otherwise, exponential backoff with full jitter, honouring Retry-After.

export interface RetryPolicy {
  /** Retries after the first attempt. Default 3. */
  retries?: number;
  /** Backoff base: attempt n waits a random time in [0, min(maxDelayMs, baseDelayMs * 2^n)). Default 200. */
  baseDelayMs?: number;
  /** Upper bound of one backoff delay. Default 10 000. */
  maxDelayMs?: number;
  /** Methods that may be retried. Default GET, PUT, DELETE, HEAD (idempotent). */
  methods?: readonly string[];
  /** Statuses that are retried. Default 429 and every 5xx. */
  statuses?: readonly number[];
  /** Retry on network errors and timeouts. Default true. */
  networkErrors?: boolean;
  /** Wait as long as a Retry-After header says (seconds or HTTP date). Default true. */
  respectRetryAfter?: boolean;
  /** Give up instead of waiting when Retry-After asks for longer than this. Default 60 000. */
  maxRetryAfterMs?: number;
}

export interface ResolvedRetryPolicy {
  readonly retries: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly methods: readonly string[];
  readonly statuses: readonly number[] | undefined;
  readonly networkErrors: boolean;
  readonly respectRetryAfter: boolean;
  readonly maxRetryAfterMs: number;
}

const idempotentMethods = ["GET", "PUT", "DELETE", "HEAD"];

/** `undefined`/`false` means no retries at all (the default). */
export function resolveRetryPolicy(
  policy: RetryPolicy | boolean | undefined,
): ResolvedRetryPolicy | undefined {
  if (policy === undefined || policy === false) return undefined;
  const p: RetryPolicy = policy === true ? {} : policy;
  return {
    retries: Math.max(0, Math.floor(p.retries ?? 3)),
    baseDelayMs: Math.max(0, p.baseDelayMs ?? 200),
    maxDelayMs: Math.max(0, p.maxDelayMs ?? 10_000),
    methods: (p.methods ?? idempotentMethods).map((m) => m.toUpperCase()),
    statuses: p.statuses,
    networkErrors: p.networkErrors ?? true,
    respectRetryAfter: p.respectRetryAfter ?? true,
    maxRetryAfterMs: Math.max(0, p.maxRetryAfterMs ?? 60_000),
  };
}

export function isRetryableStatus(policy: ResolvedRetryPolicy, status: number): boolean {
  return policy.statuses === undefined
    ? status === 429 || (status >= 500 && status <= 599)
    : policy.statuses.includes(status);
}

/** Full-jitter exponential backoff for retry number `attempt` (0-based). */
export function backoffDelay(
  policy: ResolvedRetryPolicy,
  attempt: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}

/**
 * Milliseconds a Retry-After header value asks for: delta-seconds or an HTTP date
 * (RFC 9110 §10.2.3). Undefined when absent or unparsable.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
