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

import { pointerToken, type JsonValue } from "./spec.ts";
import { stringLiteral } from "./names.ts";
import type { OperationModel, Unit } from "./plan.ts";
import type { SchemaIR } from "./schema-ir.ts";

/** Runtime helpers a validator may call (all in runtime/validation). */
export type ValidationHelper =
  | "fail"
  | "own"
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

/** Module-level constants, numbered in emission order and shared within one file. */
export class ConstPool {
  readonly #byText = new Map<string, string>();
  readonly #declarations: string[] = [];
  readonly #counters = new Map<string, number>();

  #add(prefix: string, type: string, init: string): string {
    const key = `${prefix}\u0000${init}`;
    const existing = this.#byText.get(key);
    if (existing !== undefined) return existing;
    const n = this.#counters.get(prefix) ?? 0;
    this.#counters.set(prefix, n + 1);
    const name = `${prefix}_${n}`;
    this.#byText.set(key, name);
    this.#declarations.push(`const ${name}${type} = ${init};`);
    return name;
  }

  pattern(source: string): string {
    return this.#add("PATTERN", "", `new RegExp(${stringLiteral(source)}, "u")`);
  }

  keySet(keys: string[]): string {
    return this.#add("KEYS", ": ReadonlySet<string>", `new Set([${keys.map(stringLiteral).join(", ")}])`);
  }

  primitiveSet(values: JsonValue[]): string {
    return this.#add("ENUM", ": ReadonlySet<unknown>", `new Set<unknown>([${values.map(primitiveLiteral).join(", ")}])`);
  }

  jsonValues(values: JsonValue[]): string {
    return this.#add("VALUES", ": readonly unknown[]", `JSON.parse(${stringLiteral(JSON.stringify(values))}) as unknown[]`);
  }

  declarations(): string[] {
    return [...this.#declarations];
  }
}

function primitiveLiteral(value: JsonValue): string {
  if (typeof value === "string") return stringLiteral(value);
  if (typeof value === "number") return Object.is(value, -0) ? "0" : String(value);
  return String(value);
}

type PathPart = { lit: string } | { expr: string };

