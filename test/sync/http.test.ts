// `docs2ts sync` against a local HTTP server on 127.0.0.1 (port 0): ETags and 304, Last-Modified,
// a 404, 500-then-200, 429 with Retry-After, a route that never answers, a GBK page.

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { parseRetryAfter } from "../../sync/http.ts";
import { SyncError } from "../../sync/run.ts";
import { makeProject, snapshot, type Project } from "./helpers.ts";

const fixtures = path.join(import.meta.dirname, "../fixtures/sync");
const gbkPage = readFileSync(path.join(fixtures, "gbk-page.html"));
const latin1Page = readFileSync(path.join(fixtures, "iso-8859-1-page.html"));

interface Route {
  status?: number;
  body?: string | Buffer;
  headers?: Record<string, string>;
}

/** A page server whose routes a test can change between syncs; it records every request. */
class PageServer {
  readonly routes = new Map<string, Route | ((req: http.IncomingMessage, count: number) => Route | "hang")>();
  readonly requests: { url: string; headers: http.IncomingHttpHeaders }[] = [];
  inFlight = 0;
  maxInFlight = 0;
  private server = http.createServer((req, res) => this.handle(req, res));
  base = "";

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  url(route: string): string {
    return `${this.base}${route}`;
  }

  count(route: string): number {
    return this.requests.filter((r) => r.url === route).length;
  }

  /** A page with an ETag that answers 304 to a matching If-None-Match. */
  etagPage(route: string, body: string, etag: string, contentType = "text/html; charset=utf-8"): void {
    this.routes.set(route, (req): Route =>
      req.headers["if-none-match"] === etag
        ? { status: 304, headers: { etag } }
        : { body, headers: { etag, "content-type": contentType } },
    );
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = req.url ?? "";
    this.requests.push({ url, headers: req.headers });
    const entry = this.routes.get(url);
    const route =
      typeof entry === "function" ? entry(req, this.count(url)) : (entry ?? { status: 404, body: "not found" });
    if (route === "hang") return; // never answers; stop() closes the socket
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    setTimeout(() => {
      this.inFlight--;
      res.writeHead(route.status ?? 200, route.headers ?? {});
      res.end(route.body);
    }, 5);
  }
}

let server: PageServer;
let project: Project;

beforeEach(async () => {
  server = new PageServer();
  await server.start();
  project = makeProject();
});

afterEach(async () => {
  await server.stop();
  project.cleanup();
});

const fast = { retryDelayMs: 10, timeoutMs: 2_000 };

