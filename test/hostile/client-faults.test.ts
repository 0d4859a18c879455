// The committed DDS client (generated/dds) against a local server on 127.0.0.1 that misbehaves:
// nobody listening, no answer, an answer that stops halfway, HTML where JSON was promised, a 2xx
// body that breaks the schema, an error page that echoes the request headers. Every call must
// end in one of the runtime's typed errors, with the status when there was one and a short
// excerpt of the body, never a credential, and never an unhandled rejection.

import http from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  ApiError,
  ClientError,
  NetworkError,
  ResponseParseError,
  ResponseValidationError,
  TimeoutError,
  createDdsClient,
  type ClientConfig,
} from "../../generated/dds/src/index.ts";

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

const token = "TOKEN-5ecret-0123456789abcdef";
const secretKey = "SK-5ecret-fedcba9876543210";
const securityToken = "STS-5ecret-0a1b2c3d4e5f6a7b8c9d";
const secrets = [token, secretKey, securityToken];
/** Longest excerpt the runtime keeps (200 code points) plus the ellipsis. */
const maxExcerpt = 201;

let server: http.Server;
let base: string;
let handler: Handler;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  process.on("unhandledRejection", onUnhandled);
  server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => handler(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  process.off("unhandledRejection", onUnhandled);
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  unhandled.length = 0;
  handler = (_req, res) => {
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end("{}");
  };
});

afterEach(async () => {
  // Late rejections (a timer, an abort listener, a body stream) would surface within a few ticks.
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(unhandled).toEqual([]);
});

const tokenClient = (extra: Partial<ClientConfig> = {}) =>
  createDdsClient({ endpoint: base, projectId: "proj-1", auth: { token }, ...extra });
const akskClient = (extra: Partial<ClientConfig> = {}) =>
  createDdsClient({ endpoint: base, projectId: "proj-1", auth: { accessKey: "AK-PUBLIC-ID", secretKey, securityToken }, ...extra });

/** Every way an error gets printed, logged or serialised. */
function dumps(error: unknown): string[] {
  const e = error as Error;
  return [String(error), e.message, JSON.stringify(error), e.stack ?? "", inspect(error, { depth: Infinity, showHidden: true })];
}

/** Not the credentials, and not the pieces of them a parser error message would quote. */
function expectNoSecrets(error: unknown): void {
  const pieces = secrets.flatMap((secret) => [secret, secret.slice(0, 10), secret.slice(-10)]);
  for (const dump of dumps(error)) for (const piece of pieces) expect(dump).not.toContain(piece);
}

async function failure(call: () => Promise<unknown>): Promise<unknown> {
  const outcome = await call().then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  if (outcome.ok) throw new Error(`expected a rejection, got ${JSON.stringify(outcome.value)}`);
  return outcome.error;
}