function renderPath(parts: PathPart[]): string {
  const merged: PathPart[] = [];
  for (const part of parts) {
    const last = merged[merged.length - 1];
    if ("lit" in part && last && "lit" in last) merged[merged.length - 1] = { lit: last.lit + part.lit };
    else merged.push(part);
  }
  return merged.map((p) => ("lit" in p ? stringLiteral(p.lit) : p.expr)).join(" + ");
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

class FunctionEmitter {
  readonly lines: string[] = [];
  #counter = 0;

  constructor(readonly ctx: ValidatorContext) {}

  local(prefix: string): string {
    this.#counter++;
    return `${prefix}${this.#counter}`;
  }

  push(errs: string, path: PathPart[], keyword: string, message: string | { expr: string }): void {
    const msg = typeof message === "string" ? stringLiteral(message) : message.expr;
    this.ctx.use("fail");
    this.lines.push(`fail(${errs}, ${renderPath(path)}, ${stringLiteral(keyword)}, ${msg});`);
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

  schema(ir: SchemaIR, v: string, path: PathPart[], errs: string): void {
    const { ctx } = this;
    if (ir.ref !== undefined) {
      this.lines.push(`${ctx.componentCheck(ir.ref)}(${v}, ${renderPath(path)}, ${errs}, ctx);`);
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
        this.lines.push(`if (${groupGuard[singleGroup](v)}) {`);
        if (single === "integer") {
          this.lines.push(`if (!Number.isInteger(${v})) {`);
          this.push(errs, path, "type", typeMessage);
          this.lines.push("}");
        }
        this.group(ir, singleGroup, v, path, errs);
        this.lines.push("} else {");
        this.push(errs, path, "type", typeMessage);
        this.lines.push("}");
      } else {
        for (const t of types) if (t === "object") ctx.use("isObject");
        const negated: Record<string, string> = { string: `typeof ${v} !== "string"`, boolean: `typeof ${v} !== "boolean"`, null: `${v} !== null` };
        const condition = single !== undefined && negated[single] !== undefined ? negated[single] : `!(${types.map((t) => typeGuard[t]!(v)).join(" || ")})`;
        this.lines.push(`if (${condition}) {`);
        this.push(errs, path, "type", typeMessage);
        this.lines.push("}");
      }
    }
    for (const g of groups) {
      if (g === handled) continue;
      this.lines.push(`if (${groupGuard[g](v)}) {`);
      this.group(ir, g, v, path, errs);
      this.lines.push("}");
    }

    if (ir.const !== undefined) {
      const value = ir.const.value;
      if (value !== null && typeof value === "object") {
        ctx.use("deepEqual");
        this.lines.push(`if (!deepEqual(${v}, ${ctx.consts.jsonValues([value])}[0])) {`);
      } else {
        this.lines.push(`if (${v} !== ${primitiveLiteral(value)}) {`);
      }
      this.push(errs, path, "const", "must be equal to constant");
      this.lines.push("}");
    }
    if (ir.enum !== undefined) {
      const values = ir.enum;
      if (values.every((e) => e === null || typeof e !== "object")) {
        this.lines.push(`if (!${ctx.consts.primitiveSet(values)}.has(${v})) {`);
      } else {
        ctx.use("deepEqual");
        this.lines.push(`if (!${ctx.consts.jsonValues(values)}.some((allowed) => deepEqual(${v}, allowed))) {`);
      }
      // On the response side an unknown string is a warning unless validation is strict.
      this.push(`ctx.lenient && typeof ${v} === "string" ? ctx.warnings : ${errs}`, path, "enum", "must be equal to one of the allowed values");
      this.lines.push("}");
    }

    for (const [keyword, variants] of [["oneOf", ir.oneOf], ["anyOf", ir.anyOf]] as const) {
      if (variants === undefined) continue;
      ctx.use("ValidationIssue");
      const passing = this.local("passing");
      const branches = variants.map((_, i) => `branch${passing.slice("passing".length)}_${i}`);
      this.lines.push(`let ${passing} = 0;`);
      variants.forEach((variant, i) => {
        const b = branches[i]!;
        this.lines.push(`const ${b}: ValidationIssue[] = [];`);
        this.schema(variant, v, path, b);
        this.lines.push(`if (${b}.length === 0) ${passing}++;`);
      });
      if (keyword === "oneOf") {
        this.lines.push(`if (${passing} !== 1) {`);
        this.lines.push(`if (${passing} === 0) ${errs}.push(${branches.map((b) => `...${b}`).join(", ")});`);
        this.push(errs, path, "oneOf", "must match exactly one schema in oneOf");
        this.lines.push("}");
      } else {
        this.lines.push(`if (${passing} === 0) {`);
        this.lines.push(`${errs}.push(${branches.map((b) => `...${b}`).join(", ")});`);
        this.push(errs, path, "anyOf", "must match a schema in anyOf");
        this.lines.push("}");
      }
    }
    for (const sub of ir.allOf ?? []) this.schema(sub, v, path, errs);
  }

  group(ir: SchemaIR, group: Group, v: string, path: PathPart[], errs: string): void {
    const { ctx } = this;
    switch (group) {
      case "string": {
        if (ir.minLength !== undefined || ir.maxLength !== undefined) {
          ctx.use("codePointLength");
          const n = this.local("length");
          this.lines.push(`const ${n} = codePointLength(${v});`);
          if (ir.minLength !== undefined) {
            this.lines.push(`if (${n} < ${ir.minLength}) {`);
            this.push(errs, path, "minLength", `must NOT have fewer than ${ir.minLength} characters`);
            this.lines.push("}");
          }
          if (ir.maxLength !== undefined) {
            this.lines.push(`if (${n} > ${ir.maxLength}) {`);
            this.push(errs, path, "maxLength", `must NOT have more than ${ir.maxLength} characters`);
            this.lines.push("}");
          }
        }
        if (ir.pattern !== undefined) {
          this.lines.push(`if (!${ctx.consts.pattern(ir.pattern)}.test(${v})) {`);
          this.push(errs, path, "pattern", `must match pattern ${JSON.stringify(ir.pattern)}`);
          this.lines.push("}");
        }
        return;
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
          this.lines.push(`if (${v} ${failIf} ${primitiveLiteral(limit)}) {`);
          this.push(errs, path, keyword, `must be ${must} ${primitiveLiteral(limit)}`);
          this.lines.push("}");
        }
        return;
      }
      case "object": {
        ctx.use("isObject");
        for (const prop of ir.properties ?? []) {
          const checked = hasChecks(prop.schema);
          if (!checked && !prop.required) continue;
          ctx.use("own");
          const pv = this.local("v");
          const childPath: PathPart[] = [...path, { lit: `/${pointerToken(prop.name)}` }];
          this.lines.push(`const ${pv} = own(${v}, ${stringLiteral(prop.name)});`);
          if (prop.required) {
            this.lines.push(`if (${pv} === undefined) {`);
            this.push(errs, path, "required", `must have required property '${prop.name}'`);
            this.lines.push(checked ? "} else {" : "}");
          } else {
            this.lines.push(`if (${pv} !== undefined) {`);
          }
          if (checked) {
            this.schema(prop.schema, pv, childPath, errs);
            this.lines.push("}");
          }
        }
        if (ir.closed) {
          const key = this.local("key");
          const declared = (ir.properties ?? []).map((p) => p.name);
          this.lines.push(`for (const ${key} of Object.keys(${v})) {`);
          if (declared.length > 0) this.lines.push(`if (${ctx.consts.keySet(declared)}.has(${key})) continue;`);
          this.push(errs, path, "additionalProperties", {
            expr: `"must NOT have additional properties (" + JSON.stringify(${key}) + ")"`,
          });
          this.lines.push("}");
        }
        return;
      }
      case "array": {
        if (ir.minItems !== undefined) {
          this.lines.push(`if (${v}.length < ${ir.minItems}) {`);
          this.push(errs, path, "minItems", `must NOT have fewer than ${ir.minItems} items`);
          this.lines.push("}");
        }
        if (ir.maxItems !== undefined) {
          this.lines.push(`if (${v}.length > ${ir.maxItems}) {`);
          this.push(errs, path, "maxItems", `must NOT have more than ${ir.maxItems} items`);
          this.lines.push("}");
        }
        if (ir.items !== undefined && hasChecks(ir.items)) {
          const i = this.local("i");
          const item = this.local("v");
          this.lines.push(`for (let ${i} = 0; ${i} < ${v}.length; ${i}++) {`);
          this.lines.push(`const ${item}: unknown = ${v}[${i}];`);
          this.schema(ir.items, item, [...path, { lit: "/" }, { expr: i }], errs);
          this.lines.push("}");
        }
        return;
      }
    }
  }
}