describe("http upstream", () => {
  test("first sync stores pages byte for byte; the next one asks conditionally and gets 304s", async () => {
    server.etagPage("/docs/create-backup.html", "<h1>Create</h1>\n", '"v1"');
    server.routes.set("/docs/list-backups.md", (req) =>
      req.headers["if-modified-since"] === "Tue, 01 Jul 2025 10:00:00 GMT"
        ? { status: 304 }
        : {
            body: "# List\n",
            headers: { "last-modified": "Tue, 01 Jul 2025 10:00:00 GMT", "content-type": "text/markdown" },
          },
    );
    server.routes.set("/docs/gbk-page.html", { body: gbkPage, headers: { "content-type": "text/html; charset=GBK" } });
    server.routes.set("/docs/iso-8859-1-page.html", {
      body: latin1Page,
      headers: { "content-type": 'text/html;charset="ISO-8859-1"' },
    });
    const urls = [
      "/docs/create-backup.html",
      "/docs/list-backups.md",
      "/docs/gbk-page.html",
      "/docs/iso-8859-1-page.html",
    ].map((u) => server.url(u));
    project.configure({ dds: { urls, ...fast } });

    const one = await project.sync();
    expect(one.report.services[0]).toMatchObject({
      upstream: "4 URLs",
      added: ["create-backup.html", "gbk-page.html", "iso-8859-1-page.html", "list-backups.md"],
      written: true,
    });
    expect(project.readBytes("sources/dds/gbk-page.html").equals(gbkPage)).toBe(true);
    expect(project.readBytes("sources/dds/iso-8859-1-page.html").equals(latin1Page)).toBe(true);
    const lock = JSON.parse(project.read("sources/dds/sources.lock.json"));
    expect(lock.pages.map((p: { path: string; charset: string }) => [p.path, p.charset])).toEqual([
      ["create-backup.html", "utf-8"],
      ["gbk-page.html", "gbk"],
      ["iso-8859-1-page.html", "iso-8859-1"],
      ["list-backups.md", "utf-8"],
    ]);
    expect(lock.pages[0]).toEqual({
      path: "create-backup.html",
      origin: server.url("/docs/create-backup.html"),
      etag: '"v1"',
      charset: "utf-8",
      sha256: createHash("sha256").update("<h1>Create</h1>\n").digest("hex"),
    });
    expect(lock.pages[3]).toMatchObject({ lastModified: "Tue, 01 Jul 2025 10:00:00 GMT" });
    expect(lock.pages[3].etag).toBeUndefined();

    const lockBefore = project.read("sources/dds/sources.lock.json");
    const two = await project.sync();
    expect(two.report.services[0]).toMatchObject({
      added: [],
      changed: [],
      removed: [],
      unchanged: ["create-backup.html", "gbk-page.html", "iso-8859-1-page.html", "list-backups.md"],
      lockChanged: false,
      written: false,
    });
    const second = server.requests.slice(4);
    expect(second.find((r) => r.url === "/docs/create-backup.html")?.headers["if-none-match"]).toBe('"v1"');
    expect(second.find((r) => r.url === "/docs/list-backups.md")?.headers["if-modified-since"]).toBe(
      "Tue, 01 Jul 2025 10:00:00 GMT",
    );
    expect(second.find((r) => r.url === "/docs/gbk-page.html")?.headers["if-none-match"]).toBeUndefined();
    expect(project.read("sources/dds/sources.lock.json")).toBe(lockBefore);

    server.etagPage("/docs/create-backup.html", "<h1>Create (v2)</h1>\n", '"v2"');
    const check = await project.sync({ check: true });
    expect(check.exitCode).toBe(1);
    expect(check.report.services[0]!.changed).toEqual(["create-backup.html"]);
    expect(project.read("sources/dds/create-backup.html")).toBe("<h1>Create</h1>\n");
    await project.sync();
    expect(project.read("sources/dds/create-backup.html")).toBe("<h1>Create (v2)</h1>\n");
    expect(project.read("sources/dds/sources.lock.json")).toContain('"etag": "\\"v2\\""');
    expect((await project.sync({ check: true })).exitCode).toBe(0);
  });

  test("a page edited on disk is fetched unconditionally and restored", async () => {
    server.etagPage("/a.html", "<p>a</p>\n", '"a"');
    project.configure({ dds: [server.url("/a.html")] });
    await project.sync();
    project.write("sources/dds/a.html", "<p>edited by hand</p>\n");
    const result = await project.sync();
    expect(server.requests.at(-1)?.headers["if-none-match"]).toBeUndefined();
    expect(result.report.services[0]!.changed).toEqual(["a.html"]);
    expect(project.read("sources/dds/a.html")).toBe("<p>a</p>\n");
  });

  test("a 404 fails the whole sync, names the URL and leaves sources/ as it was", async () => {
    server.etagPage("/a.html", "<p>a</p>\n", '"a"');
    project.configure({ dds: { urls: [server.url("/a.html")], ...fast } });
    await project.sync();
    const before = snapshot(path.join(project.root, "sources"));
    server.etagPage("/a.html", "<p>a, changed</p>\n", '"a2"');
    project.configure({ dds: { urls: [server.url("/a.html"), server.url("/gone.html")], ...fast } });
    const error = await project.sync().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncError);
    expect((error as Error).message).toBe(`dds: GET ${server.url("/gone.html")} answered 404 Not Found`);
    expect(server.count("/gone.html")).toBe(1); // a 4xx is not retried
    expect(snapshot(path.join(project.root, "sources"))).toEqual(before);
  });

  test("500 then 200 is retried and succeeds; 429 honours Retry-After", async () => {
    server.routes.set("/flaky.html", (_req, count) =>
      count === 1 ? { status: 500, body: "oops" } : { body: "<p>ok</p>\n" },
    );
    server.routes.set("/busy.html", (_req, count) =>
      count === 1 ? { status: 429, headers: { "retry-after": "1" } } : { body: "<p>ok</p>\n" },
    );
    project.configure({ dds: { urls: [server.url("/flaky.html"), server.url("/busy.html")], ...fast } });
    const started = Date.now();
    const result = await project.sync();
    expect(result.report.services[0]!.added).toEqual(["busy.html", "flaky.html"]);
    expect(server.count("/flaky.html")).toBe(2);
    expect(server.count("/busy.html")).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  test("a 500 that persists gives up after the configured retries", async () => {
    server.routes.set("/down.html", { status: 503, body: "down" });
    project.configure({ dds: { urls: [server.url("/down.html")], retries: 2, retryDelayMs: 5 } });
    await expect(project.sync()).rejects.toThrow(
      `dds: GET ${server.url("/down.html")} answered 503 Service Unavailable (gave up after 3 attempts)`,
    );
    expect(server.count("/down.html")).toBe(3);
  });

  test("a route that never answers times out; every failure is listed", async () => {
    server.routes.set("/hang.html", () => "hang");
    server.routes.set("/ok.html", { body: "<p>ok</p>\n" });
    project.configure({
      dds: {
        urls: [server.url("/ok.html"), server.url("/hang.html"), server.url("/missing.html")],
        timeoutMs: 200,
        retries: 1,
        retryDelayMs: 5,
      },
    });
    const started = Date.now();
    const error = await project.sync().catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect((error as Error).message).toBe(
      [
        "dds: 2 pages failed:",
        `  GET ${server.url("/hang.html")} timed out after 200 ms (gave up after 2 attempts)`,
        `  GET ${server.url("/missing.html")} answered 404 Not Found`,
      ].join("\n"),
    );
    expect(server.count("/hang.html")).toBe(2);
    expect(snapshot(path.join(project.root, "sources"))).toEqual({});
  });

  test("no more than `concurrency` requests are in flight", async () => {
    const urls = Array.from({ length: 8 }, (_, i) => {
      server.routes.set(`/p${i}.md`, { body: `# ${i}\n` });
      return server.url(`/p${i}.md`);
    });
    project.configure({ dds: { urls, concurrency: 2 } });
    await project.sync();
    expect(server.maxInFlight).toBe(2);
  });

  test("a page that is not text in its declared charset is refused", async () => {
    server.routes.set("/bad.md", {
      body: Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x0a]),
      headers: { "content-type": "text/markdown; charset=utf-8" },
    });
    project.configure({ dds: [server.url("/bad.md")] });
    await expect(project.sync()).rejects.toThrow(`dds: GET ${server.url("/bad.md")}: the page is not valid utf-8 text`);
  });

  test("a URL whose file name would leave sources/<service>/ is refused before any request", async () => {
    project.configure({ dds: [server.url("/docs/..%2F..%2Fevil.html")] });
    await expect(project.sync()).rejects.toThrow(
      `dds: refusing page ${server.url("/docs/..%2F..%2Fevil.html")}: the URL names the file "../../evil.html", which contains "/"`,
    );
    project.configure({ dds: [server.url("/docs/%2E%2E")] });
    await expect(project.sync()).rejects.toThrow(/the URL has no file name/);
    project.configure({ dds: [server.url("/docs/sources.lock.json")] });
    await expect(project.sync()).rejects.toThrow(/which is reserved for the lock file/);
    expect(server.requests).toEqual([]);
  });
});

test("Retry-After: seconds, an HTTP date, or nothing", () => {
  const now = Date.parse("Tue, 01 Jul 2025 10:00:00 GMT");
  expect(parseRetryAfter("3", now)).toBe(3000);
  expect(parseRetryAfter("Tue, 01 Jul 2025 10:00:05 GMT", now)).toBe(5000);
  expect(parseRetryAfter("Tue, 01 Jul 2025 09:00:00 GMT", now)).toBe(0);
  expect(parseRetryAfter("soon", now)).toBe(0);
  expect(parseRetryAfter(null, now)).toBe(0);
});
