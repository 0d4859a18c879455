import { createHash, createHmac } from "node:crypto";
import { describe, expect, test } from "vitest";
import {
  canonicalQuery,
  canonicalRequest,
  canonicalUri,
  hmacSha256Hex,
  sdkDate,
  sha256Hex,
  signRequest,
  signedHeaderEntries,
  signerEncode,
  stringToSign,
  type SignableRequest,
} from "../../generator/runtime/signer.ts";

const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const NOON = new Date(Date.UTC(2026, 0, 1, 12, 0, 0));
const CREDS = { accessKey: "AKEXAMPLE", secretKey: "SKEXAMPLE" };

describe("signerEncode", () => {
  test.each([
    ["", ""],
    ["AZaz09-_.~", "AZaz09-_.~"],
    [" ", "%20"],
    ["%", "%25"],
    ["!*'();:@&=+$,/?#[]", "%21%2A%27%28%29%3B%3A%40%26%3D%2B%24%2C%2F%3F%23%5B%5D"],
    ["é", "%C3%A9"],
    ["你好", "%E4%BD%A0%E5%A5%BD"],
    ["😀", "%F0%9F%98%80"],
    ["\u007f\u0000", "%7F%00"],
  ])("%j -> %j", (input, expected) => {
    expect(signerEncode(input)).toBe(expected);
  });
});

describe("canonicalUri", () => {
  test.each([
    ["/v3/abc/backups", "/v3/abc/backups/"],
    ["/v3/abc/backups/", "/v3/abc/backups/"],
    ["/", "/"],
    ["", "/"],
    ["/v3/a%20b", "/v3/a%2520b/"],
    ["/v3/a%2Fb", "/v3/a%252Fb/"],
    ["/v3/a%2fb", "/v3/a%252fb/"],
    // Unicode, already percent-encoded on the wire ("你好", "é")
    ["/v1/%E4%BD%A0%E5%A5%BD/%C3%A9", "/v1/%25E4%25BD%25A0%25E5%25A5%25BD/%25C3%25A9/"],
    // raw sub-delims that WHATWG URL leaves unencoded in paths
    ["/a:b@c!$&'()*+,;=", "/a%3Ab%40c%21%24%26%27%28%29%2A%2B%2C%3B%3D/"],
    ["/a-b_c.d~e", "/a-b_c.d~e/"],
    ["//x", "//x/"],
    ["/a//b/", "/a//b/"],
  ])("%j -> %j", (path, expected) => {
    expect(canonicalUri(path)).toBe(expected);
  });

  test("uses the path as fetch sends it (WHATWG URL serialisation)", async () => {
    const form = await canonicalRequest({ method: "GET", url: "https://h/v3/a b/你好", headers: {} }, NOON);
    expect(form.canonicalRequest.split("\n")[1]).toBe("/v3/a%2520b/%25E4%25BD%25A0%25E5%25A5%25BD/");
  });
});

describe("canonicalQuery", () => {
  test.each([
    ["", ""],
    ["?", ""],
    ["?b=2&a=1", "a=1&b=2"],
    ["b=2&a=1", "a=1&b=2"],
    // uppercase sorts before lowercase (code unit order)
    ["?limit=10&Marker=x", "Marker=x&limit=10"],
    ["?offset=1&limit=10&marker=m", "limit=10&marker=m&offset=1"],
    // repeated names: values sorted (as strings) and repeated
    ["?a=2&a=1&a=10", "a=1&a=10&a=2"],
    ["?tag=z&x=1&tag=a", "tag=a&tag=z&x=1"],
    // Unicode values: decoded then re-encoded with uppercase hex
    ["?name=%E4%BD%A0%E5%A5%BD", "name=%E4%BD%A0%E5%A5%BD"],
    ["?n=%c3%a9", "n=%C3%A9"],
    ["?n=é", "n=%C3%A9"],
    ["?%C3%A9=1&e=2", "e=2&%C3%A9=1"],
    // reserved chars, in the forms encodeURIComponent and URLSearchParams produce
    ["?r=!*'()%3B%3A%40%26%3D%2B%24%2C%2F%3F%23%5B%5D", "r=%21%2A%27%28%29%3B%3A%40%26%3D%2B%24%2C%2F%3F%23%5B%5D"],
    [
      "?r=%21%2A%27%28%29%3B%3A%40%26%3D%2B%24%2C%2F%3F%23%5B%5D",
      "r=%21%2A%27%28%29%3B%3A%40%26%3D%2B%24%2C%2F%3F%23%5B%5D",
    ],
    ["?a%26b=c%3Dd", "a%26b=c%3Dd"],
    // spaces: '+' and %20 both decode to a space; %2B is a literal plus
    ["?q=a+b", "q=a%20b"],
    ["?q=a%20b", "q=a%20b"],
    ["?q=a%2Bb", "q=a%2Bb"],
    // empty values, names without '='
    ["?a=&b", "a=&b="],
    ["?b=&a=x&b=", "a=x&b=&b="],
    ["?k=-_.~&t=%7E", "k=-_.~&t=~"],
  ])("%j -> %j", (search, expected) => {
    expect(canonicalQuery(search)).toBe(expected);
  });

  test("fragment is not part of the query", async () => {
    const form = await canonicalRequest({ method: "GET", url: "https://h/p?b=1&a=2#frag", headers: {} }, NOON);
    expect(form.canonicalRequest.split("\n")[2]).toBe("a=2&b=1");
  });
});