/** The internal recursive checker of a unit: `check_X(value, path, errors, ctx)`. */
export function checkFunction(unit: Unit, ctx: ValidatorContext, exported: boolean): string {
  ctx.use("ValidationIssue");
  ctx.use("ValidationContext");
  const f = new FunctionEmitter(ctx);
  f.schema(unit.schema, "value", [{ expr: "path" }], "errors");
  const body = f.lines.length > 0 ? f.lines.join("\n") : "// No constraints: every value is valid.";
  return `${exported ? "export " : ""}function ${unit.checkName}(${checkerParams(body)}): void {\n${body}\n}`;
}

/** Checker parameters; unused ones get a leading "_" (clean under noUnusedParameters). */
function checkerParams(body: string): string {
  const code = body.replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|\/\/[^\n]*/g, '""');
  const param = (name: string, type: string) => `${new RegExp(`\\b${name}\\b`).test(code) ? name : `_${name}`}: ${type}`;
  return [param("value", "unknown"), param("path", "string"), param("errors", "ValidationIssue[]"), param("ctx", "ValidationContext")].join(", ");
}

/** Public `validateX` and `isX` of a unit. */
export function publicValidators(unit: Unit, ctx: ValidatorContext): string[] {
  ctx.use("ValidateOptions");
  ctx.use(unit.lenient ? "responseContext" : "requestContext");
  const contextCall = unit.lenient ? "responseContext(options)" : "requestContext(options)";
  const note = unit.lenient
    ? "\n *\n * Unknown enum values are reported in `options.warnings`, not as errors, unless `options.strict` is set."
    : "";
  return [
    `/**\n * Validates a value against \`${unit.typeName}\`: every problem as \`{ path, keyword, message }\` (JSON Pointer paths); empty means valid.${note}\n */\nexport function ${unit.validateName}(value: unknown, options?: ValidateOptions): ValidationIssue[] {\nconst errors: ValidationIssue[] = [];\n${unit.checkName}(value, "", errors, ${contextCall});\nreturn errors;\n}`,
    `/** Type guard: \`${unit.validateName}\` found no errors. */\nexport function ${unit.guardName}(value: unknown, options?: ValidateOptions): value is ${unit.typeName} {\nreturn ${unit.validateName}(value, options).length === 0;\n}`,
  ];
}

