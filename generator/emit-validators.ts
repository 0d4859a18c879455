// Schema -> plain TypeScript validator (JSON Schema 2020-12 validation vocabulary, the keywords
// the scraper emits). Semantics follow ajv (the reference in the differential test):
// - keywords for a data type apply only to data of that type (minLength only to strings,
//   minimum only to finite numbers, properties only to non-array objects), so one value can fail
//   `type` and `minimum` at once, as in ajv's allErrors mode;
// - errors carry ajv's instancePath convention (JSON Pointer of the value; `required` and
//   `additionalProperties` point at the object);
// - lengths count Unicode code points; patterns compile once, with the `u` flag;
// - keys are data: presence is an own property whose value is not undefined, never `in` or a
//   prototype read, and nothing is written into the input.

import {
  arrayLiteral,
  assignStatement,
  binaryChain,
  block,
  call,
  comparison,
  constStatement,
  forStatement,
  functionDeclaration,
  ifLogical,
  ifSimple,
  ifStatement,
  logical,
  printNumber,
  printString,
  returnStatement,
  strict,
  type Arg,
  type Doc,
} from "./layout.ts";
import { propertyKey, stringLiteral } from "./names.ts";
import type { OperationModel, Unit } from "./plan.ts";
import type { SchemaIR } from "./schema-ir.ts";
import { pointerToken, type JsonValue } from "./spec.ts";

/** Runtime helpers a validator may call (all in runtime/validation). */
export type ValidationHelper =
  | "fail"
  | "failEnum"
  | "concatIssues"
  | "own"
  | "hasOwn"
  | "isObject"
  | "codePointLength"
  | "deepEqual"
  | "requestContext"
  | "responseContext"
  | "ValidationIssue"
  | "ValidationContext"
  | "ValidateOptions";

export interface ValidatorContext {
  /** Checker function name of `#/components/schemas/<key>`. */
  componentCheck(key: string): string;
  /** Records a runtime helper the emitted code uses. */
  use(helper: ValidationHelper): void;
  /** Module-level constants of the file being emitted (patterns, key sets, enums). */
  consts: ConstPool;
}

/** `object.key`, or `object["key"]` when the key is not an identifier (or is `__proto__`). */
function propertyAccess(object: string, name: string): string {
  const key = propertyKey(name);
  return key.startsWith('"') ? `${object}[${printString(key)}]` : `${object}.${key}`;
}

/** A string literal as it appears in the generated code. */
export function str(value: string): string {
  return printString(stringLiteral(value));
}

/** Module-level constants, numbered in emission order and shared within one file. */
export class ConstPool {
  readonly #byText = new Map<string, string>();
  readonly #declarations: Doc[] = [];
  readonly #counters = new Map<string, number>();

  #add(prefix: string, key: string, declare: (name: string) => Doc): string {
    const dedupe = `${prefix}\u0000${key}`;
    const existing = this.#byText.get(dedupe);
    if (existing !== undefined) return existing;
    const n = this.#counters.get(prefix) ?? 0;
    this.#counters.set(prefix, n + 1);
    const name = `${prefix}_${n}`;
    this.#byText.set(dedupe, name);
    this.#declarations.push(declare(name));
    return name;
  }

  pattern(source: string): string {
    return this.#add("PATTERN", source, (name) => constStatement(name, call("new RegExp", [str(source), '"u"']), "fluid"));
  }

  keySet(keys: string[]): string {
    return this.#add("KEYS", JSON.stringify(keys), (name) =>
      constStatement(name, call("new Set", [{ doc: arrayLiteral(keys.map(str)), kind: "array" }]), "fluid", "ReadonlySet<string>"),
    );
  }

  primitiveSet(values: JsonValue[]): string {
    const literals = values.map(primitiveLiteral);
    return this.#add("ENUM", literals.join(", "), (name) => {
      const set = call("new Set", [{ doc: arrayLiteral(literals), kind: "array" }], "<unknown>");
      // An all-number array is printed with `fill` by prettier: only its flat form is reproduced.
      const numbers = values.every((v) => typeof v === "number");
      return constStatement(name, numbers ? strict(set) : set, "fluid", "ReadonlySet<unknown>");
    });
  }

  jsonValues(values: JsonValue[]): string {
    const json = JSON.stringify(values);
    return this.#add("VALUES", json, (name) => strict(["const ", name, ": readonly unknown[] = JSON.parse(", str(json), ") as unknown[];"]));
  }

  declarations(): Doc[] {
    return [...this.#declarations];
  }
}

