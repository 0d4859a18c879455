// Applies an OpenAPI Overlay 1.0 document (https://spec.openapis.org/overlay/v1.0.0.html) to a
// scraped spec: durable fixes for what the docs get wrong, re-applied on every regenerate.
//
// Semantics (Overlay 1.0 §4.4.3 Action Object), actions applied in order, each on the result of
// the previous one:
// - `target` is a JSONPath query, evaluated with jsonpath-plus in its safe mode (filters such as
//   `[?(@.name == 'limit')]` work; no JavaScript runs). A target that selects nothing is a warning
//   diagnostic (overlay-target-unmatched): the docs changed under the fix.
// - `remove: true` removes every selected node from the object or array that contains it
//   (`update` is then ignored). Selecting an array item by filter, e.g.
//   `required[?(@ == 'descriprion')]`, removes that item.
// - `update` on a selected object is merged recursively: objects merge key by key, arrays inside
//   are concatenated, anything else (strings, numbers, booleans, null) is replaced.
//   `update` on a selected array appends the update value to it as one entry.
//   `update` on a primitive is an error diagnostic (overlay-target-not-object): per the spec,
//   select the containing object instead.
// The input spec is never mutated: the result is a new object.

import { docDiagnostic } from "../rules/index.ts";
import { JSONPath } from "jsonpath-plus";
import type { Diagnostic } from "../../core/diagnostics.ts";
import { checkJsonPath, loadOverlay, OverlayError, validateOverlay, type OverlayAction } from "./load.ts";

export { loadOverlay, OverlayError, validateOverlay } from "./load.ts";
export type { LoadedOverlay, OverlayAction, OverlayDocument } from "./load.ts";

export interface ApplyOptions {
  /** 1-based line of each action in the overlay file (from loadOverlay); default: line 1. */
  actionLines?: readonly number[];
}

export interface ApplyResult<T> {
  spec: T;
  diagnostics: Diagnostic[];
}

interface Match {
  value: unknown;
  parent: unknown;
  parentProperty: string | number | null;
  path: string;
}

export function applyOverlay<T extends object>(
  spec: T,
  overlay: unknown,
  overlayFile: string,
  options: ApplyOptions = {},
): ApplyResult<T> {
  const lines = options.actionLines ?? [];
  const document = validateOverlay(overlay, overlayFile, lines);
  const working = structuredClone(spec) as T;
  const diagnostics: Diagnostic[] = [];
  document.actions.forEach((action, index) => {
    const line = lines[index] ?? 1;
    const matches = select(working, action, overlayFile, index, line);
    if (matches.length === 0) {
      diagnostics.push(docDiagnostic("overlay-target-unmatched", overlayFile, line, `overlay action ${index}${describe(action)} matched nothing: target ${action.target} (the docs changed under this fix?)`));
      return;
    }
    if (action.remove === true) {
      removeAll(matches, overlayFile, index, line);
      return;
    }
    for (const match of matches) {
      const problem = update(match, action.update);
      if (problem) {
        diagnostics.push(docDiagnostic("overlay-target-not-object", overlayFile, line, `overlay action ${index}${describe(action)}: ${match.path} ${problem}`));
      }
    }
  });
  return { spec: working, diagnostics };
}

/** loadOverlay + applyOverlay: the regenerate step for `specs/overlays/<service>.overlay.yaml`. */
export function applyOverlayText<T extends object>(spec: T, text: string, overlayFile: string): ApplyResult<T> {
  const loaded = loadOverlay(text, overlayFile);
  return applyOverlay(spec, loaded.document, overlayFile, { actionLines: loaded.actionLines });
}

function select(json: object, action: OverlayAction, file: string, actionIndex: number, line: number): Match[] {
  const syntax = checkJsonPath(action.target);
  if (syntax)
    throw new OverlayError(file, `"target" ${JSON.stringify(action.target)} ${syntax}`, { actionIndex, line });
  try {
    const results: unknown = JSONPath({ path: action.target, json, resultType: "all", eval: "safe", wrap: true });
    return Array.isArray(results) ? (results as Match[]) : [];
  } catch (error) {
    throw new OverlayError(file, `"target" ${action.target} cannot be evaluated: ${(error as Error).message}`, {
      actionIndex,
      line,
    });
  }
}

function removeAll(matches: Match[], file: string, actionIndex: number, line: number): void {
  // Items of one array are removed last-index-first, so a removal does not shift the next one.
  const arrayItems = new Map<unknown[], Set<number>>();
  for (const { parent, parentProperty } of matches) {
    if (parent === null || parent === undefined || parentProperty === null) {
      throw new OverlayError(file, "cannot remove the document root", { actionIndex, line });
    }
    if (Array.isArray(parent) && typeof parentProperty === "number") {
      arrayItems.set(parent, (arrayItems.get(parent) ?? new Set()).add(parentProperty));
    } else if (isPlainObject(parent)) {
      delete parent[String(parentProperty)];
    }
  }
  for (const [array, indexes] of arrayItems) {
    for (const index of [...indexes].sort((a, b) => b - a)) array.splice(index, 1);
  }
}

/** Returns a problem description, or undefined when the update was applied. */
function update(match: Match, value: unknown): string | undefined {
  const target = match.value;
  if (Array.isArray(target)) {
    target.push(structuredClone(value));
    return undefined;
  }
  if (!isPlainObject(target)) return "is not an object or array; select the object that contains it";
  if (!isPlainObject(value)) return "is an object, so the update must be an object";
  mergeInto(target, value);
  return undefined;
}

function mergeInto(target: Record<string, unknown>, update: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(update)) {
    // Own properties only: a "__proto__" key must not reach Object.prototype.
    const current = Object.hasOwn(target, key) ? target[key] : undefined;
    if (isPlainObject(current) && isPlainObject(value)) mergeInto(current, value);
    else if (Array.isArray(current) && Array.isArray(value)) current.push(...structuredClone(value));
    else
      Object.defineProperty(target, key, {
        value: structuredClone(value),
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
}

function describe(action: OverlayAction): string {
  return action.description ? ` ("${action.description}")` : "";
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
