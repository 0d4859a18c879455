// Errors thrown by generated clients. None of them holds credentials, request headers or the
// client configuration: only what the server said and where (method, URL without userinfo).

import type { ValidationIssue } from "./validation.ts";
import { formatIssues } from "./validation.ts";

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

  constructor(init: {
    operationId: string;
    status: S;
    body: B;
    method: string;
    url: string;
    requestId?: string | undefined;
  }) {
    const { errorCode, errorMessage } = errorFields(init.body);
    const detail = [errorCode, errorMessage].filter((s) => s !== undefined).join(": ");
    const requestId = init.requestId === undefined ? "" : ` (request id ${init.requestId})`;
    super(`${init.operationId}: HTTP ${init.status}${detail === "" ? "" : ` ${detail}`}${requestId}`, init.operationId);
    this.status = init.status;
    this.body = init.body;
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
    super(`${operationId}: invalid request\n${formatIssues(issues)}`, operationId);
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

  constructor(init: {
    operationId: string;
    issues: readonly ValidationIssue[];
    status: number;
    body: unknown;
    requestId?: string | undefined;
  }) {
    super(`${init.operationId}: response (HTTP ${init.status}) does not match the spec\n${formatIssues(init.issues)}`, init.operationId);
    this.issues = init.issues;
    this.status = init.status;
    this.body = init.body;
    this.requestId = init.requestId;
  }
}

/** A 2xx response declared as JSON whose body is not JSON. */
export class ResponseParseError extends ClientError {
  override readonly name = "ResponseParseError";
  readonly status: number;
  readonly text: string;
  readonly requestId: string | undefined;

  constructor(init: { operationId: string; status: number; text: string; requestId?: string | undefined; cause?: unknown }) {
    super(`${init.operationId}: response (HTTP ${init.status}) is not valid JSON`, init.operationId, { cause: init.cause });
    this.status = init.status;
    this.text = init.text;
    this.requestId = init.requestId;
  }
}

/** No response within `timeoutMs`. */
export class TimeoutError extends ClientError {
  override readonly name = "TimeoutError";
  readonly timeoutMs: number;

  constructor(operationId: string, timeoutMs: number) {
    super(`${operationId}: no response within ${timeoutMs} ms`, operationId);
    this.timeoutMs = timeoutMs;
  }
}

/** `fetch` itself failed (DNS, connection refused, TLS, reset). */
export class NetworkError extends ClientError {
  override readonly name = "NetworkError";

  constructor(operationId: string, cause: unknown) {
    super(`${operationId}: network error: ${cause instanceof Error ? cause.message : String(cause)}`, operationId, { cause });
  }
}

function errorFields(body: unknown): { errorCode: string | undefined; errorMessage: string | undefined } {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return { errorCode: undefined, errorMessage: undefined };
  const record = body as Readonly<Record<string, unknown>>;
  const nested = ownValue(record, "error");
  const inner = typeof nested === "object" && nested !== null && !Array.isArray(nested) ? (nested as Readonly<Record<string, unknown>>) : undefined;
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
