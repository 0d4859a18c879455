// Errors thrown by generated clients. None of them holds credentials, request headers or the
// client configuration: only what the server said and where (method, URL without userinfo).
// Messages stay short whatever the server sends: a body shows up as a bounded excerpt, and at
// most `messageIssueLimit` validation issues are listed (the `issues` arrays hold all of them).

import type { ValidationIssue } from "./validation.ts";
import { formatIssues } from "./validation.ts";

/** Longest excerpt of a response body an error carries (in code points, before the ellipsis). */
const excerptLength = 200;
const messageIssueLimit = 20;

/**
 * The start of a body as one line: whitespace collapsed, control characters (terminal escapes)
 * replaced, at most `excerptLength` code points, "…" when cut.
 */
function excerptOf(text: string): string | undefined {
  const head = text.length > excerptLength * 4 ? text.slice(0, excerptLength * 4) : text;
  const flat = head
    .replace(/\s+/g, " ")
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, "\ufffd")
    .trim();
  if (flat === "") return undefined;
  const points = Array.from(flat);
  const cut = points.length > excerptLength || head.length < text.length;
  return cut ? `${points.slice(0, excerptLength).join("").trimEnd()}…` : flat;
}

function bodyText(body: unknown): string {
  if (body === undefined) return "";
  if (typeof body === "string") return body;
  try {
    return JSON.stringify(body) ?? "";
  } catch {
    return "";
  }
}

function issuesText(issues: readonly ValidationIssue[]): string {
  const shown = formatIssues(issues.slice(0, messageIssueLimit));
  return issues.length > messageIssueLimit
    ? `${shown}\n… and ${issues.length - messageIssueLimit} more`
    : shown;
}

/** Base class of every error a generated client throws on purpose. */
export class ClientError extends Error {
  override readonly name: string = "ClientError";
  /** operationId of the call that failed. */
  readonly operationId: string;

  constructor(message: string, operationId: string, options?: { cause?: unknown }) {
    super(message, options);
    this.operationId = operationId;
  }
}

/**
 * A non-2xx response. `S` and `B` are the status and body type of a documented error response;
 * narrow with the generated `is<Operation>Error` guard, then on `status`.
 */
export class ApiError<S extends number = number, B = unknown> extends ClientError {
  override readonly name = "ApiError";
  readonly status: S;
  /** Parsed JSON body, or the raw text when it is not JSON, or undefined when empty. */
  readonly body: B;
  /** `error_code` (or `code`) from the body, if present. */
  readonly errorCode: string | undefined;
  /** `error_msg` (or `message`) from the body, if present. */
  readonly errorMessage: string | undefined;
  /** The `X-Request-Id` response header, for support requests. */
  readonly requestId: string | undefined;
  readonly method: string;
  /** Request URL (without userinfo). */
  readonly url: string;
  /** The start of the body as one line (at most 200 characters), for logs; undefined when empty. */
  readonly excerpt: string | undefined;

  constructor(init: {
    operationId: string;
    status: S;
    body: B;
    method: string;
    url: string;
    requestId?: string | undefined;
    /** The body as received (the excerpt is taken from it; default: `body` as text). */
    text?: string;
  }) {
    const { errorCode, errorMessage } = errorFields(init.body);
    const excerpt = excerptOf(init.text ?? bodyText(init.body));
    const fields = excerptOf([errorCode, errorMessage].filter((s) => s !== undefined).join(": "));
    // Without error_code/error_msg (an HTML page from a proxy, a truncated body) the body speaks.
    const detail =
      fields !== undefined
        ? ` ${fields}`
        : excerpt !== undefined
          ? ` ${JSON.stringify(excerpt)}`
          : "";
    const requestId = init.requestId === undefined ? "" : ` (request id ${init.requestId})`;
    super(`${init.operationId}: HTTP ${init.status}${detail}${requestId}`, init.operationId);
    this.status = init.status;
    this.body = init.body;
    this.excerpt = excerpt;
    this.errorCode = errorCode;
    this.errorMessage = errorMessage;
    this.requestId = init.requestId;
    this.method = init.method;
    this.url = stripUserinfo(init.url);
  }
}

/** The input failed validation before anything was sent. */
export class RequestValidationError extends ClientError {
  override readonly name = "RequestValidationError";
  readonly issues: readonly ValidationIssue[];

  constructor(operationId: string, issues: readonly ValidationIssue[]) {
    super(`${operationId}: invalid request\n${issuesText(issues)}`, operationId);
    this.issues = issues;
  }
}

