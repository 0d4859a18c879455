// Validation runtime shared by all generated validators: the issue type and small helpers.
// Plain TypeScript, no dependencies, no Node-only APIs (runs in browsers).

/** One validation problem. `path` is a JSON Pointer (RFC 6901) into the validated value. */
export interface ValidationIssue {
  readonly path: string;
  readonly keyword: string;
  readonly message: string;
}

export interface ValidateOptions {
  /**
   * Response validators only: report enum values the spec does not list as errors. By default
   * they are warnings, so a value the server adds later does not fail validation.
   */
  strict?: boolean;
  /** Receives warnings (unknown enum values in responses). */
  warnings?: ValidationIssue[];
}

/** Passed through the generated checkers. */
export interface ValidationContext {
  /** Unknown string enum values become warnings instead of errors. */
  readonly lenient: boolean;
  readonly warnings: ValidationIssue[];
}

// Contexts are shared, not allocated per call: a validator called millions of times should cost
// nothing but its checks. Non-lenient contexts never write warnings (an unknown enum value is
// an error there); warnings nobody asked for go to `discarded`, emptied at every call.
const discarded: ValidationIssue[] = [];
const strictContext: ValidationContext = Object.freeze({ lenient: false, warnings: discarded });
const lenientContext: ValidationContext = Object.freeze({ lenient: true, warnings: discarded });

export function requestContext(_options?: ValidateOptions): ValidationContext {
  return strictContext;
}

export function responseContext(options?: ValidateOptions): ValidationContext {
  if (options?.strict === true) return strictContext;
  if (options?.warnings !== undefined) return { lenient: true, warnings: options.warnings };
  discarded.length = 0;
  return lenientContext;
}

/**
 * Records one issue and returns the list: the generated checkers start from `undefined` and
 * allocate a list at the first problem, so validating a valid value allocates nothing.
 */
export function fail(
  issues: ValidationIssue[] | undefined,
  path: string,
  keyword: string,
  message: string,
): ValidationIssue[] {
  const issue: ValidationIssue = { path, keyword, message };
  if (issues === undefined) return [issue];
  issues.push(issue);
  return issues;
}

/**
 * An enum mismatch: an error, or a warning where the context is lenient (response side) and the
 * value is a string the server may have added since the docs were written.
 */
export function failEnum(
  issues: ValidationIssue[] | undefined,
  ctx: ValidationContext,
  value: unknown,
  path: string,
): ValidationIssue[] | undefined {
  const message = "must be equal to one of the allowed values";
  if (ctx.lenient && typeof value === "string") {
    ctx.warnings.push({ path, keyword: "enum", message });
    return issues;
  }
  return fail(issues, path, "enum", message);
}

/** The issues of several lists, in order (oneOf/anyOf report every branch's issues). */
export function concatIssues(
  ...lists: (ValidationIssue[] | undefined)[]
): ValidationIssue[] | undefined {
  let out: ValidationIssue[] | undefined;
  for (const list of lists) {
    if (list === undefined) continue;
    if (out === undefined) out = [...list];
    else out.push(...list);
  }
  return out;
}

/** A JSON object: not null, not an array. */
export function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Whether `key` is an own property. Generated checkers read `object.key` first and ask this only
 * when the value is not undefined: a property found on the prototype is not the object's.
 */
export function hasOwn(object: Readonly<Record<string, unknown>>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/** The value of an own property, or undefined. Keys are data: no prototype lookups. */
export function own(object: Readonly<Record<string, unknown>>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

const highSurrogate = /[\uD800-\uDBFF]/;

/**
 * Length in Unicode code points, as JSON Schema counts minLength/maxLength ("名称" has 2). Only
 * surrogate pairs count differently from UTF-16 units; without a high surrogate the length is
 * `text.length` (the native regex scan is much faster than a loop over the text).
 */
export function codePointLength(text: string): number {
  if (!highSurrogate.test(text)) return text.length;
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    length++;
  }
  return length;
}

/** Structural equality of JSON values (for enum/const values that are objects or arrays). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => deepEqual(item, b[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const ra = a as Readonly<Record<string, unknown>>;
  const rb = b as Readonly<Record<string, unknown>>;
  return ka.every(
    (k) => Object.prototype.hasOwnProperty.call(rb, k) && deepEqual(own(ra, k), own(rb, k)),
  );
}

/** One line per issue: "/body/backup/name: must NOT have fewer than 4 characters (minLength)". */
export function formatIssues(issues: readonly ValidationIssue[]): string {
  return issues
    .map((i) => `${i.path === "" ? "(root)" : i.path}: ${i.message} (${i.keyword})`)
    .join("\n");
}
