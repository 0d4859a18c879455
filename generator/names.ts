// Identifier planning. Every exported name in a generated package comes from `NameAllocator`,
// so operationIds and schema names that clash or are not identifiers become unique, safe names.
//
// Invariant that keeps internal names out of the way without bookkeeping: public names produced
// here never contain "_" except as a leading "_" before a digit. Internal names used by the
// emitters (check_X, PATTERN_0, OPERATION_DESCRIPTOR) always contain "_" after their first
// character, so they can never clash with a public name.

const identifierPattern = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200C\u200D]*$/u;

/** ECMAScript reserved words (incl. strict mode) and TypeScript's predefined type names. */
const reservedWords = new Set([
  "abstract", "any", "arguments", "as", "async", "await", "bigint", "boolean", "break", "case", "catch",
  "class", "const", "continue", "debugger", "declare", "default", "delete", "do", "else", "enum",
  "eval", "export", "extends", "false", "finally", "for", "from", "function", "get", "if",
  "implements", "import", "in", "infer", "instanceof", "interface", "is", "keyof", "let", "module",
  "namespace", "never", "new", "null", "number", "object", "of", "package", "private", "protected",
  "public", "readonly", "require", "return", "satisfies", "set", "static", "string", "super",
  "switch", "symbol", "this", "throw", "true", "try", "type", "typeof", "undefined", "unique",
  "unknown", "var", "void", "while", "with", "yield",
]);

/** Globals that generated code refers to (or that users expect to keep their meaning). */
const reservedGlobals = new Set([
  "AbortController", "AbortSignal", "Array", "ArrayBuffer", "AsyncGenerator", "AsyncIterable",
  "AsyncIterableIterator", "Awaited", "Boolean", "Date", "DOMException", "Error", "Exclude",
  "Extract", "Function", "Headers", "Infinity", "Iterable", "JSON", "Map", "Math", "NaN",
  "NonNullable", "Number", "Object", "Omit", "Parameters", "Partial", "Pick", "Promise",
  "PromiseLike", "Readonly", "ReadonlyArray", "ReadonlyMap", "ReadonlySet", "Record", "RegExp",
  "Request", "Required", "Response", "ReturnType", "Set", "String", "Symbol", "TextDecoder",
  "TextEncoder", "TypeError", "URL", "URLSearchParams", "Uint8Array", "clearTimeout", "console",
  "crypto", "encodeURIComponent", "fetch", "globalThis", "setTimeout",
]);

/**
 * Local variable and parameter names used inside generated function bodies that also refer to
 * public names; a public name equal to one of these would be shadowed.
 */
const reservedLocals = new Set([
  "body", "client", "config", "ctx", "errors", "input", "key", "options", "pageInput", "passing",
  "path", "status", "value",
]);

export function isIdentifier(name: string): boolean {
  return identifierPattern.test(name) && !reservedWords.has(name);
}

/** Property key as written in a type literal or interface: bare when safe, quoted otherwise. */
export function propertyKey(name: string): string {
  // `__proto__` is a valid identifier but a special key in object literals; always quote it.
  if (identifierPattern.test(name) && name !== "__proto__") return name;
  return stringLiteral(name);
}

/**
 * A double-quoted JS string literal that is safe for any input (incl. U+2028/U+2029, lone
 * surrogates), and also where generated code may end up inlined in an HTML <script> element:
 * "</" and "<!--" are written "<\/" and "<\!--" (the same string value).
 */
export function stringLiteral(value: string): string {
  return JSON.stringify(value)
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029")
    .replace(/<(\/|!--)/g, "<\\$1");
}

/**
 * A property name in an object literal (quoted). `"__proto__": v` would set the prototype instead
 * of creating a property (ECMA-262, __proto__ in object initializers), so that one key is
 * written as computed.
 */
export function literalKey(name: string): string {
  return name === "__proto__" ? `[${stringLiteral(name)}]` : stringLiteral(name);
}

/**
 * A JSON value as a JS expression, laid out like `JSON.stringify(value, null, indent)` but with
 * keys and strings from `literalKey` and `stringLiteral` (for code examples in READMEs).
 */
