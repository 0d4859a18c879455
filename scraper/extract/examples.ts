// Doc examples: parsed as JSON (repaired, with a diagnostic, when the doc's JSON is broken) and
// checked against the schema the tables describe, so table/example disagreements surface.
import { jsonrepair } from "jsonrepair";
import type { ExampleNode, SchemaNode } from "../operation-model.ts";
import { report, type PageContext } from "./context.ts";
import { parseRequestLine, sameRoute, type RequestLine } from "./request-line.ts";
import { blockText, statusPattern, type Section } from "./sections.ts";

/**
 * Deepest example value kept. JSON.parse reads any depth, but the spec writer (JSON.stringify),
 * the example check and the generator recurse: a value thousands of levels deep overflows their
 * stack. Real examples nest a few levels.
 */
const MAX_EXAMPLE_DEPTH = 64;

export function parseExampleJson(ctx: PageContext, text: string, line: number, what: string): unknown {
  const value = parseOrRepair(ctx, text.trim(), line, what);
  if (value !== undefined && nestingDepth(value, MAX_EXAMPLE_DEPTH) > MAX_EXAMPLE_DEPTH) {
    report(ctx, "example-too-deep", line, `${what} nests more than ${MAX_EXAMPLE_DEPTH} levels deep; left out`);
    return undefined;
  }
  return value;
}

function parseOrRepair(ctx: PageContext, trimmed: string, line: number, what: string): unknown {
  try {
    return JSON.parse(trimmed);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    try {
      const repaired = JSON.parse(jsonrepair(trimmed));
      report(ctx, "example-invalid-json", line, `${what} is not valid JSON (${reason}); kept a repaired copy`);
      return repaired;
    } catch {
      // jsonrepair recurses too: on very deep input it fails with a RangeError, caught here.
      report(ctx, "example-invalid-json", line, `${what} is not valid JSON (${reason}) and could not be repaired; left out`);
      return undefined;
    }
  }
}

/** Nesting depth of a parsed JSON value (a scalar is 0), counted without recursion; stops past `limit`. */
function nestingDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== "object" || v === null) continue;
    if (depth + 1 > deepest) deepest = depth + 1;
    if (deepest > limit) return deepest;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** Mismatches between an example value and a schema, as "where: what" strings. */
export function exampleMismatches(schema: SchemaNode, value: unknown, where = "", checkRequired = true): string[] {
  const out: string[] = [];
  const at = where || "(root)";
  switch (schema.kind) {
    case "unknown":
      return out;
    case "object": {
      if (!isPlainObject(value)) return [`${at}: expected an object, the example has ${jsonType(value)}`];
      if (!schema.properties || schema.properties.length === 0) return out;
      const known = new Map(schema.properties.map((p) => [p.name, p]));
      for (const key of Object.keys(value)) {
        if (known.has(key)) continue;
        const near = [...known.keys()].find((name) => !Object.prototype.hasOwnProperty.call(value, name) && editDistance(name, key) <= 2);
        out.push(`${join(where, key)}: in the example but not in the table${near ? ` (the table has "${near}")` : ""}`);
      }
      for (const property of schema.properties) {
        if (Object.prototype.hasOwnProperty.call(value, property.name)) {
          out.push(...exampleMismatches(property.schema, value[property.name], join(where, property.name), checkRequired));
        } else if (checkRequired && property.required) {
          out.push(`${join(where, property.name)}: required by the table but missing from the example`);
        }
      }
      return out;
    }
    case "array":
      if (!Array.isArray(value)) return [`${at}: expected an array, the example has ${jsonType(value)}`];
      value.forEach((item, i) => out.push(...exampleMismatches(schema.items ?? { kind: "unknown" }, item, `${where}[${i}]`, checkRequired)));
      return out;
    case "integer":
      return Number.isInteger(value) ? rangeMismatches(schema, value as number, at) : [`${at}: expected an integer, the example has ${jsonType(value)}`];
    case "number":
      return typeof value === "number" ? rangeMismatches(schema, value, at) : [`${at}: expected a number, the example has ${jsonType(value)}`];
    case "boolean":
      return typeof value === "boolean" ? out : [`${at}: expected a boolean, the example has ${jsonType(value)}`];
    case "string":
      return typeof value === "string" ? stringMismatches(schema, value, at) : [`${at}: expected a string, the example has ${jsonType(value)}`];
  }
}

