// The generated client (dds-mini snapshot package) against a local http.createServer on
// 127.0.0.1: URL building, auth, errors, timeouts, retries, pagination, validation.

import http from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { canonicalRequest, hmacSha256Hex, stringToSign } from "../../generator/runtime/signer.ts";
import {
  ApiError,
  createClient,
  createDdsMiniClient,
  deleteManualBackup,
  isCreateManualBackupError,
  listBackupsPages,
  NetworkError,
  RequestValidationError,
  ResponseValidationError,
  TimeoutError,
  type ClientConfig,
  type ValidationIssue,
} from "./__snapshots__/dds-mini/src/index.ts";

interface Recorded {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
  at: number;
}

type Reply = (req: Recorded, res: http.ServerResponse) => void;

let server: http.Server;
let base: string;
const requests: Recorded[] = [];
let replies: Reply[] = [];
let fallback: Reply;

function json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "Content-Type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      const rec: Recorded = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body, at: Date.now() };
      requests.push(rec);
      (replies.shift() ?? fallback)(rec, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  requests.length = 0;
  replies = [];
  fallback = (_req, res) => json(res, 202, { backup_id: "b1" });
});

const token = "SECRET-TOKEN-0123456789";
const config = (extra: Partial<ClientConfig> = {}): ClientConfig => ({
  endpoint: base,
  projectId: "proj-1",
  auth: { token },
  ...extra,
});
const validBody = { backup: { instance_id: "inst-1", name: "nightly-1" } };

describe("requests", () => {
  it("hands fetch an abort signal only when something can abort the attempt", async () => {
    const signals: (AbortSignal | undefined)[] = [];
    const fetch: ClientConfig["fetch"] = (url, init) => {
      signals.push(init.signal);
      return globalThis.fetch(url, init);
    };
    await createDdsMiniClient(config({ fetch })).listBackups();
    await createDdsMiniClient(config({ fetch, timeoutMs: 0 })).listBackups();
    await createDdsMiniClient(config({ fetch, timeoutMs: 0 })).listBackups({}, { signal: new AbortController().signal });
    expect(signals.map((s) => s !== undefined)).toEqual([true, false, true]);
  });

  it("sends the token, JSON body and default project id", async () => {
    const dds = createDdsMiniClient(config());
    const result = await dds.createManualBackup({ body: validBody });
    expect(result).toEqual({ backup_id: "b1" });
    const [req] = requests;
    expect(req?.method).toBe("POST");
    expect(req?.url).toBe("/v3/proj-1/backups");
    expect(req?.headers["x-auth-token"]).toBe(token);
    expect(req?.headers["content-type"]).toBe("application/json;charset=UTF-8");
    expect(JSON.parse(req?.body ?? "")).toEqual(validBody);
  });

  it("percent-encodes path parameters: ../ in an ID does not change the path", async () => {
    fallback = (_req, res) => {
      res.writeHead(204);
      res.end();
    };
    const dds = createDdsMiniClient(config());
    expect(await dds.deleteManualBackup({ path: { backup_id: "../../admin?x=1#f" } })).toBeUndefined();
    expect(requests[0]?.url).toBe("/v3/proj-1/backups/..%2F..%2Fadmin%3Fx%3D1%23f");
    await dds.deleteManualBackup({ path: { project_id: "a/b", backup_id: "名称 %2e" } });
    expect(requests[1]?.url).toBe("/v3/a%2Fb/backups/%E5%90%8D%E7%A7%B0%20%252e");
  });

  it("rejects dot-segment and empty path parameters before sending", async () => {
    const dds = createDdsMiniClient(config({ validation: { request: false } }));
    for (const backup_id of ["..", ".", ""]) {
      const error = await dds.deleteManualBackup({ path: { backup_id } }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RequestValidationError);
      expect((error as RequestValidationError).issues[0]?.path).toBe("/path/backup_id");
    }
    expect(requests).toHaveLength(0);
  });

  it("serialises query and header parameters in spec order, skipping undefined", async () => {
    fallback = (_req, res) => json(res, 200, { backups: [], total_count: 0 });
    const dds = createDdsMiniClient(config());
    await dds.listBackups({
      query: { instance_id: "a b&c=d/é+", backup_type: "Manual", offset: 0, limit: 10 },
      headers: { "X-Language": "zh-cn" },
    });
    expect(requests[0]?.url).toBe("/v3/proj-1/backups?instance_id=a%20b%26c%3Dd%2F%C3%A9%2B&backup_type=Manual&offset=0&limit=10");
    expect(requests[0]?.headers["x-language"]).toBe("zh-cn");
    await dds.listBackups({ query: { limit: undefined } });
    expect(requests[1]?.url).toBe("/v3/proj-1/backups");
  });

  it("explains a missing project id (no default on the client)", async () => {
    const dds = createDdsMiniClient(config({ projectId: undefined }));
    const error = await dds.createManualBackup({ body: validBody }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).issues).toEqual([
      {
        path: "/path/project_id",
        keyword: "required",
        message: "project_id is missing: pass path.project_id or set projectId when creating the client",
      },
    ]);
    await dds.createManualBackup({ path: { project_id: "explicit" }, body: validBody });
    expect(requests[0]?.url).toBe("/v3/explicit/backups");
  });

  it("returns undefined for 204", async () => {
    fallback = (_req, res) => {
      res.writeHead(204);
      res.end();
    };
    const client = createClient(config());
    expect(await deleteManualBackup(client, { path: { backup_id: "b1" } })).toBeUndefined();
  });

  it("signs with AK/SK: the server can recompute the signature from what it received", async () => {
    const dds = createDdsMiniClient(config({ auth: { accessKey: "AK-PUBLIC", secretKey: "SK-SECRET-987" } }));
    await dds.createManualBackup({ body: validBody });
    const req = requests[0]!;
    const authorization = String(req.headers.authorization);
    const match = /^SDK-HMAC-SHA256 Access=AK-PUBLIC, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(authorization);
    expect(match).not.toBeNull();
    expect(req.headers["x-sdk-date"]).toMatch(/^\d{8}T\d{6}Z$/);
    expect(req.headers["x-project-id"]).toBe("proj-1");
    const signed = match![1]!.split(";");
    expect(signed).toEqual(expect.arrayContaining(["content-type", "host", "x-sdk-date", "x-project-id"]));
    const headers: Record<string, string> = {};
    for (const name of signed) headers[name] = String(req.headers[name]);
    const form = await canonicalRequest({ method: req.method, url: `${base}${req.url}`, headers, body: req.body });
    const expected = await hmacSha256Hex("SK-SECRET-987", await stringToSign(form.sdkDate, form.canonicalRequest));
    expect(match![2]).toBe(expected);
  });

  it("uses a custom signer function", async () => {
    const seen: string[] = [];
    const dds = createDdsMiniClient(
      config({
        auth: (request) => {
          seen.push(`${request.method} ${request.url} ${request.body ?? ""}`);
          return { "X-Custom-Signature": "sig" };
        },
      }),
    );
    await dds.createManualBackup({ body: validBody });
    expect(seen).toEqual([`POST ${base}/v3/proj-1/backups ${JSON.stringify(validBody)}`]);
    expect(requests[0]?.headers["x-custom-signature"]).toBe("sig");
    expect(requests[0]?.headers["x-auth-token"]).toBeUndefined();
  });
});