function primitiveLiteral(value: JsonValue): string {
  if (typeof value === "string") return str(value);
  if (typeof value === "number") return Object.is(value, -0) ? "0" : printNumber(String(value));
  return String(value);
}

type PathPart = { lit: string } | { expr: string };

function pathDoc(parts: PathPart[]): Doc {
  const merged: PathPart[] = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if ("lit" in part && last && "lit" in last) merged[merged.length - 1] = { lit: last.lit + part.lit };
    else merged.push(part);
  }
  return binaryChain(
    "+",
    merged.map((p) => ("lit" in p ? str(p.lit) : p.expr)),
  );
}

/** Whether a schema constrains anything at all (an empty schema accepts every value). */
export function hasChecks(ir: SchemaIR): boolean {
  return (
    ir.ref !== undefined ||
    ir.types !== undefined ||
    ir.enum !== undefined ||
    ir.const !== undefined ||
    ir.minLength !== undefined ||
    ir.maxLength !== undefined ||
    ir.pattern !== undefined ||
    ir.minimum !== undefined ||
    ir.maximum !== undefined ||
    ir.exclusiveMinimum !== undefined ||
    ir.exclusiveMaximum !== undefined ||
    ir.minItems !== undefined ||
    ir.maxItems !== undefined ||
    ir.closed === true ||
    (ir.properties ?? []).some((p) => p.required || hasChecks(p.schema)) ||
    (ir.items !== undefined && hasChecks(ir.items)) ||
    ir.oneOf !== undefined ||
    ir.anyOf !== undefined ||
    (ir.allOf ?? []).some(hasChecks)
  );
}

type Group = "string" | "number" | "object" | "array";

const groupGuard: Record<Group, (v: string) => string> = {
  string: (v) => `typeof ${v} === "string"`,
  number: (v) => `typeof ${v} === "number" && Number.isFinite(${v})`,
  object: (v) => `isObject(${v})`,
  array: (v) => `Array.isArray(${v})`,
};

const typeGuard: Record<string, (v: string) => string> = {
  string: (v) => `typeof ${v} === "string"`,
  integer: (v) => `Number.isInteger(${v})`,
  number: (v) => `typeof ${v} === "number" && Number.isFinite(${v})`,
  boolean: (v) => `typeof ${v} === "boolean"`,
  null: (v) => `${v} === null`,
  object: (v) => `isObject(${v})`,
  array: (v) => `Array.isArray(${v})`,
};

function groupOfType(t: string): Group | undefined {
  if (t === "string" || t === "object" || t === "array") return t;
  if (t === "integer" || t === "number") return "number";
  return undefined;
}

/** Emits the body of one checker; records which parameters the body uses. */
class FunctionEmitter {
  #counter = 0;
  readonly used = { value: false, path: false, errors: false, ctx: false };

  constructor(readonly ctx: ValidatorContext) {}

  local(prefix: string): string {
    this.#counter++;
    return `${prefix}${this.#counter}`;
  }

  /** Notes a use of a checker parameter in emitted code. */
  v(name: string): string {
    if (name === "value" || name === "path" || name === "errors" || name === "ctx") this.used[name] = true;
    return name;
  }

  path(parts: PathPart[]): Doc {
    for (const p of parts) if ("expr" in p) this.v(p.expr);
    return pathDoc(parts);
  }

  /** `errs = fail(errs, path, keyword, message);` (the list is allocated at the first issue). */
  fail(errs: string, path: PathPart[], keyword: string, message: string | { expr: Doc }): Doc {
    this.ctx.use("fail");
    const msg = typeof message === "string" ? str(message) : message.expr;
    return assignStatement(errs, call("fail", [errs, this.path(path), str(keyword), msg]));
  }

