/**
 * Differential test: generator/runtime/signer.ts against the signer of the
 * official Huawei Cloud Node.js SDK (@huaweicloud/huaweicloud-sdk-core 3.1.211,
 * `auth/AKSKSigner.js`).
 *
 * How the SDK signer is driven (read from its source):
 *   AKSKSigner.sign(request, credential) with
 *   - request.endpoint: full URL up to the path (no query); it is parsed with
 *     the legacy `url.parse`, `pathname` -> canonical URI, `host` -> host;
 *   - request.queryParams: DECODED `{ name: value | value[] }` (the SDK signs
 *     the parameters, not the wire query; it serialises them later with
 *     `querystring.stringify`);
 *   - request.headers: signed as given, plus `host`; `X-Sdk-Date` is read
 *     (case-sensitively) from the headers and re-formatted through moment,
 *     else the current time is used;
 *   - request.data: payload hash = sha256(JSON.stringify(data)) if data is
 *     truthy, else the empty-string hash (or the X-Sdk-Content-Sha256 header);
 *   - credential: anything with getAk()/getSk() (we use BasicCredentials).
 *   It returns all signed headers plus `Authorization`.
 *
 * The property test restricts inputs to the domain where the scheme is
 * unambiguous and the SDK follows it; each SDK deviation found outside that
 * domain has its own test in "SDK deviations" below.
 */
import querystring from "node:querystring";
import { AKSKSigner } from "@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js";
import { BasicCredentials } from "@huaweicloud/huaweicloud-sdk-core/auth/BasicCredentials.js";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { sdkDate, signRequest, type SignableRequest } from "../../generator/runtime/signer.ts";

interface SdkRequest {
  endpoint: string;
  method: string;
  headers: Record<string, string>;
  queryParams: Record<string, string | string[]>;
  data?: unknown;
}

function sdkAuthorization(request: SdkRequest, ak: string, sk: string): string {
  // copies: the SDK sorts query arrays in place
  const copy: SdkRequest = {
    ...request,
    headers: { ...request.headers },
    queryParams: Object.fromEntries(
      Object.entries(request.queryParams).map(([k, v]) => [k, Array.isArray(v) ? [...v] : v]),
    ),
  };
  const result = AKSKSigner.sign(copy, new BasicCredentials({ ak, sk })) as Record<string, string>;
  const authorization = result["Authorization"];
  if (authorization === undefined) throw new Error("SDK returned no Authorization header");
  return authorization;
}

const SEED = 20260101;
const NUM_RUNS = 2000;

// ---------------------------------------------------------------------------
// Arbitraries
// ---------------------------------------------------------------------------

/** Characters that stress encoders: reserved (RFC 3986 gen-/sub-delims), '%', space, unreserved specials. */
const SPECIAL_CHARS = [
  ..."!*'();:@&=+$,/?#[]",
  "%",
  " ",
  "-",
  "_",
  ".",
  "~",
  '"',
  "<",
  ">",
  "\\",
  "^",
  "`",
  "{",
  "|",
  "}",
];

/** One grapheme: reserved/special ASCII, any ASCII, or any Unicode grapheme (well-formed, incl. astral). */
const char = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL_CHARS) },
  { weight: 3, arbitrary: fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.constantFrom("é", "你", "好", "😀", "ß", "\u00a0", "\u2028", "\ufeff", "\uffff") },
);
const text = (maxLength: number, minLength = 0) => fc.string({ unit: char, minLength, maxLength });

/** encodeURIComponent, plus the characters it leaves alone except the unreserved ones. */
function strictEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
}

/**
 * Path segment encoders. All produce only unreserved characters, `%XX` and
 * (for the second) `!()*`, which both WHATWG URL (what fetch sends) and the
 * SDK's legacy url.parse leave untouched. Excluded: raw `'`, `|`, `^`, `{`...
 * (url.parse escapes them, WHATWG does not) - see the deviation test.
 */
const segmentEncoders: Array<(s: string) => string> = [
  strictEncode,
  (s) => encodeURIComponent(s).replace(/'/g, "%27"),
  (s) => strictEncode(s).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()), // lowercase hex on the wire
];

/** Raw segments; "." and ".." are excluded (fetch resolves dot segments, the SDK does not). */
const segment = text(12).filter((s) => s !== "." && s !== "..");

const pathArb = fc
  .record({
    segments: fc.array(segment, { maxLength: 5 }),
    encoder: fc.nat({ max: segmentEncoders.length - 1 }),
    trailingSlash: fc.boolean(),
  })
  .map(({ segments, encoder, trailingSlash }) => {
    const encode = segmentEncoders[encoder]!;
    const path = "/" + segments.map(encode).join("/");
    return trailingSlash && !path.endsWith("/") ? path + "/" : path;
  });