/** A 2xx response body that does not match the documented schema. */
export class ResponseValidationError extends ClientError {
  override readonly name = "ResponseValidationError";
  readonly issues: readonly ValidationIssue[];
  readonly status: number;
  readonly body: unknown;
  readonly requestId: string | undefined;
  /** The start of the body as one line (at most 200 characters). */
  readonly excerpt: string | undefined;

  constructor(init: {
    operationId: string;
    issues: readonly ValidationIssue[];
    status: number;
    body: unknown;
    requestId?: string | undefined;
    /** The body as received (default: `body` as JSON). */
    text?: string;
  }) {
    super(
      `${init.operationId}: response (HTTP ${init.status}) does not match the spec\n${issuesText(init.issues)}`,
      init.operationId,
    );
    this.issues = init.issues;
    this.status = init.status;
    this.body = init.body;
    this.requestId = init.requestId;
    this.excerpt = excerptOf(init.text ?? bodyText(init.body));
  }
}

/** A 2xx response declared as JSON whose body is not JSON. */
export class ResponseParseError extends ClientError {
  override readonly name = "ResponseParseError";
  readonly status: number;
  /** The body as received. */
  readonly text: string;
  readonly requestId: string | undefined;
  /** The start of the body as one line (at most 200 characters). */
  readonly excerpt: string | undefined;

  constructor(init: {
    operationId: string;
    status: number;
    text: string;
    requestId?: string | undefined;
    cause?: unknown;
  }) {
    const excerpt = excerptOf(init.text);
    super(
      `${init.operationId}: response (HTTP ${init.status}) is not valid JSON${excerpt === undefined ? "" : ` ${JSON.stringify(excerpt)}`}`,
      init.operationId,
      { cause: init.cause },
    );
    this.status = init.status;
    this.text = init.text;
    this.requestId = init.requestId;
    this.excerpt = excerpt;
  }
}

/** No complete response within `timeoutMs` (per attempt). */
export class TimeoutError extends ClientError {
  override readonly name = "TimeoutError";
  readonly timeoutMs: number;
  /** Set when the status line arrived but the body did not finish in time. */
  readonly status: number | undefined;

  constructor(operationId: string, timeoutMs: number, status?: number) {
    super(
      `${operationId}: no ${status === undefined ? "response" : `complete body (HTTP ${status})`} within ${timeoutMs} ms`,
      operationId,
    );
    this.timeoutMs = timeoutMs;
    this.status = status;
  }
}

/**
 * The exchange failed below HTTP: DNS, connection refused, TLS, reset, or a body cut off before
 * its end (then `status` says what the status line was).
 */
export class NetworkError extends ClientError {
  override readonly name = "NetworkError";
  /** Set when the status line arrived and the body was cut off. */
  readonly status: number | undefined;

  constructor(operationId: string, cause: unknown, status?: number) {
    const reason = excerptOf(cause instanceof Error ? cause.message : String(cause)) ?? "unknown";
    const where =
      status === undefined ? "" : ` while reading the body of an HTTP ${status} response`;
    super(`${operationId}: network error${where}: ${reason}`, operationId, { cause });
    this.status = status;
  }
}

function errorFields(body: unknown): {
  errorCode: string | undefined;
  errorMessage: string | undefined;
} {
  if (typeof body !== "object" || body === null || Array.isArray(body))
    return { errorCode: undefined, errorMessage: undefined };
  const record = body as Readonly<Record<string, unknown>>;
  const nested = ownValue(record, "error");
  const inner =
    typeof nested === "object" && nested !== null && !Array.isArray(nested)
      ? (nested as Readonly<Record<string, unknown>>)
      : undefined;
  const pick = (...keys: string[]): string | undefined => {
    for (const source of inner === undefined ? [record] : [record, inner]) {
      for (const key of keys) {
        const value = ownValue(source, key);
        if (typeof value === "string" || typeof value === "number") return String(value);
      }
    }
    return undefined;
  };
  return {
    errorCode: pick("error_code", "errorCode", "code"),
    errorMessage: pick("error_msg", "errorMsg", "error_message", "message"),
  };
}

function ownValue(record: Readonly<Record<string, unknown>>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

function stripUserinfo(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.username === "" && parsed.password === "") return url;
    parsed.username = "";
    parsed.password = "";
    return parsed.toString();
  } catch {
    return url;
  }
}