  hasGroup(ir: SchemaIR, group: Group): boolean {
    switch (group) {
      case "string":
        return ir.minLength !== undefined || ir.maxLength !== undefined || ir.pattern !== undefined;
      case "number":
        return (
          ir.minimum !== undefined ||
          ir.maximum !== undefined ||
          ir.exclusiveMinimum !== undefined ||
          ir.exclusiveMaximum !== undefined
        );
      case "object":
        return ir.closed === true || (ir.properties ?? []).some((p) => p.required || hasChecks(p.schema));
      case "array":
        return ir.minItems !== undefined || ir.maxItems !== undefined || (ir.items !== undefined && hasChecks(ir.items));
    }
  }

  schema(ir: SchemaIR, v: string, path: PathPart[], errs: string): Doc[] {
    const { ctx } = this;
    const out: Doc[] = [];
    this.v(v);
    this.v(errs);
    if (ir.ref !== undefined) {
      out.push(assignStatement(errs, call(ctx.componentCheck(ir.ref), [v, this.path(path), errs, this.v("ctx")])));
    }

    const groups = (["string", "number", "object", "array"] as const).filter((g) => this.hasGroup(ir, g));
    const types = ir.types;
    let handled: Group | undefined;
    if (types !== undefined) {
      const single = types.length === 1 ? types[0]! : undefined;
      const singleGroup = single === undefined ? undefined : groupOfType(single);
      const typeMessage = `must be ${types.join(",")}`;
      if (singleGroup !== undefined && groups.includes(singleGroup)) {
        // One type whose own keywords apply: check both under one guard.
        handled = singleGroup;
        const inner: Doc[] = [];
        if (single === "integer") inner.push(ifStatement(`!Number.isInteger(${v})`, [this.fail(errs, path, "type", typeMessage)]));
        inner.push(...this.group(ir, singleGroup, v, path, errs));
        out.push(ifStatement(groupGuard[singleGroup](v), inner, [this.fail(errs, path, "type", typeMessage)]));
      } else {
        for (const t of types) if (t === "object") ctx.use("isObject");
        const negated: Record<string, string> = { string: `typeof ${v} !== "string"`, boolean: `typeof ${v} !== "boolean"`, null: `${v} !== null` };
        const guards = types.map((t) => typeGuard[t]!(v));
        // A lone call needs no parentheses after "!" (prettier drops them).
        const condition =
          single !== undefined && negated[single] !== undefined ? negated[single] : guards.length === 1 && !guards[0]!.includes(" ") ? `!${guards[0]}` : `!(${guards.join(" || ")})`;
        out.push(ifStatement(condition, [this.fail(errs, path, "type", typeMessage)]));
      }
    }
    for (const g of groups) {
      if (g === handled) continue;
      out.push(ifStatement(groupGuard[g](v), this.group(ir, g, v, path, errs)));
    }

    if (ir.const !== undefined) {
      const value = ir.const.value;
      let condition: string;
      if (value !== null && typeof value === "object") {
        ctx.use("deepEqual");
        condition = `!deepEqual(${v}, ${ctx.consts.jsonValues([value])}[0])`;
      } else {
        condition = `${v} !== ${primitiveLiteral(value)}`;
      }
      out.push(ifStatement(condition, [this.fail(errs, path, "const", "must be equal to constant")]));
    }
    if (ir.enum !== undefined) {
      const values = ir.enum;
      let condition: string;
      if (values.every((e) => e === null || typeof e !== "object")) {
        condition = `!${ctx.consts.primitiveSet(values)}.has(${v})`;
      } else {
        ctx.use("deepEqual");
        condition = `!${ctx.consts.jsonValues(values)}.some((allowed) => deepEqual(${v}, allowed))`;
      }
      // On the response side an unknown string is a warning unless validation is strict.
      ctx.use("failEnum");
      out.push(ifStatement(condition, [assignStatement(errs, call("failEnum", [errs, this.v("ctx"), v, this.path(path)]))]));
    }

    for (const [keyword, variants] of [["oneOf", ir.oneOf], ["anyOf", ir.anyOf]] as const) {
      if (variants === undefined) continue;
      ctx.use("ValidationIssue");
      const passing = this.local("passing");
      const branches = variants.map((_, i) => `branch${passing.slice("passing".length)}_${i}`);
      out.push(`let ${passing} = 0;`);
      variants.forEach((variant, i) => {
        const b = branches[i]!;
        out.push(`let ${b}: ValidationIssue[] | undefined;`);
        out.push(...this.schema(variant, v, path, b));
        out.push(ifSimple(`${b} === undefined`, `${passing}++;`));
      });
      ctx.use("concatIssues");
      const report = assignStatement(this.v(errs), call("concatIssues", [errs, ...branches]));
      if (keyword === "oneOf") {
        out.push(ifStatement(`${passing} !== 1`, [ifStatement(`${passing} === 0`, [report]), this.fail(errs, path, "oneOf", "must match exactly one schema in oneOf")]));
      } else {
        out.push(ifStatement(`${passing} === 0`, [report, this.fail(errs, path, "anyOf", "must match a schema in anyOf")]));
      }
    }
    for (const sub of ir.allOf ?? []) out.push(...this.schema(sub, v, path, errs));
    return out;
  }