/** https origins; port 443 written explicitly is excluded (the SDK keeps it in `host`; fetch does not send it). */
const originArb = fc
  .record({
    host: fc.constantFrom("ecs.eu-de.otc.t-systems.com", "iam.myhuaweicloud.com", "localhost", "10.0.0.1"),
    port: fc.option(fc.integer({ min: 1, max: 65535 }).filter((p) => p !== 443)),
  })
  .map(({ host, port }) => `https://${host}${port === null ? "" : `:${port}`}`);

/** Query: unique decoded names, each with one value or several. */
const queryArb = fc.uniqueArray(
  fc.tuple(text(8), fc.oneof(text(10), fc.array(text(10), { minLength: 1, maxLength: 4 }))),
  { maxLength: 6, selector: ([name]) => name },
);

type QuerySerializer = (pairs: Array<[string, string]>) => string;
/** Wire serialisations of the same decoded parameters. */
const querySerializers: QuerySerializer[] = [
  (pairs) => new URLSearchParams(pairs).toString(), // spaces as '+'
  (pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&"),
  (pairs) => pairs.map(([k, v]) => `${strictEncode(k)}=${strictEncode(v)}`).join("&"),
  // what the SDK itself sends (DefaultHttpClient uses querystring.stringify)
  (pairs) => pairs.map(([k, v]) => querystring.stringify({ [k]: v })).join("&"),
];

/**
 * Header names: HTTP tokens from [a-z0-9-] (random case). Names containing
 * '_' (or other punctuation) are excluded: the SDK orders canonical headers
 * with localeCompare, which puts '_' before '-' and digits - see the
 * deviation test. Names the scheme treats specially are excluded too.
 */
const RESERVED_HEADER_NAMES = new Set(["host", "x-sdk-date", "authorization", "x-sdk-content-sha256", "content-type"]);
const headerName = fc
  .tuple(
    fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/),
    fc.constantFrom<"lower" | "upper" | "title">("lower", "upper", "title"),
  )
  .filter(([name]) => !RESERVED_HEADER_NAMES.has(name))
  .map(([name, style]) =>
    style === "lower"
      ? name
      : style === "upper"
        ? name.toUpperCase()
        : name.replace(/(^|-)([a-z])/g, (m) => m.toUpperCase()),
  );
/** Header values: visible ASCII with inner spaces, no leading/trailing whitespace (the SDK does not trim). */
const headerValue = fc
  .string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 30 })
  .map((v) => v.trim());
const headersArb = fc.record({
  custom: fc.uniqueArray(fc.tuple(headerName, headerValue), { maxLength: 5, selector: ([n]) => n.toLowerCase() }),
  contentType: fc.option(fc.constantFrom("application/json", "application/json;charset=UTF-8", "text/plain")),
});

/**
 * Bodies: the SDK hashes JSON.stringify(data), and only for truthy data, so
 * data is a truthy JSON value (objects, arrays, numbers, Unicode strings...)
 * and our body is its JSON text, passed as a string or as UTF-8 bytes.
 */
const bodyArb = fc.option(
  fc.oneof(fc.jsonValue({ stringUnit: "grapheme", maxDepth: 3 }), text(40, 1)).filter((v) => Boolean(v)),
);

const dateArb = fc.date({
  min: new Date("1970-01-01T00:00:00Z"),
  max: new Date("9999-12-31T23:59:59Z"),
  noInvalidDate: true,
});

const credentialsArb = fc.record({
  ak: fc.stringMatching(/^[A-Z0-9]{1,24}$/),
  sk: fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }),
});

// ---------------------------------------------------------------------------

