// Request URLs: percent-encoded path parameters (a "../" in an ID never changes the path) and
// query serialisation (form style, arrays repeat the name).

/** Thrown for parameter values that cannot be put into a URL safely. */
export class UrlParameterError extends Error {
  override readonly name = "UrlParameterError";
  constructor(
    message: string,
    readonly parameter: string,
  ) {
    super(message);
  }
}

/**
 * One path segment. encodeURIComponent escapes "/", "?", "#" and "%"; the values "." and ".."
 * (and the empty string) are rejected because URL parsers treat them as dot segments (RFC 3986
 * §5.2.4), which would change the path however they are encoded.
 */
export function encodePathSegment(name: string, value: unknown): string {
  if (value === undefined || value === null)
    throw new UrlParameterError(`path parameter "${name}" is missing`, name);
  const text =
    typeof value === "string"
      ? value
      : typeof value === "number" || typeof value === "boolean"
        ? String(value)
        : JSON.stringify(value);
  if (text === "" || text === "." || text === "..") {
    throw new UrlParameterError(
      `path parameter "${name}" must not be ${JSON.stringify(text)}`,
      name,
    );
  }
  return encodeURIComponent(text);
}

/** Fills `{name}` placeholders of a path template. */
export function buildPath(
  template: string,
  names: readonly string[],
  values: (name: string) => unknown,
): string {
  let path = template;
  for (const name of names) {
    path = path.split(`{${name}}`).join(encodePathSegment(name, values(name)));
  }
  return path;
}

function queryValue(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint")
    return String(value);
  return JSON.stringify(value);
}

/** `?a=1&b=x%20y`, or "" when there is nothing to send. undefined and null are omitted. */
export function buildQuery(names: readonly string[], values: (name: string) => unknown): string {
  const pairs: string[] = [];
  for (const name of names) {
    const value = values(name);
    if (value === undefined || value === null) continue;
    const list = Array.isArray(value) ? value : [value];
    for (const item of list) {
      if (item === undefined || item === null) continue;
      pairs.push(`${encodeURIComponent(name)}=${encodeURIComponent(queryValue(item))}`);
    }
  }
  return pairs.length === 0 ? "" : `?${pairs.join("&")}`;
}

/**
 * "dds.example.com" -> "https://dds.example.com"; trailing slashes removed. Credentials in the
 * URL are refused (fetch would reject them, and error messages would repeat them).
 */
export function normalizeEndpoint(endpoint: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(endpoint) ? endpoint : `https://${endpoint}`;
  let parsed: URL;
  try {
    parsed = new URL(withScheme);
  } catch {
    throw new TypeError("endpoint is not a valid URL");
  }
  if (parsed.username !== "" || parsed.password !== "") {
    throw new TypeError(
      "endpoint must not contain credentials (user:password@); use the auth option",
    );
  }
  return withScheme.replace(/\/+$/, "");
}