  group(ir: SchemaIR, group: Group, v: string, path: PathPart[], errs: string): Doc[] {
    const { ctx } = this;
    const out: Doc[] = [];
    switch (group) {
      case "string": {
        // Code points are at most the UTF-16 length and at least half of it: the length alone
        // settles most strings, and codePointLength runs only in between.
        const length = `${v}.length`;
        const bound = (limit: number, op: "<" | ">", keyword: string, message: string) => {
          const fail = [this.fail(errs, path, keyword, message)];
          const plain = comparison(length, op, String(limit));
          // Below 1 (or above 0) code point is the same as below 1 (above 0) UTF-16 unit.
          if ((op === "<" && limit <= 1) || (op === ">" && limit === 0)) return ifLogical(plain, fail);
          ctx.use("codePointLength");
          const counted = comparison(`codePointLength(${v})`, op, String(limit));
          const parts =
            op === "<"
              ? logical("||", [{ doc: plain }, { doc: ["(", logical("&&", [{ doc: comparison(length, "<", String(2 * limit)) }, { doc: counted }], "nested"), ")"], logical: true }], "if")
              : logical("&&", [{ doc: plain }, { doc: ["(", logical("||", [{ doc: comparison(length, ">", String(2 * limit)) }, { doc: counted }], "nested"), ")"], logical: true }], "if");
          return ifLogical(parts, fail);
        };
        if (ir.minLength !== undefined && ir.minLength > 0) {
          out.push(bound(ir.minLength, "<", "minLength", `must NOT have fewer than ${ir.minLength} characters`));
        }
        if (ir.maxLength !== undefined) {
          out.push(bound(ir.maxLength, ">", "maxLength", `must NOT have more than ${ir.maxLength} characters`));
        }
        if (ir.pattern !== undefined) {
          out.push(ifStatement(`!${ctx.consts.pattern(ir.pattern)}.test(${v})`, [this.fail(errs, path, "pattern", `must match pattern ${JSON.stringify(ir.pattern)}`)]));
        }
        return out;
      }
      case "number": {
        const limits: [keyof SchemaIR, string, string][] = [
          ["minimum", "<", ">="],
          ["maximum", ">", "<="],
          ["exclusiveMinimum", "<=", ">"],
          ["exclusiveMaximum", ">=", "<"],
        ];
        for (const [keyword, failIf, must] of limits) {
          const limit = ir[keyword];
          if (typeof limit !== "number") continue;
          out.push(ifStatement(`${v} ${failIf} ${primitiveLiteral(limit)}`, [this.fail(errs, path, keyword, `must be ${must} ${primitiveLiteral(limit)}`)]));
        }
        return out;
      }
      case "object": {
        ctx.use("isObject");
        for (const prop of ir.properties ?? []) {
          const checked = hasChecks(prop.schema);
          if (!checked && !prop.required) continue;
          // The property read first, hasOwn only for a value that is there: a key found only on
          // the prototype ("constructor", "__proto__") is absent.
          ctx.use("hasOwn");
          const pv = this.local("v");
          const childPath: PathPart[] = [...path, { lit: `/${pointerToken(prop.name)}` }];
          out.push(constStatement(pv, propertyAccess(v, prop.name), "break-after-operator"));
          const inner = checked ? this.schema(prop.schema, pv, childPath, errs) : [];
          const own = call("hasOwn", [v, str(prop.name)]);
          if (prop.required) {
            const missing = [this.fail(errs, path, "required", `must have required property '${prop.name}'`)];
            out.push(ifLogical(logical("||", [{ doc: binaryChain("===", [pv, "undefined"]) }, { doc: ["!", own] }], "if"), missing, checked ? inner : undefined));
          } else {
            out.push(ifLogical(logical("&&", [{ doc: binaryChain("!==", [pv, "undefined"]) }, { doc: own }], "if"), inner));
          }
        }
        if (ir.closed) {
          const key = this.local("key");
          const declared = (ir.properties ?? []).map((p) => p.name);
          const body: Doc[] = [];
          if (declared.length > 0) body.push(ifSimple(`${ctx.consts.keySet(declared)}.has(${key})`, "continue;"));
          body.push(
            this.fail(errs, path, "additionalProperties", {
              expr: binaryChain("+", ['"must NOT have additional properties ("', call("JSON.stringify", [key]), '")"']),
            }),
          );
          out.push(forStatement(`const ${key} of Object.keys(${v})`, body));
        }
        return out;
      }
      case "array": {
        if (ir.minItems !== undefined) {
          out.push(ifStatement(`${v}.length < ${ir.minItems}`, [this.fail(errs, path, "minItems", `must NOT have fewer than ${ir.minItems} items`)]));
        }
        if (ir.maxItems !== undefined) {
          out.push(ifStatement(`${v}.length > ${ir.maxItems}`, [this.fail(errs, path, "maxItems", `must NOT have more than ${ir.maxItems} items`)]));
        }
        if (ir.items !== undefined && hasChecks(ir.items)) {
          const i = this.local("i");
          const item = this.local("v");
          const body: Doc[] = [constStatement(`${item}: unknown`, `${v}[${i}]`, "break-after-operator")];
          body.push(...this.schema(ir.items, item, [...path, { lit: "/" }, { expr: i }], errs));
          out.push(forStatement(`let ${i} = 0; ${i} < ${v}.length; ${i}++`, body));
        }
        return out;
      }
    }
  }
}