describe("signRequest vs the official SDK's AKSKSigner", () => {
  test("sanity: one hand-made request", async () => {
    const date = "20260101T120000Z";
    const ours = await signRequest(
      {
        method: "GET",
        url: "https://ecs.eu-de.otc.t-systems.com/v1/abc/cloudservers/detail?limit=10&name=a%20b",
        headers: { "X-Sdk-Date": date, "X-Project-Id": "abc" },
      },
      { accessKey: "AK", secretKey: "SK" },
    );
    const sdk = sdkAuthorization(
      {
        endpoint: "https://ecs.eu-de.otc.t-systems.com/v1/abc/cloudservers/detail",
        method: "GET",
        headers: { "X-Sdk-Date": date, "X-Project-Id": "abc" },
        queryParams: { limit: "10", name: "a b" },
      },
      "AK",
      "SK",
    );
    expect(ours["Authorization"]).toBe(sdk);
  });

  test(`identical Authorization on ${NUM_RUNS} generated requests`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          method: fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"),
          origin: originArb,
          path: pathArb,
          query: queryArb,
          querySerializer: fc.nat({ max: querySerializers.length - 1 }),
          reverseQuery: fc.boolean(),
          headers: headersArb,
          body: bodyArb,
          bodyAsBytes: fc.boolean(),
          date: dateArb,
          dateVia: fc.constantFrom<"now" | "header" | "lowercase-header">("now", "header", "lowercase-header"),
          credentials: credentialsArb,
        }),
        async (c) => {
          const xSdkDate = sdkDate(c.date);

          // ---- SDK request
          const queryParams = Object.fromEntries(c.query);
          const sdkHeaders: Record<string, string> = { "X-Sdk-Date": xSdkDate };
          for (const [name, value] of c.headers.custom) sdkHeaders[name] = value;
          if (c.headers.contentType !== null) sdkHeaders["content-type"] = c.headers.contentType;
          const sdkRequest: SdkRequest = {
            endpoint: c.origin + c.path,
            method: c.method,
            headers: sdkHeaders,
            queryParams,
          };
          if (c.body !== null) sdkRequest.data = c.body;

          // ---- our request: the wire URL and the headers the client sets
          let pairs: Array<[string, string]> = c.query.flatMap(([name, value]) =>
            (Array.isArray(value) ? value : [value]).map((v): [string, string] => [name, v]),
          );
          if (c.reverseQuery) pairs = pairs.reverse();
          const search = querySerializers[c.querySerializer]!(pairs);
          const url = c.origin + c.path + (search === "" ? "" : "?" + search);
          expect(new URL(url).pathname).toBe(c.path); // the path is sent exactly as built
          const headers: Record<string, string> = {};
          for (const [name, value] of c.headers.custom) headers[name] = value;
          if (c.headers.contentType !== null) headers["Content-Type"] = c.headers.contentType;
          if (c.dateVia === "header") headers["X-Sdk-Date"] = xSdkDate;
          if (c.dateVia === "lowercase-header") headers["x-sdk-date"] = xSdkDate;
          const request: SignableRequest = { method: c.method, url, headers };
          if (c.body !== null) {
            const json = JSON.stringify(c.body);
            request.body = c.bodyAsBytes ? new TextEncoder().encode(json) : json;
          }

          const ours = await signRequest(request, { accessKey: c.credentials.ak, secretKey: c.credentials.sk }, c.date);
          const theirs = sdkAuthorization(sdkRequest, c.credentials.ak, c.credentials.sk);
          expect(ours["Authorization"]).toBe(theirs);
          expect(ours["X-Sdk-Date"]).toBe(c.dateVia === "now" ? xSdkDate : undefined);
        },
      ),
      { seed: SEED, numRuns: NUM_RUNS },
    );
  });
});

// ---------------------------------------------------------------------------
// SDK deviations from the scheme (each documented; our signer follows the
// scheme, not the SDK).
// ---------------------------------------------------------------------------