describe("errors", () => {
  it("turns non-2xx into a typed ApiError with status, error_code, error_msg and request id", async () => {
    fallback = (_req, res) =>
      json(res, 400, { error_code: "DBS.200001", error_msg: "参数错误" }, { "X-Request-Id": "req-42" });
    const dds = createDdsMiniClient(config());
    const error = await dds.createManualBackup({ body: validBody }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(isCreateManualBackupError(error)).toBe(true);
    if (!isCreateManualBackupError(error)) return;
    expect(error.status).toBe(400);
    if (error.status === 400) {
      // Narrowed: body is the documented ErrorResponse.
      const code: string = error.body.error_code;
      expect(code).toBe("DBS.200001");
    }
    expect(error.errorCode).toBe("DBS.200001");
    expect(error.errorMessage).toBe("参数错误");
    expect(error.requestId).toBe("req-42");
    expect(error.operationId).toBe("createManualBackup");
    expect(error.message).toContain("HTTP 400 DBS.200001: 参数错误 (request id req-42)");
  });

  it("undocumented statuses are ApiErrors but not the operation's documented error", async () => {
    fallback = (_req, res) => {
      res.writeHead(503, { "Content-Type": "text/plain" });
      res.end("busy");
    };
    const error = await createDdsMiniClient(config()).createManualBackup({ body: validBody }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(isCreateManualBackupError(error)).toBe(false);
    expect((error as ApiError).body).toBe("busy");
  });

  it("never carries credentials", async () => {
    const secrets = [token, "SK-SECRET-987", "user:pw"];
    const errors: unknown[] = [];
    fallback = (_req, res) => json(res, 401, { error_code: "APIGW.0301", error_msg: "Incorrect IAM authentication information" });
    errors.push(await createDdsMiniClient(config()).createManualBackup({ body: validBody }).catch((e: unknown) => e));
    errors.push(
      await createDdsMiniClient(config({ auth: { accessKey: "AK", secretKey: "SK-SECRET-987" } }))
        .listBackups()
        .catch((e: unknown) => e),
    );
    errors.push(await createDdsMiniClient(config({ endpoint: "http://127.0.0.1:1" })).listBackups().catch((e: unknown) => e));
    errors.push(
      await createDdsMiniClient(config({ validation: { request: true } }))
        .createManualBackup({ body: { backup: { instance_id: "x", name: "1" } } })
        .catch((e: unknown) => e),
    );
    expect(errors.map((e) => (e as Error).name)).toEqual(["ApiError", "ApiError", "NetworkError", "RequestValidationError"]);
    for (const error of errors) {
      const dumps = [JSON.stringify(error), inspect(error, { depth: Infinity, showHidden: true }), String(error), (error as Error).stack ?? ""];
      for (const dump of dumps) for (const secret of secrets) expect(dump).not.toContain(secret);
    }
    expect(inspect(createClient(config()), { depth: Infinity, showHidden: true })).not.toContain(token);
    let endpointError: unknown;
    try {
      createClient(config({ endpoint: base.replace("http://", "http://user:pw@") }));
    } catch (e) {
      endpointError = e;
    }
    expect(endpointError).toBeInstanceOf(TypeError);
    expect(String(endpointError)).not.toContain("user:pw");
  });

  it("times out", async () => {
    fallback = () => {
      /* never answer */
    };
    const error = await createDdsMiniClient(config({ timeoutMs: 100 })).listBackups().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeoutMs).toBe(100);
  });

  it("aborts with the caller's signal", async () => {
    fallback = () => {
      /* never answer */
    };
    const controller = new AbortController();
    const pending = createDdsMiniClient(config()).listBackups(undefined, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("stop")), 50);
    await expect(pending).rejects.toThrow("stop");
    const already = AbortSignal.abort();
    await expect(createDdsMiniClient(config()).listBackups(undefined, { signal: already })).rejects.toMatchObject({ name: "AbortError" });
  });

  it("reports network errors", async () => {
    const error = await createDdsMiniClient(config({ endpoint: "http://127.0.0.1:1" })).listBackups().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
  });
});

