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

export function requestContext(options?: ValidateOptions): ValidationContext {
  return { lenient: false, warnings: options?.warnings ?? [] };
}

export function responseContext(options?: ValidateOptions): ValidationContext {
  return { lenient: options?.strict !== true, warnings: options?.warnings ?? [] };
}

/** Records one issue (the generated checkers' only way to report). */
export function fail(issues: ValidationIssue[], path: string, keyword: string, message: string): void {
  issues.push({ path, keyword, message });
}

/** A JSON object: not null, not an array. */
export function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The value of an own property, or undefined. Keys are data: no prototype lookups. */
export function own(object: Readonly<Record<string, unknown>>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

/** Length in Unicode code points, as JSON Schema counts minLength/maxLength ("名称" has 2). */
export function codePointLength(text: string): number {
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
  return ka.every((k) => Object.prototype.hasOwnProperty.call(rb, k) && deepEqual(own(ra, k), own(rb, k)));
}

/** One line per issue: "/body/backup/name: must NOT have fewer than 4 characters (minLength)". */
export function formatIssues(issues: readonly ValidationIssue[]): string {
  return issues.map((i) => `${i.path === "" ? "(root)" : i.path}: ${i.message} (${i.keyword})`).join("\n");
}