async function deadPort(): Promise<number> {
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe("no server", () => {
  it("connection refused: NetworkError without status", async () => {
    const endpoint = `http://127.0.0.1:${await deadPort()}`;
    for (const client of [tokenClient({ endpoint }), akskClient({ endpoint })]) {
      const error = await failure(() => client.listInstances());
      expect(error).toBeInstanceOf(NetworkError);
      expect(error).toBeInstanceOf(ClientError);
      expect((error as NetworkError).status).toBeUndefined();
      expect((error as NetworkError).operationId).toBe("listInstances");
      expect((error as Error).message).toMatch(/^listInstances: network error: /);
      expectNoSecrets(error);
    }
  });

  it("connection refused with retries: still one NetworkError after the last attempt", async () => {
    const endpoint = `http://127.0.0.1:${await deadPort()}`;
    const error = await failure(() => tokenClient({ endpoint, retry: { retries: 2, baseDelayMs: 1 } }).listInstances());
    expect(error).toBeInstanceOf(NetworkError);
    expectNoSecrets(error);
  });
});

describe("no answer", () => {
  it("a response that never arrives: TimeoutError after timeoutMs", async () => {
    let closed = 0;
    handler = (req) => req.socket.on("close", () => closed++);
    const started = Date.now();
    const error = await failure(() => tokenClient({ timeoutMs: 150 }).listInstances());
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeoutMs).toBe(150);
    expect((error as TimeoutError).status).toBeUndefined();
    expect((error as Error).message).toBe("listInstances: no response within 150 ms");
    expectNoSecrets(error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(closed).toBe(1);
  });

  it("a body that stops after the headers: TimeoutError with the status", async () => {
    handler = (_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json", "Content-Length": "1000" });
      res.write('{"instances": [');
    };
    const error = await failure(() => akskClient().listInstances(undefined, { timeoutMs: 150 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).status).toBe(200);
    expect((error as Error).message).toBe("listInstances: no complete body (HTTP 200) within 150 ms");
    expectNoSecrets(error);
  });

  it("the caller's AbortSignal aborts a pending call with the caller's reason", async () => {
    handler = () => {
      /* never answer */
    };
    const controller = new AbortController();
    const pending = tokenClient().listInstances(undefined, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const error = await failure(() => pending);
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe("AbortError");
    expectNoSecrets(error);

    const reason = new Error("user cancelled");
    const second = new AbortController();
    const again = tokenClient().listInstances(undefined, { signal: second.signal });
    setTimeout(() => second.abort(reason), 20);
    expect(await failure(() => again)).toBe(reason);
  });

  it("an abort during a retry's backoff ends the wait", async () => {
    handler = (_req, res) => {
      res.writeHead(503, { "Content-Type": "application/json", "Retry-After": "30" });
      res.end('{"error_code":"DBS.0001","error_msg":"busy"}');
    };
    const controller = new AbortController();
    const pending = tokenClient({ retry: { retries: 3 } }).listInstances(undefined, { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const error = await failure(() => pending);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((error as DOMException).name).toBe("AbortError");
  });
});

describe("broken bodies", () => {
  it("an HTML 502 from a proxy: ApiError with status, the page as text and a short excerpt", async () => {
    const page = `<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>\n<h1>502 Bad Gateway</h1>\n${"<p>upstream went away</p>\n".repeat(400)}</body></html>`;
    handler = (_req, res) => {
      res.writeHead(502, { "Content-Type": "text/html", "X-Request-Id": "req-502" });
      res.end(page);
    };
    const error = await failure(() => tokenClient().listInstances());
    expect(error).toBeInstanceOf(ApiError);
    const api = error as ApiError;
    expect(api.status).toBe(502);
    expect(api.body).toBe(page);
    expect(api.errorCode).toBeUndefined();
    expect(api.excerpt?.startsWith("<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body> <h1>502 Bad Gateway</h1>")).toBe(true);
    expect(Array.from(api.excerpt ?? "").length).toBeLessThanOrEqual(maxExcerpt);
    expect(api.excerpt?.endsWith("…")).toBe(true);
    expect(api.message).toContain("listInstances: HTTP 502 \"<!DOCTYPE html>");
    expect(api.message).toContain("(request id req-502)");
    expect(api.message.length).toBeLessThan(400);
    expectNoSecrets(error);
  });

  it("a body cut off mid-way (socket destroyed before Content-Length): NetworkError with the status", async () => {
    for (const status of [200, 500]) {
      handler = (_req, res) => {
        res.writeHead(status, { "Content-Type": "application/json", "Content-Length": "4096" });
        res.write('{"instances": [{"id": "i-1", "name": "tru');
        setTimeout(() => res.socket?.destroy(), 20);
      };
      const error = await failure(() => tokenClient().listInstances());
      expect(error).toBeInstanceOf(NetworkError);
      expect((error as NetworkError).status).toBe(status);
      expect((error as Error).message).toMatch(new RegExp(`^listInstances: network error while reading the body of an HTTP ${status} response: `));
      expectNoSecrets(error);
    }
  });

  it("a 2xx whose JSON ends early (complete message, truncated document): ResponseParseError with an excerpt", async () => {
    const text = `{"instances": [${'{"id": "i-1", "name": "one"},'.repeat(50)}`;
    handler = (_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json;charset=UTF-8" });
      res.end(text);
    };
    const error = await failure(() => tokenClient().listInstances());
    expect(error).toBeInstanceOf(ResponseParseError);
    const parse = error as ResponseParseError;
    expect(parse.status).toBe(200);
    expect(parse.text).toBe(text);
    expect(parse.excerpt?.startsWith('{"instances": [{"id": "i-1"')).toBe(true);
    expect(Array.from(parse.excerpt ?? "").length).toBeLessThanOrEqual(maxExcerpt);
    expect(parse.message.length).toBeLessThan(400);
    expect(parse.cause).toBeInstanceOf(SyntaxError);
    expectNoSecrets(error);
  });

  it("an error status whose JSON ends early: ApiError with the raw text", async () => {
    handler = (_req, res) => {
      res.writeHead(400, { "Content-Type": "application/json" });
      res.end('{"error_code": "DBS.2000');
    };
    const error = await failure(() => tokenClient().listInstances());
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).body).toBe('{"error_code": "DBS.2000');
    expect((error as ApiError).excerpt).toBe('{"error_code": "DBS.2000');
    expect((error as Error).message).toBe('listInstances: HTTP 400 "{\\"error_code\\": \\"DBS.2000"');
    expectNoSecrets(error);
  });

  it("terminal escapes in a body do not reach the excerpt", async () => {
    handler = (_req, res) => {
      res.writeHead(500, { "Content-Type": "text/plain" });
      res.end("\u001b[2J\u001b]0;pwned\u0007oops");
    };
    const error = (await failure(() => tokenClient().listInstances())) as ApiError;
    expect(error.excerpt).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(error.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });
});

describe("a 2xx body that breaks the schema", () => {
  const broken = { instances: [{ id: 42, name: ["not", "a", "string"] }], total_count: "many" };

  it("response validation on: ResponseValidationError with status, issues and an excerpt", async () => {
    handler = (_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json", "X-Request-Id": "req-200" });
      res.end(JSON.stringify(broken));
    };
    const error = await failure(() => tokenClient({ validation: { response: true } }).listInstances());
    expect(error).toBeInstanceOf(ResponseValidationError);
    const invalid = error as ResponseValidationError;
    expect(invalid.status).toBe(200);
    expect(invalid.requestId).toBe("req-200");
    expect(invalid.issues.map((i) => `${i.path} ${i.keyword}`).sort()).toEqual([
      "/instances/0/id type",
      "/instances/0/name type",
      "/total_count type",
    ]);
    expect(invalid.body).toEqual(broken);
    expect(invalid.excerpt).toBe(JSON.stringify(broken));
    expectNoSecrets(error);
  });

  it("response validation off (the default): the body is returned as sent", async () => {
    handler = (_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify(broken));
    };
    expect(await tokenClient().listInstances()).toEqual(broken);
  });

  it("thousands of issues: the message lists 20, the error keeps all", async () => {
    const many = { instances: Array.from({ length: 1000 }, (_, i) => ({ id: i })) };
    handler = (_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify(many));
    };
    const error = (await failure(() => tokenClient({ validation: { response: true } }).listInstances())) as ResponseValidationError;
    expect(error.issues).toHaveLength(1000);
    expect(error.message.split("\n")).toHaveLength(1 + 20 + 1);
    expect(error.message).toContain("… and 980 more");
    expect(Array.from(error.excerpt ?? "").length).toBeLessThanOrEqual(maxExcerpt);
  });
});

describe("credentials echoed by the server", () => {
  const echo: Handler = (req, res) => {
    const headers = JSON.stringify(req.headers);
    res.writeHead(401, { "Content-Type": "text/html" });
    res.end(`<html><body>Unauthorized. You sent: ${headers}</body></html>`);
  };

  it("an error page that echoes the request headers: redacted in body, excerpt and message", async () => {
    handler = echo;
    for (const client of [tokenClient(), akskClient()]) {
      const error = await failure(() => client.listInstances());
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).status).toBe(401);
      expect(String((error as ApiError).body)).toContain("[redacted]");
      expectNoSecrets(error);
    }
  });

  it("a JSON error body that quotes the token", async () => {
    handler = (req, res) => {
      res.writeHead(403, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ error_code: "APIGW.0301", error_msg: `token ${String(req.headers["x-auth-token"])} is not valid` }));
    };
    const error = (await failure(() => tokenClient().listInstances())) as ApiError;
    expect(error.errorMessage).toBe("token [redacted] is not valid");
    expectNoSecrets(error);
  });

  it("a 2xx that breaks the schema or is not JSON, quoting the token", async () => {
    handler = (req, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ instances: "nope", echo: req.headers["x-auth-token"] }));
    };
    const invalid = await failure(() => tokenClient({ validation: { response: true } }).listInstances());
    expect(invalid).toBeInstanceOf(ResponseValidationError);
    expect((invalid as ResponseValidationError).body).toEqual({ instances: "nope", echo: "[redacted]" });
    expectNoSecrets(invalid);

    // JSON.parse's own message quotes the text near the error: the cause must not carry it either.
    for (const broken of [(t: string) => `{"echo": "${t}"`, (t: string) => `{"echo": "${t}" x}`, (t: string) => `${t}`]) {
      handler = (req, res) => {
        res.writeHead(200, { "Content-Type": "application/json" });
        res.end(broken(String(req.headers["x-auth-token"])));
      };
      const unparsable = await failure(() => tokenClient().listInstances());
      expect(unparsable).toBeInstanceOf(ResponseParseError);
      expect((unparsable as ResponseParseError).cause).toBeInstanceOf(SyntaxError);
      expectNoSecrets(unparsable);
    }
  });
});