export function valueLiteral(value: unknown, indent = 2, depth = 0): string {
  if (typeof value === "string") return stringLiteral(value);
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  const pad = " ".repeat(indent * (depth + 1));
  const end = " ".repeat(indent * depth);
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[\n${value.map((item) => `${pad}${valueLiteral(item, indent, depth + 1)}`).join(",\n")}\n${end}]`;
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return "{}";
  const record = value as Record<string, unknown>;
  return `{\n${keys.map((k) => `${pad}${literalKey(k)}: ${valueLiteral(record[k], indent, depth + 1)}`).join(",\n")}\n${end}}`;
}

/**
 * Words of a name: split on anything that is not a letter or digit and on lower->Upper and
 * ACRONYMWord boundaries ("createManualBackup" -> create, Manual, Backup; "DDSInstance" -> DDS, Instance).
 */
export function words(name: string): string[] {
  const parts = name.split(/[^\p{L}\p{N}]+/u).filter((p) => p !== "");
  const out: string[] = [];
  for (const part of parts) {
    const split = part
      .replace(/(\p{Ll}|\p{N})(\p{Lu})/gu, "$1\u0000$2")
      .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, "$1\u0000$2")
      .split("\u0000");
    out.push(...split.filter((s) => s !== ""));
  }
  return out;
}

function capitalize(word: string): string {
  const first = String.fromCodePoint(word.codePointAt(0) ?? 0x20);
  return first.toUpperCase() + word.slice(first.length);
}

function lowerFirst(word: string): string {
  const first = String.fromCodePoint(word.codePointAt(0) ?? 0x20);
  return first.toLowerCase() + word.slice(first.length);
}

function fixStart(name: string, fallback: string): string {
  if (name === "") return fallback;
  // A name starting with a digit gets a leading "_" (the only "_" a public name may contain).
  return /^\p{N}/u.test(name) ? `_${name}` : name;
}

/** PascalCase type name. Names that already are "_"-free identifiers starting upper-case are kept. */
export function pascalName(name: string, fallback = "Schema"): string {
  if (isIdentifier(name) && !/[_$]/.test(name) && /^\p{Lu}/u.test(name)) return name;
  const joined = words(name)
    .map((w) => capitalize(w === w.toUpperCase() && w.length > 1 ? w.toLowerCase() : w))
    .join("");
  return fixStart(joined, fallback);
}

/** camelCase function name. Names that already are "_"-free identifiers starting lower-case are kept. */
export function camelName(name: string, fallback = "operation"): string {
  if (isIdentifier(name) && !/[_$]/.test(name) && /^\p{Ll}/u.test(name)) return name;
  const ws = words(name).map((w) => (w === w.toUpperCase() && w.length > 1 ? w.toLowerCase() : w));
  const joined = ws.map((w, i) => (i === 0 ? lowerFirst(w) : capitalize(w))).join("");
  return fixStart(joined, fallback);
}

/** Device names Windows reserves whatever the extension ("con.gen.ts" cannot be created there). */
const windowsDeviceNames = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/;
/** Room for "-<n>" and ".gen.ts" within the 255 bytes most file systems allow per name. */
const maxStemBytes = 120;

/**
 * kebab-case file stem for an operation file: letters and digits of the name only (no ".", "/",
 * "\\" or anything else a path could use), lower-case, at most 120 UTF-8 bytes, never a
 * Windows device name. Clashes are settled by the caller's allocator.
 */
export function fileStem(name: string, fallback = "operation"): string {
  let stem = words(name)
    .map((w) => w.toLowerCase())
    .join("-");
  if (Buffer.byteLength(stem, "utf8") > maxStemBytes) {
    let cut = "";
    let bytes = 0;
    for (const char of stem) {
      bytes += Buffer.byteLength(char, "utf8");
      if (bytes > maxStemBytes) break;
      cut += char;
    }
    stem = cut.replace(/-+$/, "");
  }
  if (stem === "") return fallback;
  return windowsDeviceNames.test(stem) ? `${stem}-${fallback}` : stem;
}

/**
 * Hands out unique names in one namespace. `claim` takes several related names at once (an
 * operation's function, types and validators): if any is taken, all get the same numeric suffix
 * on their base, so an operation's names stay recognisably related.
 */
export class NameAllocator {
  readonly #taken = new Set<string>();
  readonly #foldCase: boolean;

  constructor(options: { reserved?: Iterable<string>; foldCase?: boolean } = {}) {
    this.#foldCase = options.foldCase ?? false;
    for (const name of options.reserved ?? []) this.#taken.add(this.#key(name));
  }

  /** Reserve language words, globals and generated-code locals (for the public namespace). */
  static forPublicNames(extra: Iterable<string> = []): NameAllocator {
    return new NameAllocator({ reserved: [...reservedWords, ...reservedGlobals, ...reservedLocals, ...extra] });
  }

  isFree(name: string): boolean {
    return !this.#taken.has(this.#key(name));
  }

  /** Claims `derive(base)` (or base2, base3, ...) where every derived name is free; returns the base used. */
  claim<T extends Record<string, string>>(base: string, derive: (base: string) => T, suffix = ""): { base: string; names: T } {
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? base : `${base}${suffix}${n}`;
      const names = derive(candidate);
      const values = Object.values(names);
      const unique = new Set(values.map((v) => this.#key(v))).size === values.length;
      if (unique && values.every((v) => this.isFree(v))) {
        for (const v of values) this.#taken.add(this.#key(v));
        return { base: candidate, names };
      }
    }
  }

  claimOne(name: string, suffix = ""): string {
    return this.claim(name, (b) => ({ name: b }), suffix).names.name;
  }

  #key(name: string): string {
    return this.#foldCase ? name.toLowerCase() : name;
  }
}