describe("SDK deviations", () => {
  const DATE = "20260101T120000Z";
  const ORIGIN = "https://ecs.eu-de.otc.t-systems.com";
  const creds = { accessKey: "AK", secretKey: "SK" };
  const sdk = (request: Partial<SdkRequest>) =>
    sdkAuthorization(
      {
        endpoint: ORIGIN + "/v1/p",
        method: "POST",
        queryParams: {},
        ...request,
        headers: { "X-Sdk-Date": DATE, ...request.headers },
      },
      "AK",
      "SK",
    );
  const ours = async (request: Partial<SignableRequest>) =>
    (
      await signRequest(
        { url: ORIGIN + "/v1/p", method: "POST", ...request, headers: { "X-Sdk-Date": DATE, ...request.headers } },
        creds,
      )
    )["Authorization"];

  test("string data is hashed as JSON.stringify(string), i.e. quoted, not as the bytes sent", async () => {
    // axios sends a string that parses as JSON verbatim, but the SDK hashes '"{\"a\":1}"'.
    const body = '{"a":1}';
    expect(sdk({ data: body })).not.toBe(await ours({ body }));
    expect(sdk({ data: body })).toBe(await ours({ body: JSON.stringify(body) }));
  });

  test.each([[0], [false], [""], [null]])("falsy data %j is signed as an empty payload", async (data) => {
    expect(sdk({ data })).not.toBe(await ours({ body: JSON.stringify(data) }));
    expect(sdk({ data })).toBe(await ours({}));
  });

  test("X-Sdk-Content-Sha256 (e.g. UNSIGNED-PAYLOAD, which the SDK sets for non-JSON bodies) replaces the payload hash", async () => {
    const headers = { "X-Sdk-Content-Sha256": "UNSIGNED-PAYLOAD" };
    // The header is still signed by both; only the SDK uses its value as payload hash.
    expect(sdk({ headers, data: { a: 1 } })).not.toBe(await ours({ headers, body: '{"a":1}' }));
  });

  test("a lowercase `content-type: multipart/form-data...` header is not signed by the SDK", async () => {
    const contentType = "multipart/form-data; boundary=xyz";
    const sdkAuth = sdk({ headers: { "content-type": contentType } });
    expect(sdkAuth).toContain("SignedHeaders=host;x-sdk-date,");
    const oursAuth = await ours({ headers: { "content-type": contentType } });
    expect(oursAuth).toContain("SignedHeaders=content-type;host;x-sdk-date,");
    expect(sdkAuth).not.toBe(oursAuth);
    expect(sdkAuth).toBe(await ours({}));
  });

  test("canonical headers are ordered with localeCompare ('_' < '-' < digits), SignedHeaders by code units", async () => {
    const headers = { "x-a": "1", x_a: "2" };
    const sdkAuth = sdk({ headers });
    // SignedHeaders lists x-a before x_a, but the canonical headers block was built as x_a, x-a.
    expect(sdkAuth).toContain("SignedHeaders=host;x-a;x-sdk-date;x_a,");
    expect(sdkAuth).not.toBe(await ours({ headers }));
    // Without '_', both orders agree.
    expect(sdk({ headers: { "x-a": "1", x0: "2" } })).toBe(await ours({ headers: { "x-a": "1", x0: "2" } }));
  });

  test("header values are not trimmed by the SDK", async () => {
    const headers = { "X-Project-Id": " abc " };
    expect(sdk({ headers })).not.toBe(await ours({ headers }));
    expect(sdk({ headers: { "X-Project-Id": "abc" } })).toBe(await ours({ headers }));
  });

  test("X-Sdk-Date is looked up case-sensitively: a lowercase x-sdk-date is signed next to a fresh X-Sdk-Date", () => {
    const result = AKSKSigner.sign(
      { endpoint: ORIGIN + "/v1/p", method: "GET", headers: { "x-sdk-date": DATE }, queryParams: {} },
      new BasicCredentials({ ak: "AK", sk: "SK" }),
    ) as Record<string, string>;
    expect(result["X-Sdk-Date"]).toMatch(/^\d{8}T\d{6}Z$/);
    expect(result["Authorization"]).toContain("SignedHeaders=host;x-sdk-date;x-sdk-date,");
  });

  test("the path is parsed with legacy url.parse: ' | ^ are escaped, which fetch does not do", async () => {
    const path = "/v1/it's|a^b";
    expect(new URL(ORIGIN + path).pathname).toBe(path); // fetch sends them raw
    expect(sdk({ endpoint: ORIGIN + path })).not.toBe(await ours({ url: ORIGIN + path }));
    // the SDK signs the url.parse form /v1/it%27s%7Ca%5Eb, i.e. what it would send itself
    expect(sdk({ endpoint: ORIGIN + path })).toBe(await ours({ url: ORIGIN + "/v1/it%27s%7Ca%5Eb" }));
  });

  test("dot segments are not resolved by the SDK (fetch resolves '.', '..', '%2e')", async () => {
    const path = "/v1/a/../b/./c/%2e%2e/d";
    expect(new URL(ORIGIN + path).pathname).toBe("/v1/b/d");
    expect(sdk({ endpoint: ORIGIN + path })).not.toBe(await ours({ url: ORIGIN + path }));
  });

  test("an explicit default port stays in the SDK's host (Node and browsers send Host without it)", async () => {
    const endpoint = ORIGIN + ":443/v1/p";
    expect(sdk({ endpoint })).not.toBe(await ours({ url: endpoint }));
    expect(sdk({ endpoint })).toBe(
      sdkAuthorization(
        {
          endpoint: ORIGIN + "/v1/p",
          method: "POST",
          queryParams: {},
          headers: { "X-Sdk-Date": DATE, host: "ecs.eu-de.otc.t-systems.com:443" },
        },
        "AK",
        "SK",
      ),
    );
  });

  test("a `host` request header overrides the URL host in the SDK; our signer always signs the URL host", async () => {
    const headers = { host: "other.example.com" };
    expect(sdk({ headers })).not.toBe(await ours({ headers }));
    expect(await ours({ headers })).toBe(await ours({}));
  });

  test("the method is signed as given (fetch upper-cases get/post/...)", async () => {
    expect(sdk({ method: "get" })).not.toBe(await ours({ method: "get" }));
    expect(sdk({ method: "GET" })).toBe(await ours({ method: "get" }));
  });
});
