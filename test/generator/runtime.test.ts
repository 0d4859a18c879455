// Unit tests of the runtime copied into every package (generator/runtime/*.ts, except the
// signer, which has its own tests).

import { describe, expect, it } from "vitest";
import { ApiError, NetworkError } from "../../generator/runtime/errors.ts";
import { paginate, type PaginationSpec } from "../../generator/runtime/paginate.ts";
import { backoffDelay, isRetryableStatus, parseRetryAfter, resolveRetryPolicy, sleep } from "../../generator/runtime/retry.ts";
import { buildPath, buildQuery, encodePathSegment, normalizeEndpoint } from "../../generator/runtime/url.ts";
import { codePointLength, deepEqual, isObject, own, responseContext } from "../../generator/runtime/validation.ts";
import { runtimeModuleText, scanExports } from "../../generator/runtime-files.ts";

describe("url", () => {
  it.each([
    ["abc", "abc"],
    ["../x", "..%2Fx"],
    ["a/b?c#d", "a%2Fb%3Fc%23d"],
    ["%2e%2e", "%252e%252e"],
    ["...", "..."],
    ["名称", "%E5%90%8D%E7%A7%B0"],
    [42, "42"],
  ])("path segment %j -> %s", (value, want) => expect(encodePathSegment("id", value)).toBe(want));

  it.each([[".."], ["."], [""], [undefined], [null]])("refuses path segment %j", (value) => {
    expect(() => encodePathSegment("id", value)).toThrow(/path parameter "id"/);
  });

  it("keeps the template's path whatever the IDs are", () => {
    const path = buildPath("/v3/{project_id}/backups/{id}", ["project_id", "id"], (n) => (n === "id" ? "../../../etc" : "p"));
    expect(new URL(`https://h${path}`).pathname).toBe("/v3/p/backups/..%2F..%2F..%2Fetc");
  });

  it("serialises queries: arrays repeat, null/undefined skipped, RFC 3986 escapes", () => {
    const values: Record<string, unknown> = { a: "x y+z", b: [1, 2], c: undefined, d: null, e: true, f: { k: 1 } };
    expect(buildQuery(Object.keys(values), (n) => values[n])).toBe("?a=x%20y%2Bz&b=1&b=2&e=true&f=%7B%22k%22%3A1%7D");
    expect(buildQuery(["a"], () => undefined)).toBe("");
  });

  it("normalises endpoints", () => {
    expect(normalizeEndpoint("dds.example.com/")).toBe("https://dds.example.com");
    expect(normalizeEndpoint("http://127.0.0.1:8080//")).toBe("http://127.0.0.1:8080");
    expect(() => normalizeEndpoint("https://a:b@h")).toThrow(/credentials/);
  });
});

