/**
 * Huawei Cloud / Open Telekom Cloud API Gateway request signing
 * ("SDK-HMAC-SHA256", AK/SK authentication).
 *
 * This file is copied verbatim into generated client packages, which must run
 * in browsers as well as in Node.js (>= 20): it uses only Web Crypto
 * (`globalThis.crypto.subtle`), `TextEncoder`, `URL` and `URLSearchParams`.
 * No imports, no dependencies.
 *
 * Scheme:
 *   CanonicalRequest = METHOD \n CanonicalURI \n CanonicalQuery \n
 *                      CanonicalHeaders \n SignedHeaders \n hex(SHA256(body))
 *   StringToSign     = "SDK-HMAC-SHA256" \n X-Sdk-Date \n hex(SHA256(CanonicalRequest))
 *   Signature        = hex(HMAC-SHA256(SK, StringToSign))
 *   Authorization    = "SDK-HMAC-SHA256 Access=<AK>, SignedHeaders=<h1;h2;...>, Signature=<sig>"
 */

export interface SignableRequest {
  /** HTTP method, e.g. `GET`. */
  method: string;
  /** Absolute URL exactly as it will be passed to `fetch` (path and query already percent-encoded). */
  url: string;
  /** The headers the client itself sets on the request (not the ones `fetch` adds later). */
  headers: Record<string, string>;
  /** The exact body that will be sent, if any. Strings are sent (and hashed) as UTF-8. */
  body?: string | Uint8Array;
}

export interface AkSkCredentials {
  accessKey: string;
  secretKey: string;
}

export const SIGNING_ALGORITHM = "SDK-HMAC-SHA256";
export const DATE_HEADER = "X-Sdk-Date";

/** Intermediate results of signing, exposed for tests and debugging. */
export interface CanonicalForm {
  /** The canonical request string that gets hashed into the string to sign. */
  canonicalRequest: string;
  /** Lower-cased, sorted, `;`-joined names of the signed headers. */
  signedHeaders: string;
  /** The X-Sdk-Date value used for signing. */
  sdkDate: string;
  /** True when X-Sdk-Date was absent from the request and must be added to it. */
  dateAdded: boolean;
}

const encoder = new TextEncoder();

const HEX: string[] = [];
for (let i = 0; i < 256; i++) HEX.push(i.toString(16).padStart(2, "0"));

function toHex(buffer: ArrayBuffer): string {
  const bytes = new Uint8Array(buffer);
  let out = "";
  for (const b of bytes) out += HEX[b];
  return out;
}

function isUnreserved(byte: number): boolean {
  return (
    (byte >= 0x41 && byte <= 0x5a) || // A-Z
    (byte >= 0x61 && byte <= 0x7a) || // a-z
    (byte >= 0x30 && byte <= 0x39) || // 0-9
    byte === 0x2d || // -
    byte === 0x2e || // .
    byte === 0x5f || // _
    byte === 0x7e // ~
  );
}

/**
 * Percent-encodes `value` as UTF-8, leaving only `A-Z a-z 0-9 - _ . ~` unescaped
 * (uppercase hex). Lone surrogates are encoded as U+FFFD.
 */
export function signerEncode(value: string): string {
  let out = "";
  for (const byte of encoder.encode(value)) {
    out += isUnreserved(byte) ? String.fromCharCode(byte) : "%" + (HEX[byte] ?? "").toUpperCase();
  }
  return out;
}

/**
 * Canonical URI: `path` is the path as sent on the wire (already
 * percent-encoded). Each `/`-separated segment is percent-encoded again
 * (so `%20` becomes `%2520`), and a trailing `/` is appended if missing.
 */
export function canonicalUri(path: string): string {
  const uri = path.split("/").map(signerEncode).join("/");
  return uri.endsWith("/") ? uri : uri + "/";
}

/** Compares strings by UTF-16 code units (the order of `Array.prototype.sort()` without comparator). */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Canonical query string from the query as sent on the wire (`URL.search`,
 * with or without the leading `?`).
 *
 * The wire query is decoded first (application/x-www-form-urlencoded rules,
 * as `URLSearchParams` does: `+` is a space, `%XX` are UTF-8 bytes), then
 * parameter names are sorted (decoded names, UTF-16 code unit order), values
 * of a repeated name are sorted the same way, and each `name=value` pair is
 * re-encoded with {@link signerEncode}. Pairs are joined with `&`; no query
 * gives the empty string.
 */
export function canonicalQuery(search: string): string {
  const grouped = new Map<string, string[]>();
  for (const [name, value] of new URLSearchParams(search)) {
    const values = grouped.get(name);
    if (values) values.push(value);
    else grouped.set(name, [value]);
  }
  const pairs: string[] = [];
  for (const name of [...grouped.keys()].sort(compareCodeUnits)) {
    const encodedName = signerEncode(name);
    const values = (grouped.get(name) ?? []).sort(compareCodeUnits);
    for (const value of values) pairs.push(encodedName + "=" + signerEncode(value));
  }
  return pairs.join("&");
}

/** Formats `date` as X-Sdk-Date: UTC `YYYYMMDDTHHmmssZ`, e.g. `20260101T120000Z`. */
export function sdkDate(date: Date): string {
  const iso = date.toISOString(); // YYYY-MM-DDTHH:mm:ss.sssZ (throws on an invalid date)
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(iso)) {
    throw new RangeError(`X-Sdk-Date needs a year between 0000 and 9999, got ${iso}`);
  }
  return (
    iso.slice(0, 4) +
    iso.slice(5, 7) +
    iso.slice(8, 13) +
    iso.slice(14, 16) +
    iso.slice(17, 19) +
    "Z"
  );
}