/** Checker parameters; unused ones get a leading "_" (clean under noUnusedParameters). */
function checkerParams(used: FunctionEmitter["used"]): Doc[] {
  const param = (name: keyof FunctionEmitter["used"], type: string) => `${used[name] ? name : `_${name}`}: ${type}`;
  return [param("value", "unknown"), param("path", "string"), "errors: ValidationIssue[] | undefined", param("ctx", "ValidationContext")];
}

/**
 * The internal recursive checker of a unit: `check_X(value, path, errors, ctx)` returns `errors`
 * with this value's issues added (a list is allocated at the first one; undefined: valid).
 */
export function checkFunction(unit: Unit, ctx: ValidatorContext, exported: boolean): Doc {
  ctx.use("ValidationIssue");
  ctx.use("ValidationContext");
  const f = new FunctionEmitter(ctx);
  const statements = f.schema(unit.schema, "value", [{ expr: "path" }], "errors");
  if (statements.length === 0) f.used.value = f.used.path = f.used.ctx = false;
  const body = statements.length > 0 ? [...statements, "return errors;"] : ["// No constraints: every value is valid.", "return errors;"];
  return functionDeclaration({ exported, name: unit.checkName, params: checkerParams(f.used), returnType: "ValidationIssue[] | undefined", body });
}