describe("sdkDate", () => {
  test.each([
    [NOON, "20260101T120000Z"],
    [new Date("2026-03-04T05:06:07.890Z"), "20260304T050607Z"],
    [new Date("1970-01-01T00:00:00Z"), "19700101T000000Z"],
    [new Date("2024-12-31T23:59:59.999+01:00"), "20241231T225959Z"],
  ])("%s -> %s", (date, expected) => {
    expect(sdkDate(date)).toBe(expected);
  });

  test("rejects invalid dates and years beyond 9999", () => {
    expect(() => sdkDate(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => sdkDate(new Date("+010000-01-01T00:00:00Z"))).toThrow(RangeError);
  });
});

describe("header set", () => {
  test("X-Sdk-Date is added when absent, from `now`", async () => {
    const headers = await signRequest({ method: "GET", url: "https://h/", headers: {} }, CREDS, NOON);
    expect(Object.keys(headers)).toEqual(["X-Sdk-Date", "Authorization"]);
    expect(headers["X-Sdk-Date"]).toBe("20260101T120000Z");
    expect(headers["Authorization"]).toMatch(
      /^SDK-HMAC-SHA256 Access=AKEXAMPLE, SignedHeaders=host;x-sdk-date, Signature=[0-9a-f]{64}$/,
    );
  });

  test("X-Sdk-Date is not added when present (any case); its value is signed", async () => {
    const withNow = await signRequest({ method: "GET", url: "https://h/", headers: {} }, CREDS, NOON);
    for (const name of ["X-Sdk-Date", "x-sdk-date", "X-SDK-DATE"]) {
      const signed = await signRequest(
        { method: "GET", url: "https://h/", headers: { [name]: "20260101T120000Z" } },
        CREDS,
        new Date(0), // ignored
      );
      expect(Object.keys(signed)).toEqual(["Authorization"]);
      expect(signed["Authorization"]).toBe(withNow["Authorization"]);
    }
  });

  test("defaults to the current time", async () => {
    const before = sdkDate(new Date());
    const headers = await signRequest({ method: "GET", url: "https://h/", headers: {} }, CREDS);
    const after = sdkDate(new Date());
    expect(headers["X-Sdk-Date"]! >= before && headers["X-Sdk-Date"]! <= after).toBe(true);
  });

  test.each([
    ["https://h.example.com/", "h.example.com"],
    ["https://h.example.com:443/", "h.example.com"],
    ["https://h.example.com:8443/", "h.example.com:8443"],
    ["http://h.example.com:80/", "h.example.com"],
    ["http://h.example.com:443/", "h.example.com:443"],
    ["https://H.Example.COM/", "h.example.com"],
    ["https://127.0.0.1:9000/", "127.0.0.1:9000"],
  ])("host of %s is %s", async (url, host) => {
    const form = await canonicalRequest({ method: "GET", url, headers: {} }, NOON);
    expect(form.canonicalRequest.split("\n")[3]).toBe(`host:${host}`);
  });

  test("names lowercased and sorted, values trimmed, host/authorization from the request ignored", () => {
    const entries = signedHeaderEntries(
      {
        "X-Project-Id": "  p1\t",
        "Content-Type": "application/json",
        Host: "evil.example.com",
        Authorization: "Bearer x",
        "X-Auth-Token": "a  b",
        "x-a": "1",
        x_a: "2",
        x0: "3",
      },
      "h:8443",
      "20260101T120000Z",
    );
    expect(entries).toEqual([
      ["content-type", "application/json"],
      ["host", "h:8443"],
      ["x-a", "1"],
      ["x-auth-token", "a  b"],
      ["x-project-id", "p1"],
      ["x-sdk-date", "20260101T120000Z"],
      ["x0", "3"],
      ["x_a", "2"],
    ]);
  });

  test("names differing only in case are combined like fetch's Headers does", () => {
    const entries = signedHeaderEntries({ "X-Tag": "a", "x-tag": " b " }, "h", "20260101T120000Z");
    expect(entries).toEqual([
      ["host", "h"],
      ["x-sdk-date", "20260101T120000Z"],
      ["x-tag", "a, b"],
    ]);
    // and it is what fetch would send
    expect(new Headers({ "X-Tag": "a", "x-tag": " b " }).get("x-tag")).toBe("a, b");
  });

  test("a present X-Sdk-Date keeps its own value in canonical headers", () => {
    const entries = signedHeaderEntries({ "X-Sdk-Date": " 20200101T000000Z " }, "h", "ignored");
    expect(entries).toEqual([
      ["host", "h"],
      ["x-sdk-date", "20200101T000000Z"],
    ]);
  });
});

describe("method, body, credentials", () => {
  test.each([
    ["get", "GET"],
    ["Post", "POST"],
    ["DELETE", "DELETE"],
    ["patch", "patch"], // fetch does not normalise PATCH
    ["PATCH", "PATCH"],
  ])("method %s is signed as %s", async (method, expected) => {
    const form = await canonicalRequest({ method, url: "https://h/", headers: {} }, NOON);
    expect(form.canonicalRequest.split("\n")[0]).toBe(expected);
  });

  test("payload hash of no body is the hash of the empty string", async () => {
    const form = await canonicalRequest({ method: "GET", url: "https://h/", headers: {} }, NOON);
    expect(form.canonicalRequest.endsWith(`\n${EMPTY_SHA256}`)).toBe(true);
    expect(await sha256Hex("")).toBe(EMPTY_SHA256);
  });

  test("string bodies are hashed as UTF-8; Uint8Array bodies byte for byte", async () => {
    const text = '{"name":"vm-é-😀"}';
    const expected = createHash("sha256").update(text, "utf8").digest("hex");
    const fromString = await canonicalRequest({ method: "POST", url: "https://h/", headers: {}, body: text }, NOON);
    const bytes = new TextEncoder().encode(text);
    const fromBytes = await canonicalRequest({ method: "POST", url: "https://h/", headers: {}, body: bytes }, NOON);
    expect(fromString.canonicalRequest.endsWith(`\n${expected}`)).toBe(true);
    expect(fromBytes.canonicalRequest).toBe(fromString.canonicalRequest);
    const sub = new Uint8Array([0, 1, 2, 3, 4, 5]).subarray(2, 4);
    expect(await sha256Hex(sub)).toBe(
      createHash("sha256")
        .update(Buffer.from([2, 3]))
        .digest("hex"),
    );
  });

  test("HMAC matches node:crypto, including non-ASCII keys", async () => {
    for (const key of ["SKEXAMPLE", "clé-秘密"]) {
      expect(await hmacSha256Hex(key, "msg\nline")).toBe(createHmac("sha256", key).update("msg\nline").digest("hex"));
    }
  });

  test("empty AK or SK is rejected", async () => {
    const request = { method: "GET", url: "https://h/", headers: {} };
    await expect(signRequest(request, { accessKey: "", secretKey: "s" })).rejects.toThrow(/access key/);
    await expect(signRequest(request, { accessKey: "a", secretKey: "" })).rejects.toThrow(/secret key/);
  });
});

describe("complete example", () => {
  const request: SignableRequest = {
    method: "POST",
    url: "https://ecs.eu-de.otc.t-systems.com:8443/v1/0605767a/cloudservers/a%20b?tags=b&limit=10&tags=a&name=%C3%A9+x",
    headers: { "Content-Type": "application/json;charset=UTF-8", "X-Project-Id": " 0605767a " },
    body: '{"server":{"name":"é"}}',
  };
  const bodyHash = createHash("sha256").update('{"server":{"name":"é"}}').digest("hex");
  const expectedCanonical = [
    "POST",
    "/v1/0605767a/cloudservers/a%2520b/",
    "limit=10&name=%C3%A9%20x&tags=a&tags=b",
    "content-type:application/json;charset=UTF-8\n" +
      "host:ecs.eu-de.otc.t-systems.com:8443\n" +
      "x-project-id:0605767a\n" +
      "x-sdk-date:20260101T120000Z\n",
    "content-type;host;x-project-id;x-sdk-date",
    bodyHash,
  ].join("\n");

  test("canonical request, string to sign and Authorization", async () => {
    const form = await canonicalRequest(request, NOON);
    expect(form).toEqual({
      canonicalRequest: expectedCanonical,
      signedHeaders: "content-type;host;x-project-id;x-sdk-date",
      sdkDate: "20260101T120000Z",
      dateAdded: true,
    });
    const expectedStringToSign =
      "SDK-HMAC-SHA256\n20260101T120000Z\n" + createHash("sha256").update(expectedCanonical).digest("hex");
    expect(await stringToSign("20260101T120000Z", expectedCanonical)).toBe(expectedStringToSign);
    const signature = createHmac("sha256", CREDS.secretKey).update(expectedStringToSign).digest("hex");
    expect(await signRequest(request, CREDS, NOON)).toEqual({
      "X-Sdk-Date": "20260101T120000Z",
      Authorization: `SDK-HMAC-SHA256 Access=AKEXAMPLE, SignedHeaders=content-type;host;x-project-id;x-sdk-date, Signature=${signature}`,
    });
  });

  test("does not mutate the request", async () => {
    const copy = structuredClone(request);
    await signRequest(request, CREDS, NOON);
    expect(request).toEqual(copy);
  });
});
