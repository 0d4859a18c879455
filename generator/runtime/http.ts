// The client every generated operation function calls: builds the URL, authenticates (token,
// AK/SK signature or a custom signer), sends with fetch (timeout, AbortSignal, opt-in retries),
// validates on request, turns non-2xx responses into ApiError.
// Web platform only (fetch, AbortController, Web Crypto via the signer): runs in browsers too.

import {
  ApiError,
  NetworkError,
  RequestValidationError,
  ResponseParseError,
  ResponseValidationError,
  TimeoutError,
} from "./errors.ts";
import {
  backoffDelay,
  isRetryableStatus,
  parseRetryAfter,
  resolveRetryPolicy,
  sleep,
  type ResolvedRetryPolicy,
  type RetryPolicy,
} from "./retry.ts";
import { signRequest, type SignableRequest } from "./signer.ts";
import { buildPath, buildQuery, normalizeEndpoint, UrlParameterError } from "./url.ts";
import type { ValidateOptions, ValidationIssue } from "./validation.ts";

export type HttpMethod = "GET" | "PUT" | "POST" | "DELETE" | "OPTIONS" | "HEAD" | "PATCH" | "TRACE";

/** Token authentication: sends `X-Auth-Token` (or `header`). The token may be fetched lazily. */
export interface TokenAuth {
  token: string | (() => string | Promise<string>);
  header?: string;
}

/** AK/SK authentication: each request is signed with SDK-HMAC-SHA256 (Huawei Cloud API Gateway). */
export interface AkSkAuth {
  accessKey: string;
  secretKey: string;
  /** Security token of temporary credentials, sent (and signed) as X-Security-Token. */
  securityToken?: string;
}

/** A custom signer: gets the final request, returns headers to add. */
export type Signer = (
  request: SignableRequest,
) => Record<string, string> | Promise<Record<string, string>>;

export type Auth = TokenAuth | AkSkAuth | Signer;

/** What the client needs from a fetch Response. */
export interface ResponseLike {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

export interface FetchInit {
  method: string;
  headers: Record<string, string>;
  body?: string;
  /** Set when the attempt can be aborted: a timeout (the default) or the caller's signal. */
  signal?: AbortSignal;
}

/** `globalThis.fetch` fits; inject another for tests, proxies or instrumentation. */
export type FetchLike = (url: string, init: FetchInit) => Promise<ResponseLike>;

export interface ValidationConfig {
  /** Validate the input before sending; an invalid input throws RequestValidationError. Default true. */
  request?: boolean;
  /**
   * Validate 2xx bodies: false (default); true (mismatches throw ResponseValidationError, enum
   * values the spec does not list are only warnings); "strict" (those are errors too).
   */
  response?: boolean | "strict";
  /** Receives response validation warnings. Default: console.warn. */
  onWarning?: (warning: { operationId: string; issues: readonly ValidationIssue[] }) => void;
}

export interface ClientConfig {
  /** "https://dds.example-region.example.com" (https:// is assumed when no scheme is given). */
  endpoint: string;
  /** Fills the `project_id` path parameter when a call does not give one. */
  projectId?: string;
  auth?: Auth;
  fetch?: FetchLike;
  /** Per attempt, in milliseconds. Default 30 000; 0 disables the timeout. */
  timeoutMs?: number;
  /** Extra headers for every request. */
  headers?: Record<string, string>;
  validation?: ValidationConfig;
  /** Retries are off unless configured here or per call; `true` uses the default policy. */
  retry?: RetryPolicy | boolean;
}

/** Per-call options; they override the client configuration. */
export interface RequestOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  headers?: Record<string, string>;
  retry?: RetryPolicy | boolean;
  validation?: ValidationConfig;
}