/** Public `validateX` and `isX` of a unit. */
export function publicValidators(unit: Unit, ctx: ValidatorContext): Doc[] {
  ctx.use("ValidateOptions");
  ctx.use(unit.lenient ? "responseContext" : "requestContext");
  const contextCall = unit.lenient ? "responseContext(options)" : "requestContext(options)";
  const note = unit.lenient
    ? "\n *\n * Unknown enum values are reported in `options.warnings`, not as errors, unless `options.strict` is set."
    : "";
  return publicPair(
    unit.typeName,
    unit.validateName,
    unit.guardName,
    `/**\n * Validates a value against \`${unit.typeName}\`: every problem as \`{ path, keyword, message }\` (JSON Pointer paths); empty means valid.${note}\n */\n`,
    call(unit.checkName, ["value", '""', "undefined", contextCall]),
  );
}

function publicPair(typeName: string, validateName: string, guardName: string, doc: string, check: Doc): Doc[] {
  return [
    functionDeclaration({
      doc,
      exported: true,
      name: validateName,
      params: ["value: unknown", "options?: ValidateOptions"],
      returnType: "ValidationIssue[]",
      body: [returnStatement(logical("??", [{ doc: check }, { doc: "[]" }], "return"), true)],
    }),
    functionDeclaration({
      doc: `/** Type guard: \`${validateName}\` found no errors. */\n`,
      exported: true,
      name: guardName,
      params: ["value: unknown", "options?: ValidateOptions"],
      returnType: `value is ${typeName}`,
      // The checker itself: a valid value allocates nothing.
      body: [returnStatement(logical("===", [{ doc: check }, { doc: "undefined" }], "return"), true)],
    }),
  ];
}

/** Checker and public validators of an operation's whole input ({ path, query, headers, body }). */
export function requestValidators(op: OperationModel, ctx: ValidatorContext): Doc[] {
  ctx.use("ValidationIssue");
  ctx.use("ValidationContext");
  ctx.use("ValidateOptions");
  ctx.use("requestContext");
  ctx.use("isObject");
  ctx.use("fail");
  const used = { value: true, path: true, errors: true, ctx: false };
  const statements: Doc[] = [ifStatement("!isObject(value)", [returnStatement(call("fail", ["errors", "path", '"type"', '"must be object"']))])];
  const parts: [string, Unit | undefined, boolean][] = [
    ["path", op.pathUnit, op.pathUnit !== undefined],
    ["query", op.queryUnit, op.params.some((p) => p.in === "query" && p.required)],
    ["headers", op.headersUnit, op.params.some((p) => p.in === "header" && p.required)],
    ["body", op.bodyUnit, op.bodyRequired],
  ];
  let n = 0;
  for (const [key, unit, required] of parts) {
    if (!unit) continue;
    ctx.use("hasOwn");
    used.ctx = true;
    const v = `part${++n}`;
    statements.push(constStatement(v, `value.${key}`, "break-after-operator"));
    const check = assignStatement("errors", call(unit.checkName, [v, binaryChain("+", ["path", str(`/${key}`)]), "errors", "ctx"]));
    const own = call("hasOwn", ["value", str(key)]);
    if (required) {
      const missing = assignStatement("errors", call("fail", ["errors", "path", '"required"', str(`must have required property '${key}'`)]));
      statements.push(ifLogical(logical("||", [{ doc: binaryChain("===", [v, "undefined"]) }, { doc: ["!", own] }], "if"), [missing], [check]));
    } else {
      statements.push(ifLogical(logical("&&", [{ doc: binaryChain("!==", [v, "undefined"]) }, { doc: own }], "if"), [check]));
    }
  }
  statements.push("return errors;");
  return [
    functionDeclaration({ name: op.requestCheckName, params: checkerParams(used), returnType: "ValidationIssue[] | undefined", body: statements }),
    ...publicPair(
      op.requestTypeName,
      op.requestValidateName,
      op.requestGuardName,
      `/**\n * Validates the whole input of \`${op.functionName}\` (\`{ path, query, headers, body }\`); paths start with "/path", "/query", "/headers" or "/body".\n */\n`,
      call(op.requestCheckName, ["value", '""', "undefined", "requestContext(options)"]),
    ),
  ];
}

export type { Arg };