/** Checker and public validators of an operation's whole input ({ path, query, headers, body }). */
export function requestValidators(op: OperationModel, ctx: ValidatorContext): string[] {
  ctx.use("ValidationIssue");
  ctx.use("ValidationContext");
  ctx.use("ValidateOptions");
  ctx.use("requestContext");
  ctx.use("isObject");
  ctx.use("fail");
  const lines: string[] = [];
  lines.push(`if (!isObject(value)) {`);
  lines.push(`fail(errors, path, "type", "must be object");`);
  lines.push("return;");
  lines.push("}");
  const parts: [string, Unit | undefined, boolean][] = [
    ["path", op.pathUnit, op.pathUnit !== undefined],
    ["query", op.queryUnit, op.params.some((p) => p.in === "query" && p.required)],
    ["headers", op.headersUnit, op.params.some((p) => p.in === "header" && p.required)],
    ["body", op.bodyUnit, op.bodyRequired],
  ];
  let n = 0;
  for (const [key, unit, required] of parts) {
    if (!unit) continue;
    ctx.use("own");
    const v = `part${++n}`;
    lines.push(`const ${v} = own(value, "${key}");`);
    if (required) {
      lines.push(`if (${v} === undefined) {`);
      lines.push(`fail(errors, path, "required", "must have required property '${key}'");`);
      lines.push("} else {");
    } else {
      lines.push(`if (${v} !== undefined) {`);
    }
    lines.push(`${unit.checkName}(${v}, path + "/${key}", errors, ctx);`);
    lines.push("}");
  }
  return [
    `function ${op.requestCheckName}(${checkerParams(lines.join("\n"))}): void {\n${lines.join("\n")}\n}`,
    `/**\n * Validates the whole input of \`${op.functionName}\` (\`{ path, query, headers, body }\`); paths start with "/path", "/query", "/headers" or "/body".\n */\nexport function ${op.requestValidateName}(value: unknown, options?: ValidateOptions): ValidationIssue[] {\nconst errors: ValidationIssue[] = [];\n${op.requestCheckName}(value, "", errors, requestContext(options));\nreturn errors;\n}`,
    `/** Type guard: \`${op.requestValidateName}\` found no errors. */\nexport function ${op.requestGuardName}(value: unknown, options?: ValidateOptions): value is ${op.requestTypeName} {\nreturn ${op.requestValidateName}(value, options).length === 0;\n}`,
  ];
}