function rangeMismatches(schema: SchemaNode, value: number, at: string): string[] {
  const out: string[] = [];
  if (schema.minimum !== undefined && value < schema.minimum) out.push(`${at}: ${value} is below the stated minimum ${schema.minimum}`);
  if (schema.maximum !== undefined && value > schema.maximum) out.push(`${at}: ${value} is above the stated maximum ${schema.maximum}`);
  return out;
}

function stringMismatches(schema: SchemaNode, value: string, at: string): string[] {
  const out: string[] = [];
  // JSON Schema counts lengths in code points.
  const length = [...value].length;
  const shown = JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (schema.minLength !== undefined && length < schema.minLength) out.push(`${at}: ${shown} is shorter than the stated ${schema.minLength} characters`);
  if (schema.maxLength !== undefined && length > schema.maxLength) out.push(`${at}: ${shown} is longer than the stated ${schema.maxLength} characters`);
  if (schema.enum && !schema.enum.includes(value)) out.push(`${at}: ${shown} is not one of the listed values (${schema.enum.join(", ")})`);
  if (schema.pattern !== undefined && !safeTest(schema.pattern, value)) out.push(`${at}: ${shown} breaks the rule the text states (pattern ${schema.pattern})`);
  return out;
}

function safeTest(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern, "u").test(value);
  } catch {
    return true;
  }
}

function join(where: string, key: string): string {
  return where ? `${where}.${key}` : key;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  return `a ${typeof value} (${JSON.stringify(value)?.slice(0, 40)})`;
}

/** Levenshtein distance, for "the table spells it differently" hints; names are short. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

export interface FoundExample {
  example: ExampleNode;
  line: number;
  status?: string;
  description?: string;
}

export function collectExamples(ctx: PageContext, sections: Section[], side: "request" | "response", operationLine?: RequestLine): FoundExample[] {
  const kinds = side === "request" ? ["request", "example-request"] : ["response", "example-response"];
  const found: FoundExample[] = [];
  for (const section of sections) {
    if (!kinds.includes(section.kind)) continue;
    let status: string | undefined;
    let lastText: string | undefined;
    let lastStatusText: string | undefined;
    // Example sections sometimes show a call to another API (binding an EIP, listing ports):
    // bodies that follow such a request line are not this operation's examples.
    let otherApi = false;
    for (const block of section.blocks) {
      if (block.kind === "table") continue;
      let text = blockText(block).trim();
      const shown = operationLine ? parseRequestLine(text.split(/\r?\n/, 1)[0] ?? "", block.line) : undefined;
      if (shown && operationLine) {
        otherApi = !sameRoute(shown, operationLine);
        if (otherApi) report(ctx, "example-other-api", block.line, `example shows ${shown.method.toUpperCase()} ${shown.path}, not this operation; its body is not used as an example`);
      }
      if (otherApi) continue;
      if (block.kind !== "code") {
        const s = statusPattern.exec(text);
        if (s) {
          status = s[1];
          lastStatusText = undefined;
        } else if (text && text.length <= 200) {
          lastText = text;
          lastStatusText = text;
        }
        if (!looksLikeJson(text)) continue;
      }
      const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
      if (parseRequestLine(firstLine, block.line)) text = text.slice(firstLine.length).trim();
      if (!looksLikeJson(text)) continue;
      const what = side === "request" ? "example request" : `example ${status ?? ""} response`.replace("  ", " ");
      const value = parseExampleJson(ctx, text, block.line, what);
      if (value === undefined) continue;
      const name = `example${found.length + 1}`;
      const summary = lastText && !looksLikeJson(lastText) && !parseRequestLine(lastText, 0) ? lastText : undefined;
      found.push({
        example: { name, ...(summary ? { summary } : {}), value },
        line: block.line,
        ...(status ? { status } : {}),
        ...(side === "response" && lastStatusText ? { description: lastStatusText } : {}),
      });
      lastText = undefined;
    }
  }
  return found;
}

function looksLikeJson(text: string): boolean {
  return text.startsWith("{") || text.startsWith("[");
}

export function checkExample(ctx: PageContext, schema: SchemaNode, value: unknown, line: number, what: string, checkRequired: boolean): void {
  for (const mismatch of exampleMismatches(schema, value, "", checkRequired)) {
    report(ctx, "example-schema-mismatch", line, `${what}: ${mismatch}`);
  }
}