/** Static description of an operation, emitted by the generator. */
export interface OperationDescriptor {
  readonly operationId: string;
  readonly method: HttpMethod;
  /** Path template, e.g. "/v3/{project_id}/backups". */
  readonly path: string;
  readonly pathParams: readonly string[];
  readonly queryParams: readonly string[];
  readonly headerParams: readonly string[];
  readonly hasBody: boolean;
  /** Path parameter filled from the client's projectId. */
  readonly projectIdParam?: string;
  readonly validateRequest: (input: unknown) => ValidationIssue[];
  /** Undefined when the status has no documented body schema. */
  readonly validateResponse: (
    status: number,
    body: unknown,
    options: ValidateOptions,
  ) => ValidationIssue[] | undefined;
}

export interface Client {
  readonly endpoint: string;
  readonly projectId: string | undefined;
  /** Sends one operation; resolves to the parsed 2xx body (undefined when empty). */
  send(operation: OperationDescriptor, input: unknown, options?: RequestOptions): Promise<unknown>;
}

/** Path parameters where `project_id` may be left to the client's default `projectId`. */
export type OptionalProjectId<T> = Omit<T, "project_id"> & { project_id?: string };

const defaultTimeoutMs = 30_000;

function ownValue(record: unknown, key: string): unknown {
  if (typeof record !== "object" || record === null) return undefined;
  return Object.prototype.hasOwnProperty.call(record, key)
    ? (record as Record<string, unknown>)[key]
    : undefined;
}

function headerText(value: unknown): string {
  return typeof value === "string"
    ? value
    : typeof value === "object"
      ? JSON.stringify(value)
      : String(value);
}