describe("retries (opt-in)", () => {
  const busyThenOk = () => {
    replies = [(_req, res) => json(res, 503, { error_code: "X", error_msg: "busy" }, { "Retry-After": "1" })];
    fallback = (_req, res) => json(res, 200, { backups: [], total_count: 0 });
  };

  it("does not retry unless configured, even with Retry-After", async () => {
    busyThenOk();
    const error = await createDdsMiniClient(config()).listBackups().catch((e: unknown) => e);
    expect((error as ApiError).status).toBe(503);
    expect(requests).toHaveLength(1);
  });

  it("retries a GET after a 503, honouring Retry-After", async () => {
    busyThenOk();
    const result = await createDdsMiniClient(config({ retry: { retries: 2, baseDelayMs: 1 } })).listBackups();
    expect(result).toEqual({ backups: [], total_count: 0 });
    expect(requests).toHaveLength(2);
    expect(requests[1]!.at - requests[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it("retries 429 and 5xx with backoff, up to the limit", async () => {
    fallback = (_req, res) => json(res, 429, {});
    const error = await createDdsMiniClient(config({ retry: { retries: 3, baseDelayMs: 1, maxDelayMs: 5 } })).listBackups().catch((e: unknown) => e);
    expect((error as ApiError).status).toBe(429);
    expect(requests).toHaveLength(4);
  });

  it("does not retry POST unless its method is allowed", async () => {
    fallback = (_req, res) => json(res, 500, {});
    const error = await createDdsMiniClient(config({ retry: { baseDelayMs: 1 } })).createManualBackup({ body: validBody }).catch((e: unknown) => e);
    expect((error as ApiError).status).toBe(500);
    expect(requests).toHaveLength(1);
    requests.length = 0;
    await createDdsMiniClient(config({ retry: { baseDelayMs: 1, retries: 1, methods: ["POST"] } }))
      .createManualBackup({ body: validBody })
      .catch(() => undefined);
    expect(requests).toHaveLength(2);
  });

  it("does not retry 4xx other than 429", async () => {
    fallback = (_req, res) => json(res, 404, {});
    await createDdsMiniClient(config({ retry: true })).listBackups().catch(() => undefined);
    expect(requests).toHaveLength(1);
  });

  it("retries network errors for idempotent methods", async () => {
    replies = [(_req, res) => res.socket?.destroy()];
    fallback = (_req, res) => json(res, 200, { backups: [] });
    const result = await createDdsMiniClient(config({ retry: { baseDelayMs: 1 } })).listBackups();
    expect(result).toEqual({ backups: [] });
    expect(requests).toHaveLength(2);
  });

  it("gives up when Retry-After asks for longer than allowed", async () => {
    fallback = (_req, res) => json(res, 503, {}, { "Retry-After": "3600" });
    const error = await createDdsMiniClient(config({ retry: true })).listBackups().catch((e: unknown) => e);
    expect((error as ApiError).status).toBe(503);
    expect(requests).toHaveLength(1);
  });
});

describe("pagination", () => {
  const all = Array.from({ length: 25 }, (_, i) => ({ id: `b${i}`, name: `backup-${i}` }));
  const serve: Reply = (req, res) => {
    const url = new URL(req.url, base);
    const offset = Number(url.searchParams.get("offset") ?? 0);
    const limit = Number(url.searchParams.get("limit") ?? 10);
    json(res, 200, { backups: all.slice(offset, offset + limit), total_count: all.length });
  };

  it("iterates offset/limit pages until the total is reached", async () => {
    fallback = serve;
    const client = createClient(config());
    const pages = [];
    for await (const page of listBackupsPages(client, { query: { limit: 10, backup_type: "Manual" } })) pages.push(page);
    expect(pages.map((p) => p.backups?.length)).toEqual([10, 10, 5]);
    expect(requests.map((r) => r.url)).toEqual([
      "/v3/proj-1/backups?backup_type=Manual&offset=0&limit=10",
      "/v3/proj-1/backups?backup_type=Manual&offset=10&limit=10",
      "/v3/proj-1/backups?backup_type=Manual&offset=20&limit=10",
    ]);
    expect(pages.flatMap((p) => p.backups ?? []).map((b) => b.id)).toEqual(all.map((b) => b.id));
  });

  it("starts at the given offset and stops on an empty page without total", async () => {
    fallback = (req, res) => {
      const url = new URL(req.url, base);
      const offset = Number(url.searchParams.get("offset"));
      json(res, 200, { backups: all.slice(offset, offset + 10) });
    };
    const dds = createDdsMiniClient(config());
    const ids: string[] = [];
    for await (const page of dds.listBackupsPages({ query: { offset: 15 } })) ids.push(...(page.backups ?? []).map((b) => b.id));
    expect(ids).toEqual(all.slice(15).map((b) => b.id));
    expect(requests.map((r) => new URL(r.url, base).searchParams.get("offset"))).toEqual(["15", "25"]);
  });
});

describe("validation", () => {
  it("validates the request before sending: all issues, JSON Pointer paths", async () => {
    const dds = createDdsMiniClient(config());
    const error = await dds
      // @ts-expect-error: `extra` is not allowed by the closed backup object, name too short
      .createManualBackup({ body: { backup: { instance_id: 1, name: "ab", extra: true } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    const issues = (error as RequestValidationError).issues.map((i) => `${i.path} ${i.keyword}`).sort();
    expect(issues).toEqual(["/body/backup additionalProperties", "/body/backup/instance_id type", "/body/backup/name minLength"]);
    expect(requests).toHaveLength(0);
  });

  it("counts lengths in code points: 4 Chinese characters satisfy minLength 4 (and the pattern decides)", async () => {
    const dds = createDdsMiniClient(config());
    const error = await dds.createManualBackup({ body: { backup: { instance_id: "i", name: "备份名称" } } }).catch((e: unknown) => e);
    expect((error as RequestValidationError).issues.map((i) => i.keyword)).toEqual(["pattern"]);
    await dds.createManualBackup({ body: { backup: { instance_id: "i", name: "abcd", description: "手动备份😀" } } });
    expect(requests).toHaveLength(1);
  });

  it("sends invalid input when request validation is off", async () => {
    const dds = createDdsMiniClient(config({ validation: { request: false } }));
    // @ts-expect-error: deliberately invalid
    await dds.createManualBackup({ body: { nope: 1 } });
    expect(JSON.parse(requests[0]!.body)).toEqual({ nope: 1 });
  });

  it("validates responses when asked: mismatch throws, unknown enum values warn unless strict", async () => {
    fallback = (_req, res) => json(res, 202, { backup_id: 123 });
    const error = await createDdsMiniClient(config({ validation: { response: true } }))
      .createManualBackup({ body: validBody })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues).toEqual([{ path: "/backup_id", keyword: "type", message: "must be string" }]);

    fallback = (_req, res) => json(res, 200, { backups: [{ id: "1", name: "n", status: "ARCHIVED" }] });
    const warnings: ValidationIssue[] = [];
    const page = await createDdsMiniClient(
      config({ validation: { response: true, onWarning: (w) => warnings.push(...w.issues) } }),
    ).listBackups();
    expect(page.backups?.[0]?.status).toBe("ARCHIVED");
    expect(warnings).toEqual([{ path: "/backups/0/status", keyword: "enum", message: "must be equal to one of the allowed values" }]);
    const strict = await createDdsMiniClient(config({ validation: { response: "strict" } }))
      .listBackups()
      .catch((e: unknown) => e);
    expect(strict).toBeInstanceOf(ResponseValidationError);
  });
});