describe("retry", () => {
  it("is off unless configured", () => {
    expect(resolveRetryPolicy(undefined)).toBeUndefined();
    expect(resolveRetryPolicy(false)).toBeUndefined();
    expect(resolveRetryPolicy(true)?.methods).toEqual(["GET", "PUT", "DELETE", "HEAD"]);
  });

  it("retries 429 and 5xx by default", () => {
    const p = resolveRetryPolicy(true)!;
    expect([429, 500, 503, 599, 400, 404, 501].map((s) => isRetryableStatus(p, s))).toEqual([true, true, true, true, false, false, true]);
    expect(isRetryableStatus(resolveRetryPolicy({ statuses: [409] })!, 409)).toBe(true);
  });

  it("backs off exponentially with full jitter, capped", () => {
    const p = resolveRetryPolicy({ baseDelayMs: 100, maxDelayMs: 1000 })!;
    expect([0, 1, 2, 3, 4, 10].map((n) => backoffDelay(p, n, () => 0.999999))).toEqual([99, 199, 399, 799, 999, 999]);
    expect(backoffDelay(p, 3, () => 0)).toBe(0);
  });

  it("parses Retry-After as seconds or an HTTP date", () => {
    const now = Date.parse("Tue, 24 Nov 2026 01:00:00 GMT");
    expect(parseRetryAfter("3", now)).toBe(3000);
    expect(parseRetryAfter("Tue, 24 Nov 2026 01:00:10 GMT", now)).toBe(10_000);
    expect(parseRetryAfter("Tue, 24 Nov 2026 00:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  it("sleep is abortable", async () => {
    const controller = new AbortController();
    const pending = sleep(10_000, controller.signal);
    controller.abort(new Error("stop"));
    await expect(pending).rejects.toThrow("stop");
  });
});

describe("paginate", () => {
  const items = Array.from({ length: 7 }, (_, i) => ({ id: `i${i}` }));
  async function collect(spec: PaginationSpec, input: unknown, page: (query: Record<string, unknown>) => unknown) {
    const queries: Record<string, unknown>[] = [];
    const pages: unknown[] = [];
    for await (const p of paginate(
      async (i: { query: Record<string, unknown> }) => {
        queries.push(i.query);
        return page(i.query);
      },
      input as { query: Record<string, unknown> },
      spec,
    )) {
      pages.push(p);
    }
    return { queries, pages };
  }

  it("offset: advances by items received, stops on a short page; never mutates the input", async () => {
    const input = { query: { limit: 3 } };
    const { queries } = await collect({ kind: "offset", cursorParam: "offset", limitParam: "limit", itemsKey: "items" }, input, (q) => ({
      items: items.slice(Number(q.offset), Number(q.offset) + 3),
    }));
    expect(queries.map((q) => q.offset)).toEqual([0, 3, 6]);
    expect(input).toEqual({ query: { limit: 3 } });
  });

  it("marker: follows next_marker, or the last item's id", async () => {
    const byMarker = (q: Record<string, unknown>) => {
      const start = q.marker === undefined ? 0 : items.findIndex((i) => i.id === q.marker) + 1;
      return { items: items.slice(start, start + 3) };
    };
    const viaId = await collect({ kind: "marker", cursorParam: "marker", limitParam: "limit", itemsKey: "items", itemIdKey: "id" }, { query: { limit: 3 } }, byMarker);
    expect(viaId.queries.map((q) => q.marker)).toEqual([undefined, "i2", "i5"]);
    const viaNext = await collect({ kind: "marker", cursorParam: "marker", limitParam: "limit", itemsKey: "items", nextMarkerKey: "next" }, undefined, (q) => {
      const page = byMarker(q);
      return { ...page, next: page.items.length > 0 ? page.items[page.items.length - 1]!.id : undefined };
    });
    expect(viaNext.queries.map((q) => q.marker)).toEqual([undefined, "i2", "i5", "i6"]);
  });

  it("fetches one page when the item list is unknown, and stops when the cursor does not move", async () => {
    expect((await collect({ kind: "offset", cursorParam: "offset", limitParam: "limit" }, {}, () => ({}))).pages).toHaveLength(1);
    const stuck = await collect({ kind: "marker", cursorParam: "marker", limitParam: "limit", itemsKey: "items", nextMarkerKey: "next" }, {}, () => ({ items: [1], next: "same" }));
    expect(stuck.pages).toHaveLength(2);
  });
});

describe("validation helpers", () => {
  it("counts code points like JSON Schema", () => {
    expect([codePointLength(""), codePointLength("abc"), codePointLength("备份名称"), codePointLength("😀𠀀"), codePointLength("\ud800x")]).toEqual([0, 3, 4, 2, 2]);
  });

  it("treats keys as data", () => {
    const parsed = JSON.parse('{"__proto__": 1, "a": 2}') as Record<string, unknown>;
    expect(own(parsed, "__proto__")).toBe(1);
    expect(own({}, "__proto__")).toBeUndefined();
    expect(own({}, "constructor")).toBeUndefined();
    expect(own(Object.create({ inherited: 1 }) as Record<string, unknown>, "inherited")).toBeUndefined();
    expect([isObject({}), isObject([]), isObject(null), isObject(Object.create(null))]).toEqual([true, false, false, true]);
    expect(deepEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(deepEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(responseContext({ strict: true }).lenient).toBe(false);
    expect(responseContext().lenient).toBe(true);
  });
});

describe("errors", () => {
  it("reads error_code/error_msg and the nested error form", () => {
    const flat = new ApiError({ operationId: "op", status: 400, body: { error_code: "E1", error_msg: "bad" }, method: "GET", url: "https://u:p@h/x" });
    expect([flat.errorCode, flat.errorMessage, flat.url]).toEqual(["E1", "bad", "https://h/x"]);
    const nested = new ApiError({ operationId: "op", status: 404, body: { error: { code: "E2", message: "gone" } }, method: "GET", url: "u" });
    expect([nested.errorCode, nested.errorMessage]).toEqual(["E2", "gone"]);
    const text = new ApiError({ operationId: "op", status: 502, body: "<html>", method: "GET", url: "u" });
    // No error_code/error_msg: the body speaks, as a bounded one-line excerpt.
    expect([text.errorCode, text.excerpt, text.message]).toEqual([undefined, "<html>", 'op: HTTP 502 "<html>"']);
    const long = new ApiError({ operationId: "op", status: 502, body: "x", text: `a\n\n b ${"名".repeat(1000)}`, method: "GET", url: "u" });
    expect(long.excerpt).toBe(`a b ${"名".repeat(196)}…`);
    expect(new ApiError({ operationId: "op", status: 500, body: undefined, method: "GET", url: "u" }).message).toBe("op: HTTP 500");
    expect(new NetworkError("op", new TypeError("fetch failed")).message).toBe("op: network error: fetch failed");
    expect(new NetworkError("op", new TypeError("terminated"), 200).message).toBe("op: network error while reading the body of an HTTP 200 response: terminated");
  });
});

describe("runtime copies", () => {
  it("finds exports and rewrites relative imports", () => {
    const source = 'import { a } from "./x.ts";\nimport type { B } from "./y.ts";\nexport function f() {}\nexport interface I {}\nexport type T = 1;\nexport class C {}\nexport const k = 1;\nexport { g, type H };\n';
    expect(scanExports(source)).toEqual({ values: ["C", "f", "g", "k"], types: ["H", "I", "T"] });
    expect(runtimeModuleText({ name: "m", source, values: [], types: [] }, "// h")).toContain('import { a } from "./x.gen.js";\nimport type { B } from "./y.gen.js";');
    expect(() => runtimeModuleText({ name: "m", source: 'const x = await import("../z.ts");', values: [], types: [] }, "")).toThrow(/cannot rewrite/);
  });
});