function pointerToken(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

/**
 * Creates the client the operation functions take as first argument. Credentials stay in this
 * closure: they are not properties of the returned object and never end up in an error.
 */
export function createClient(config: ClientConfig): Client {
  const endpoint = normalizeEndpoint(config.endpoint);
  const projectId = config.projectId;
  const auth = config.auth;
  const fetchImpl: FetchLike = config.fetch ?? ((url, init) => globalThis.fetch(url, init));
  const baseHeaders = { ...config.headers };
  // A fixed token is the common case: its header is the same on every request, no await needed.
  const fixedAuth =
    auth !== undefined &&
    typeof auth !== "function" &&
    "token" in auth &&
    typeof auth.token === "string"
      ? { [auth.header ?? "X-Auth-Token"]: auth.token }
      : undefined;

  async function authHeaders(request: SignableRequest): Promise<Record<string, string>> {
    if (auth === undefined) return {};
    if (typeof auth === "function") return { ...(await auth(request)) };
    if ("token" in auth) {
      const token = typeof auth.token === "function" ? await auth.token() : auth.token;
      return { [auth.header ?? "X-Auth-Token"]: token };
    }
    return signRequest(request, { accessKey: auth.accessKey, secretKey: auth.secretKey });
  }

  async function send(
    op: OperationDescriptor,
    input: unknown,
    options: RequestOptions = {},
  ): Promise<unknown> {
    const validation: ValidationConfig = { ...config.validation, ...options.validation };
    const signal = options.signal;

    // A fresh input object: the caller's objects are never modified.
    let path = ownValue(input, "path");
    if (
      op.projectIdParam !== undefined &&
      projectId !== undefined &&
      ownValue(path, op.projectIdParam) === undefined
    ) {
      const filled: Record<string, unknown> = {
        ...(typeof path === "object" && path !== null ? path : {}),
      };
      Object.defineProperty(filled, op.projectIdParam, {
        value: projectId,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      path = filled;
    }
    const query = ownValue(input, "query");
    const headerParams = ownValue(input, "headers");
    const body = ownValue(input, "body");

    if (op.projectIdParam !== undefined && ownValue(path, op.projectIdParam) === undefined) {
      throw new RequestValidationError(op.operationId, [
        {
          path: `/path/${pointerToken(op.projectIdParam)}`,
          keyword: "required",
          message: `${op.projectIdParam} is missing: pass path.${op.projectIdParam} or set projectId when creating the client`,
        },
      ]);
    }
    if (validation.request !== false) {
      const normalized: Record<string, unknown> = {};
      if (path !== undefined) normalized.path = path;
      if (query !== undefined) normalized.query = query;
      if (headerParams !== undefined) normalized.headers = headerParams;
      if (body !== undefined) normalized.body = body;
      const issues = op.validateRequest(normalized);
      if (issues.length > 0) throw new RequestValidationError(op.operationId, issues);
    }

    let url: string;
    try {
      url =
        endpoint +
        buildPath(op.path, op.pathParams, (name) => ownValue(path, name)) +
        buildQuery(op.queryParams, (name) => ownValue(query, name));
    } catch (error) {
      if (error instanceof UrlParameterError) {
        throw new RequestValidationError(op.operationId, [
          {
            path: `/path/${pointerToken(error.parameter)}`,
            keyword: "pathSegment",
            message: error.message,
          },
        ]);
      }
      throw error;
    }

    const headers: Record<string, string> = {
      Accept: "application/json",
      ...baseHeaders,
      ...options.headers,
    };
    for (const name of op.headerParams) {
      const value = ownValue(headerParams, name);
      if (value !== undefined && value !== null) headers[name] = headerText(value);
    }
    let bodyText: string | undefined;
    if (op.hasBody && body !== undefined) {
      bodyText = JSON.stringify(body);
      headers["Content-Type"] = "application/json;charset=UTF-8";
    }
    if (auth !== undefined && typeof auth !== "function" && !("token" in auth)) {
      if (auth.securityToken !== undefined) headers["X-Security-Token"] = auth.securityToken;
      if (projectId !== undefined && headers["X-Project-Id"] === undefined)
        headers["X-Project-Id"] = projectId;
    }

    const retry = resolveRetryPolicy(options.retry ?? config.retry);
    const retryable = retry !== undefined && retry.methods.includes(op.method) ? retry : undefined;
    const timeoutMs = options.timeoutMs ?? config.timeoutMs ?? defaultTimeoutMs;

    for (let attempt = 0; ; attempt++) {
      if (signal?.aborted) throw signal.reason;
      let added: Record<string, string>;
      if (fixedAuth !== undefined) {
        added = fixedAuth;
      } else {
        const request: SignableRequest = { method: op.method, url, headers: { ...headers } };
        if (bodyText !== undefined) request.body = bodyText;
        added = await authHeaders(request);
      }
      const attemptHeaders = { ...headers, ...added };
      const secrets = secretsOf(auth, added);

      // A controller only when something can abort the attempt (a timeout, the caller's signal):
      // creating one and handing it to fetch costs several percent of a fast request.
      const timed = timeoutMs > 0 && Number.isFinite(timeoutMs);
      const controller = timed || signal !== undefined ? new AbortController() : undefined;
      let timedOut = false;
      const timer = timed
        ? setTimeout(() => {
            timedOut = true;
            controller?.abort();
          }, timeoutMs)
        : undefined;
      const onAbort = () => controller?.abort(signal?.reason);
      signal?.addEventListener("abort", onAbort, { once: true });

      let status: number | undefined;
      let responseHeaders: ResponseLike["headers"];
      let text: string;
      try {
        const init: FetchInit = { method: op.method, headers: attemptHeaders };
        if (controller !== undefined) init.signal = controller.signal;
        if (bodyText !== undefined) init.body = bodyText;
        const response = await fetchImpl(url, init);
        status = response.status;
        responseHeaders = response.headers;
        // A body cut off before its end (connection reset, Content-Length not reached) rejects here.
        text = await response.text();
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        const failure = timedOut
          ? new TimeoutError(op.operationId, timeoutMs, status)
          : new NetworkError(op.operationId, error, status);
        if (retryable !== undefined && retryable.networkErrors && attempt < retryable.retries) {
          await sleep(backoffDelay(retryable, attempt), signal);
          continue;
        }
        throw failure;
      } finally {
        if (timer !== undefined) clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
      }

      const requestId =
        responseHeaders.get("X-Request-Id") ??
        responseHeaders.get("X-Openstack-Request-Id") ??
        undefined;
      const contentType = responseHeaders.get("Content-Type") ?? "";

      if (status >= 200 && status < 300) {
        const data = parseSuccessBody(op, status, text, contentType, requestId, secrets);
        if (validation.response !== undefined && validation.response !== false) {
          const warnings: ValidationIssue[] = [];
          const issues = op.validateResponse(status, data, {
            strict: validation.response === "strict",
            warnings,
          });
          if (issues !== undefined && issues.length > 0) {
            const shown = redact(text, secrets);
            const body = shown === text ? data : parseErrorBody(shown, contentType);
            throw new ResponseValidationError({
              operationId: op.operationId,
              issues,
              status,
              body,
              requestId,
              text: shown,
            });
          }
          if (warnings.length > 0) {
            const report = validation.onWarning ?? defaultWarning;
            report({ operationId: op.operationId, issues: warnings });
          }
        }
        return data;
      }

      const shown = redact(text, secrets);
      const error = new ApiError({
        operationId: op.operationId,
        status,
        body: parseErrorBody(shown, contentType),
        method: op.method,
        url,
        requestId,
        text: shown,
      });
      const delay =
        retryable !== undefined
          ? retryDelay(retryable, attempt, status, responseHeaders)
          : undefined;
      if (delay === undefined) throw error;
      await sleep(delay, signal);
    }
  }

  return Object.freeze({ endpoint, projectId, send });
}

/** Milliseconds to wait before retrying a response, or undefined when it is not retried. */
function retryDelay(
  policy: ResolvedRetryPolicy,
  attempt: number,
  status: number,
  headers: ResponseLike["headers"],
): number | undefined {
  if (attempt >= policy.retries || !isRetryableStatus(policy, status)) return undefined;
  if (policy.respectRetryAfter) {
    const retryAfter = parseRetryAfter(headers.get("Retry-After"));
    if (retryAfter !== undefined)
      return retryAfter > policy.maxRetryAfterMs ? undefined : retryAfter;
  }
  return backoffDelay(policy, attempt);
}

function parseSuccessBody(
  op: OperationDescriptor,
  status: number,
  text: string,
  contentType: string,
  requestId: string | undefined,
  secrets: readonly string[],
): unknown {
  if (text === "" || status === 204 || op.method === "HEAD") return undefined;
  const declaredJson = /\bjson\b/i.test(contentType);
  if (declaredJson || contentType === "") {
    try {
      return JSON.parse(text);
    } catch (error) {
      if (!declaredJson) return text;
      // JSON.parse quotes the text around the error position: take the cause from the redacted text.
      const shown = redact(text, secrets);
      let cause = error;
      if (shown !== text) {
        try {
          JSON.parse(shown);
        } catch (redacted) {
          cause = redacted;
        }
      }
      throw new ResponseParseError({
        operationId: op.operationId,
        status,
        text: shown,
        requestId,
        cause,
      });
    }
  }
  return text;
}

/**
 * Credential values of one attempt (token, signature, secret key, security token): a server or
 * proxy that echoes request headers into an error page must not put them into an error.
 */
function secretsOf(auth: Auth | undefined, added: Record<string, string>): string[] {
  const values = Object.keys(added)
    .filter((name) => name.toLowerCase() !== "x-sdk-date")
    .map((name) => added[name]);
  if (auth !== undefined && typeof auth !== "function" && !("token" in auth))
    values.push(auth.secretKey, auth.securityToken);
  // Short values would blank out ordinary words; real credentials are long.
  return values.filter((v): v is string => typeof v === "string" && v.length >= 8);
}

function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets)
    if (out.includes(secret)) out = out.split(secret).join("[redacted]");
  return out;
}

function parseErrorBody(text: string, contentType: string): unknown {
  if (text === "") return undefined;
  if (/\bjson\b/i.test(contentType) || contentType === "" || /^\s*[{[]/.test(text)) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

function defaultWarning(warning: {
  operationId: string;
  issues: readonly ValidationIssue[];
}): void {
  globalThis.console?.warn(
    `${warning.operationId}: response has values the spec does not list:\n${warning.issues.map((i) => `${i.path}: ${i.message}`).join("\n")}`,
  );
}
