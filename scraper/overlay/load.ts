// Loads and validates an OpenAPI Overlay 1.0 document (https://spec.openapis.org/overlay/v1.0.0.html)
// from `specs/overlays/<service>.overlay.yaml`, keeping the line of every action so a diagnostic
// can point at the fix that stopped matching.
//
// Validation is strict on purpose: an overlay is a durable hand-written fix, so a typo such as
// `udpate:` or `remove: yes` must fail loudly instead of silently doing nothing. Fixed fields only,
// plus `x-` extensions (Overlay 1.0 §4.4).
import { Docs2tsError } from "../../core/errors.ts";

import { isSeq, LineCounter, parseDocument } from "yaml";
import { isRecord } from "../../core/plain-data.ts";

export interface OverlayAction {
  /** JSONPath (RFC 9535-style, evaluated by jsonpath-plus) selecting the nodes to change. */
  target: string;
  description?: string;
  /** Merged into each selected object, or appended to each selected array. */
  update?: unknown;
  /** Removes each selected node from its parent; `update` is then ignored. */
  remove?: boolean;
  [extension: `x-${string}`]: unknown;
}

export interface OverlayDocument {
  overlay: string;
  info: { title: string; version: string; [extension: `x-${string}`]: unknown };
  extends?: string;
  actions: OverlayAction[];
  [extension: `x-${string}`]: unknown;
}

export interface LoadedOverlay {
  document: OverlayDocument;
  file: string;
  /** 1-based line of each action in the YAML, by action index. */
  actionLines: number[];
}

/** An overlay that cannot be used: names the file, and the action (index and line) when it is one. */
export class OverlayError extends Docs2tsError {
  readonly file: string;
  readonly actionIndex: number | undefined;
  readonly line: number | undefined;

  constructor(file: string, message: string, where: { actionIndex?: number; line?: number } = {}) {
    const action = where.actionIndex !== undefined ? ` actions[${where.actionIndex}]` : "";
    const line = where.line !== undefined ? `:${where.line}` : "";
    super(`${file}${line}:${action} ${message}`);
    this.name = "OverlayError";
    this.file = file;
    this.actionIndex = where.actionIndex;
    this.line = where.line;
  }
}

export function loadOverlay(text: string, file: string): LoadedOverlay {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const firstError = doc.errors[0];
  if (firstError) {
    const line = lineCounter.linePos(firstError.pos[0]).line;
    throw new OverlayError(file, `not valid YAML: ${firstError.message.split("\n")[0]}`, { line });
  }
  const actionsNode = doc.get("actions", true);
  const actionLines = isSeq(actionsNode)
    ? actionsNode.items.map((item) => {
        const offset = (item as { range?: [number, number, number] }).range?.[0];
        return offset === undefined ? 1 : lineCounter.linePos(offset).line;
      })
    : [];
  const document = validateOverlay(doc.toJS({ maxAliasCount: 100 }), file, actionLines);
  return { document, file, actionLines };
}

const VERSION = /^1\.0\.\d+$/;
const DOCUMENT_FIELDS = new Set(["overlay", "info", "extends", "actions"]);
const INFO_FIELDS = new Set(["title", "version"]);
const ACTION_FIELDS = new Set(["target", "description", "update", "remove"]);

/** Checks the Overlay 1.0 document shape; throws OverlayError naming the file and action. */
export function validateOverlay(value: unknown, file: string, actionLines: readonly number[] = []): OverlayDocument {
  if (!isRecord(value)) throw new OverlayError(file, "an overlay document must be a mapping");
  unknownFields(value, DOCUMENT_FIELDS, (key) => new OverlayError(file, `unknown field "${key}"`));
  const version = value["overlay"];
  if (typeof version !== "string" || !VERSION.test(version)) {
    throw new OverlayError(
      file,
      `"overlay" must be a version string 1.0.x (got ${JSON.stringify(version ?? null)}; quote it in YAML)`,
    );
  }
  const info = value["info"];
  if (!isRecord(info)) throw new OverlayError(file, `"info" with "title" and "version" is required`);
  unknownFields(info, INFO_FIELDS, (key) => new OverlayError(file, `unknown field "info.${key}"`));
  for (const key of ["title", "version"] as const) {
    if (typeof info[key] !== "string" || info[key] === "") {
      throw new OverlayError(file, `"info.${key}" must be a non-empty string`);
    }
  }
  if (value["extends"] !== undefined && typeof value["extends"] !== "string") {
    throw new OverlayError(file, `"extends" must be a URI string`);
  }
  const actions = value["actions"];
  if (!Array.isArray(actions) || actions.length === 0) {
    throw new OverlayError(file, `"actions" must be a list with at least one action`);
  }
  actions.forEach((action, actionIndex) => {
    const where = {
      actionIndex,
      ...(actionLines[actionIndex] !== undefined ? { line: actionLines[actionIndex] } : {}),
    };
    if (!isRecord(action)) throw new OverlayError(file, "an action must be a mapping", where);
    unknownFields(action, ACTION_FIELDS, (key) => new OverlayError(file, `unknown field "${key}"`, where));
    const target = action["target"];
    if (typeof target !== "string" || target.trim() === "") {
      throw new OverlayError(file, `"target" must be a non-empty JSONPath string`, where);
    }
    const syntax = checkJsonPath(target);
    if (syntax) throw new OverlayError(file, `"target" ${JSON.stringify(target)} ${syntax}`, where);
    if (action["description"] !== undefined && typeof action["description"] !== "string") {
      throw new OverlayError(file, `"description" must be a string`, where);
    }
    if (action["remove"] !== undefined && typeof action["remove"] !== "boolean") {
      throw new OverlayError(file, `"remove" must be true or false`, where);
    }
    if (action["remove"] !== true && !("update" in action)) {
      throw new OverlayError(file, `an action needs "update" or "remove: true"`, where);
    }
  });
  return value as unknown as OverlayDocument;
}

/**
 * jsonpath-plus quietly ignores a dangling bracket (`$.paths[` selects `$.paths`), which would
 * turn a broken target into a wrong one; catch unbalanced brackets and quotes before evaluating.
 */
export function checkJsonPath(target: string): string | undefined {
  if (!target.startsWith("$")) return "must start with $";
  const closing: string[] = [];
  let quote: string | undefined;
  for (let i = 0; i < target.length; i += 1) {
    const c = target[i]!;
    if (quote) {
      if (c === "\\") i += 1;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === "[") closing.push("]");
    else if (c === "(") closing.push(")");
    else if (c === "]" || c === ")") {
      if (closing.pop() !== c) return `has an unexpected "${c}" at ${i + 1}`;
    }
  }
  if (quote) return "has an unterminated string";
  if (closing.length > 0) return `is missing "${closing.reverse().join("")}"`;
  return undefined;
}

function unknownFields(record: Record<string, unknown>, fixed: Set<string>, error: (key: string) => Error): void {
  for (const key of Object.keys(record)) {
    if (!fixed.has(key) && !key.startsWith("x-")) throw error(key);
  }
}