/** Strips leading and trailing HTTP whitespace (what `fetch`'s `Headers` does to values). */
function trimHeaderValue(value: string): string {
  return value.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, "");
}

/**
 * The method as `fetch` puts it on the wire: DELETE, GET, HEAD, OPTIONS,
 * POST and PUT are upper-cased (case-insensitively matched); anything else is
 * sent as given.
 */
function wireMethod(method: string): string {
  const upper = method.toUpperCase();
  return ["DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT"].includes(upper) ? upper : method;
}

/**
 * The signed headers, as sorted `[lowercase name, trimmed value]` entries:
 * every header in `headers` (names compared case-insensitively; values of
 * names that differ only in case are joined with `, ` in insertion order, as
 * `fetch`'s `Headers` does), except `host` (always the URL's host) and
 * `authorization` (replaced by the signature), plus `host` and `x-sdk-date`.
 */
export function signedHeaderEntries(
  headers: Record<string, string>,
  host: string,
  xSdkDate: string,
): Array<[string, string]> {
  const merged = new Map<string, string>();
  for (const [rawName, rawValue] of Object.entries(headers)) {
    const name = rawName.toLowerCase();
    if (name === "host" || name === "authorization") continue;
    const value = trimHeaderValue(String(rawValue));
    const previous = merged.get(name);
    merged.set(name, previous === undefined ? value : previous + ", " + value);
  }
  merged.set("host", host);
  if (!merged.has("x-sdk-date")) merged.set("x-sdk-date", xSdkDate);
  return [...merged.entries()].sort((a, b) => compareCodeUnits(a[0], b[0]));
}

function bodyBytes(body: string | Uint8Array | undefined): Uint8Array<ArrayBuffer> {
  if (body === undefined) return new Uint8Array(0);
  if (typeof body === "string") return encoder.encode(body);
  return new Uint8Array(body); // copy: also detaches us from SharedArrayBuffer-backed views
}

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s)
    throw new Error(
      "Web Crypto (globalThis.crypto.subtle) is not available; a secure context is required",
    );
  return s;
}

/** Lowercase hex SHA-256 of a string (UTF-8) or of bytes. */
export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  return toHex(await subtle().digest("SHA-256", bodyBytes(data)));
}

/** Lowercase hex HMAC-SHA256 of `message` (UTF-8) keyed with `key` (UTF-8). */
export async function hmacSha256Hex(key: string, message: string): Promise<string> {
  const cryptoKey = await subtle().importKey(
    "raw",
    encoder.encode(key),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  return toHex(await subtle().sign("HMAC", cryptoKey, encoder.encode(message)));
}

/**
 * Builds the canonical request. If the request has no X-Sdk-Date header
 * (case-insensitively), the date is `now` (default: the current time).
 */
export async function canonicalRequest(
  request: SignableRequest,
  now?: Date,
): Promise<CanonicalForm> {
  const url = new URL(request.url);
  const existingDate = Object.entries(request.headers).find(
    ([name]) => name.toLowerCase() === "x-sdk-date",
  );
  const dateAdded = existingDate === undefined;
  const date =
    existingDate === undefined
      ? sdkDate(now ?? new Date())
      : trimHeaderValue(String(existingDate[1]));
  const entries = signedHeaderEntries(request.headers, url.host, date);
  const signedHeaders = entries.map(([name]) => name).join(";");
  const canonicalHeaders = entries.map(([name, value]) => `${name}:${value}\n`).join("");
  // If several X-Sdk-Date headers differ only in case, the signed value is the merged one.
  const sdkDateValue = entries.find(([name]) => name === "x-sdk-date")?.[1] ?? date;
  const canonical = [
    wireMethod(request.method),
    canonicalUri(url.pathname),
    canonicalQuery(url.search),
    canonicalHeaders,
    signedHeaders,
    await sha256Hex(request.body ?? ""),
  ].join("\n");
  return { canonicalRequest: canonical, signedHeaders, sdkDate: sdkDateValue, dateAdded };
}

/** `SDK-HMAC-SHA256\n<X-Sdk-Date>\n<hex SHA-256 of the canonical request>`. */
export async function stringToSign(xSdkDate: string, canonical: string): Promise<string> {
  return `${SIGNING_ALGORITHM}\n${xSdkDate}\n${await sha256Hex(canonical)}`;
}

/**
 * Signs `request` with AK/SK. Returns the headers to add to the request:
 * `X-Sdk-Date` (only if absent from `request.headers`, case-insensitively)
 * and `Authorization`. `now` defaults to the current time.
 */
export async function signRequest(
  request: SignableRequest,
  credentials: AkSkCredentials,
  now?: Date,
): Promise<Record<string, string>> {
  if (!credentials.accessKey) throw new Error("AK/SK signing: the access key is empty");
  if (!credentials.secretKey) throw new Error("AK/SK signing: the secret key is empty");
  const form = await canonicalRequest(request, now);
  const toSign = await stringToSign(form.sdkDate, form.canonicalRequest);
  const signature = await hmacSha256Hex(credentials.secretKey, toSign);
  const headers: Record<string, string> = {};
  if (form.dateAdded) headers[DATE_HEADER] = form.sdkDate;
  headers["Authorization"] =
    `${SIGNING_ALGORITHM} Access=${credentials.accessKey}, SignedHeaders=${form.signedHeaders}, Signature=${signature}`;
  return headers;
}
