// Generated TypeScript laid out by prettier's own document printer (`prettier/doc`), without a
// parse: the emitters build the documents prettier's estree printer would build for the few
// constructs we emit (calls, functions, `if`, unions, interfaces, imports, ...), and
// `printDocToString` does the line fitting with the pinned options, so the text is the text
// `prettier.format` gives (test/generator/layout.test.ts checks that on every package).
//
// Anything whose broken layout is not reproduced here is wrapped in `strict()`: if it does not
// fit on its line, the printer writes a marker instead, and `printTs` returns undefined, so the
// caller formats that file with prettier itself (the slow path, same result).
//
// Mirrors prettier 3.10 (src/language-js/print/*): call-arguments.js, member-chain.js (only the
// short chains we emit), assignment.js (layouts), binaryish.js, type-annotation.js (unions,
// intersections), object.js, function-parameters.js, arrow-function.js, statement.js.

import { builders, printer, type builders as B } from "prettier/doc";

export type Doc = B.Doc;

const { group, indent, line, softline, hardline, ifBreak, join, conditionalGroup, breakParent, lineSuffixBoundary, indentIfBreak } = builders;
export { group, indent, line, softline, hardline, ifBreak, join };

/** Width and indentation of generated code (the pinned prettier options). */
export const printOptions = { printWidth: 100, tabWidth: 2, useTabs: false } as const;

// Control characters only: zero columns for the printer's width measurement, so a `strict` part
// measures like its flat text; generated text never contains them (literals escape them, doc
// text replaces them).
const bailMarker = "\u0000\u0001\u0000";

/** `doc` if it fits on its line; otherwise the file goes through prettier (see the header). */
export function strict(doc: Doc): Doc {
  return group([ifBreak(bailMarker, ""), doc]);
}

/** Prints a file's documents; undefined when some `strict` part did not fit. */
export function printTs(doc: Doc): string | undefined {
  const { formatted } = printer.printDocToString(doc, printOptions);
  return formatted.includes(bailMarker) ? undefined : formatted;
}

/** The same file on lines of unbounded width: valid TypeScript for prettier's slow path. */
export function printFlat(doc: Doc): string {
  return printer.printDocToString(doc, { ...printOptions, printWidth: Number.POSITIVE_INFINITY }).formatted;
}

// ---- literals -------------------------------------------------------------------------------

/**
 * A string literal as prettier prints it (src/utils/print-string.js): double quotes unless the
 * text has more double than single quotes; escapes as written otherwise. `literal` is a quoted
 * literal (names.ts `stringLiteral`).
 */
export function printString(literal: string): string {
  const raw = literal.slice(1, -1);
  let doubles = 0;
  let singles = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 34) doubles++;
    else if (c === 39) singles++;
  }
  const quote = doubles > singles ? "'" : '"';
  if (literal[0] === quote) return literal;
  const other = quote === '"' ? "'" : '"';
  const body = raw.replace(/\\(["'\\])|(["'])/g, (match, escaped: string | undefined, bare: string | undefined) =>
    escaped !== undefined ? (escaped === other ? escaped : match) : bare === quote ? `\\${bare}` : bare!,
  );
  return quote + body + quote;
}

/** A number literal as prettier prints it (src/utils/print-number.js). */
export function printNumber(text: string): string {
  if (text.length === 1) return text;
  return text
    .toLowerCase()
    .replace(/^([+-]?[\d.]+e)(?:\+|(-))?0*(?=\d)/, "$1$2")
    .replace(/^([+-]?[\d.]+)e[+-]?0+$/, "$1")
    .replace(/^([+-])?\./, "$10.")
    .replace(/(\.\d+?)0+(?=e|$)/, "$1")
    .replace(/\.(?=e|$)/, "");
}

// ---- comments -------------------------------------------------------------------------------

/**
 * A comment written before a node on its own line (text ends with "\n", as `renderDoc` gives
 * it). Block comments whose every line starts with "*" are re-indented like prettier does
 * (printComment: indentable block comments); others are kept verbatim.
 */
export function leadingComment(text: string): Doc {
  if (text === "") return "";
  const comment = text.endsWith("\n") ? text.slice(0, -1) : text;
  if (comment.startsWith("/*")) {
    const value = comment.slice(2, -2);
    if (`*${value}*`.split("\n").every((l, _, all) => all.length > 1 && l.trimStart()[0] === "*")) {
      const lines = value.split("\n");
      const printed = lines.map((l, i) => (i === 0 ? l.trimEnd() : ` ${i < lines.length - 1 ? l.trim() : l.trimStart()}`));
      return ["/*", join(hardline, printed), "*/", hardline];
    }
  }
  return [comment, hardline];
}

// ---- expressions ----------------------------------------------------------------------------

/**
 * An argument of a call, with what prettier's call-arguments printer looks at: whether the last
 * argument may "hug" (objects and arrays with content), whether it is a function.
 */
export interface Arg {
  doc: Doc;
  kind?: "plain" | "object" | "array" | "arrow";
}

/** printCallArguments (call-arguments.js) for arguments without comments or blank lines. */
export function callArguments(args: readonly Arg[]): Doc {
  if (args.length === 0) return "()";
  const printed: Doc[] = args.map((a, i) => (i === args.length - 1 ? a.doc : [a.doc, ",", line]));
  const trailing = ifBreak(",");
  const allBroken = () => group(["(", indent([line, ...printed]), trailing, line, ")"], { shouldBreak: true });
  // More than one function argument: every argument on its own line.
  if (args.filter((a) => a.kind === "arrow").length > 1) return allBroken();
  const last = args[args.length - 1]!;
  const penultimate = args[args.length - 2];
  const groupLast = (last.kind === "object" || last.kind === "array") && (penultimate === undefined || penultimate.kind !== last.kind);
  if (groupLast) {
    const head = printed.slice(0, -1);
    return conditionalGroup([["(", ...head, last.doc, ")"], ["(", ...head, group(last.doc, { shouldBreak: true }), ")"], allBroken()]);
  }
  return group(["(", indent([softline, ...printed]), trailing, softline, ")"]);
}

/** `callee(args)`: identifiers, `new X`, and the short member chains (`a.b(...)`) we emit. */
export function call(callee: string, args: readonly (Arg | Doc)[], typeArgs = ""): Doc {
  const list = args.map((a) => (isArg(a) ? a : { doc: a }));
  const printed = [callee, typeArgs, callArguments(list)];
  // A member chain of two groups prints as one group (member-chain.js, "oneLine").
  return !callee.startsWith("new ") && /[.[]/.test(callee) ? group(printed) : printed;
}

function isArg(value: Arg | Doc): value is Arg {
  return typeof value === "object" && value !== null && !Array.isArray(value) && "doc" in value && !("type" in value);
}

/** An operand of a logical chain; `logical` when it is itself a (parenthesized) logical chain. */
export interface Operand {
  doc: Doc;
  logical?: boolean;
}

/**
 * A chain of one logical operator (`a && b && c`), operands already printed (binaryish.js:
 * printBinaryishExpressions flattens same-precedence chains; each operand follows `op line`;
 * a lone `a && b` in a return keeps `&& b` as its own group).
 * `context` is where the chain stands, which decides grouping and indentation.
 */
export function logical(op: string, operands: readonly Operand[], context: "return" | "if" | "nested"): Doc {
  // binaryish.js groups `op right` only outside `if (...)`-like parentheses and when neither the
  // parent nor an operand is a logical expression.
  const lone = operands.length === 2 && context === "return" && !operands[0]!.logical && !operands[1]!.logical;
  const parts: Doc[] = [group(operands[0]!.doc)];
  for (const operand of operands.slice(1)) {
    const part: Doc = [op, line, operand.doc];
    parts.push(" ", lone ? group(part) : part);
  }
  if (context === "if") return parts;
  if (context === "return") return group(parts);
  // As an operand of a different operator: the first part, then the rest indented.
  return group([parts[0]!, indent(parts.slice(1))]);
}

/**
 * `a op b op c` as an argument, an operand of a different operator, or a statement part
 * (binaryish.js, the last branch of printBinaryishExpression): the first operand, then the rest
 * indented, each `op line operand`; a lone `a op b` keeps `op b` as its own group.
 */
export function binaryChain(op: string, operands: readonly Doc[]): Doc {
  if (operands.length === 1) return operands[0]!;
  const rest = operands.slice(1).map((o) => [" ", [op, line, o]]);
  if (operands.length === 2) return group([group(operands[0]!), indent([" ", group([op, line, operands[1]!])])]);
  return group([group(operands[0]!), indent(rest)]);
}

/** `left op right` where the parent is a different binary operator (one comparison). */
export function comparison(left: Doc, op: string, right: Doc): Doc {
  return binaryChain(op, [left, right]);
}

/** `test ? consequent : alternate`, not nested (ternary.js): breaks before `?` and `:`. */
export function conditional(test: Doc, consequent: Doc, alternate: Doc): Doc {
  return group([test, indent([line, "? ", consequent, line, ": ", alternate])]);
}

/** `return expr;` with prettier's parentheses for binary expressions that break. */
export function returnStatement(argument: Doc, binaryish = false): Doc {
  if (!binaryish) return ["return ", argument, ";"];
  return ["return ", group([ifBreak("("), indent([softline, argument]), softline, ifBreak(")")]), ";"];
}

/** An object literal, expanded (one property per line) or fitted; properties from `property`. */
export function objectLiteral(properties: readonly Doc[], expanded: boolean): Doc {
  if (properties.length === 0) return "{}";
  const parts: Doc[] = properties.map((p, i) => (i < properties.length - 1 ? [p, ",", line] : p));
  return group(["{", indent([line, ...parts]), ifBreak(","), line, "}"], { shouldBreak: expanded });
}

/**
 * An object property `key: value` (assignment.js layouts): "fluid" for arrow functions, arrays
 * and names, "break-after-operator" for string values; a key shorter than 5 columns never breaks.
 */
export function property(key: string, value: Doc, kind: "string" | "literal" | "other"): Doc {
  if (key.length < printOptions.tabWidth + 3 || kind === "literal") return group([key, ":", " ", value]);
  if (kind === "string") return group([key, ":", group(indent([line, value]))]);
  const id = Symbol("assignment");
  return group([key, ":", group(indent(line), { id }), lineSuffixBoundary, indentIfBreak(value, { groupId: id })]);
}

/** An array literal of strings or other simple elements (not numbers: those use `fill`). */
export function arrayLiteral(elements: readonly Doc[]): Doc {
  if (elements.length === 0) return "[]";
  const parts: Doc[] = elements.map((e, i) => [group(e), i < elements.length - 1 ? [",", line] : ""]);
  return group(["[", indent([softline, ...parts]), ifBreak(","), softline, "]"]);
}

/** An arrow function: `(params) => body` (arrow-function.js, not a chain). */
export function arrow(params: readonly Doc[], body: { expression: Doc } | { block: readonly Doc[] }): Doc {
  const signature = group(parameters(params));
  if ("block" in body) return group([signature, " =>", " ", block(body.block)]);
  return group([signature, " =>", group(indent([line, body.expression]))]);
}

// ---- declarations and statements -------------------------------------------------------------

/** Parameters `(a: A, b?: B)` as printed by printFunctionParameters (not grouped). */
export function parameters(params: readonly Doc[]): Doc {
  if (params.length === 0) return "()";
  const printed = params.map((p, i) => (i < params.length - 1 ? [p, ",", line] : p));
  return ["(", indent([softline, ...printed]), ifBreak(","), softline, ")"];
}

/** `{ statements }`, or `{}` when empty. */
export function block(statements: readonly Doc[]): Doc {
  if (statements.length === 0) return "{}";
  return ["{", indent([hardline, join(hardline, [...statements])]), hardline, "}"];
}

/** `function name(params): returnType { body }` (function.js). */
export function functionDeclaration(options: {
  doc?: string;
  exported?: boolean;
  name: string;
  params: readonly Doc[];
  returnType: Doc;
  body: readonly Doc[];
}): Doc {
  return [
    leadingComment(options.doc ?? ""),
    options.exported ? "export " : "",
    "function ",
    options.name,
    group([parameters(options.params), ": ", options.returnType]),
    " ",
    block(options.body),
  ];
}

/** `if (test) { ... } else { ... }`; the test must fit on the `if` line (or the file bails). */
export function ifStatement(test: Doc, consequent: readonly Doc[], alternate?: readonly Doc[]): Doc {
  const head = group(["if (", strict(test), ")", " ", block(consequent)]);
  if (alternate === undefined) return head;
  return [head, " else ", block(alternate)];
}

/**
 * `if (a || (b && c)) { ... }` with prettier's layout for a logical test (statement.js: the
 * chain's parts go straight into the `if (...)` group, which breaks them one per line).
 */
export function ifLogical(parts: Doc, consequent: readonly Doc[], alternate?: readonly Doc[]): Doc {
  const head = group(["if (", group([indent([softline, parts]), softline]), ")", " ", block(consequent)]);
  if (alternate === undefined) return head;
  return [head, " else ", block(alternate)];
}

/** `if (test) statement;` without braces; all on one line or the file bails. */
export function ifSimple(test: Doc, statement: Doc): Doc {
  return strict(["if (", test, ") ", statement]);
}

/** `target = value;` where the value is a call (assignment.js: "fluid" layout). */
export function assignStatement(target: string, value: Doc): Doc {
  const id = Symbol("assignment");
  return [group([target, " =", group(indent(line), { id }), lineSuffixBoundary, indentIfBreak(value, { groupId: id })]), ";"];
}

/**
 * `const name: type = init;` with prettier's assignment layouts (assignment.js chooseLayout):
 * "break-after-operator" for member expressions, short calls and string literals,
 * "never-break-after-operator" for literals, "fluid" otherwise.
 */
export function constStatement(
  name: string,
  init: Doc,
  layout: "break-after-operator" | "never-break-after-operator" | "fluid",
  typeAnnotation?: Doc,
  keyword = "const",
): Doc {
  const left = typeAnnotation === undefined ? name : [name, ": ", typeAnnotation];
  let assignment: Doc;
  switch (layout) {
    case "break-after-operator":
      assignment = group([group(left), " =", group(indent([line, init]))]);
      break;
    case "never-break-after-operator":
      assignment = group([group(left), " =", " ", init]);
      break;
    case "fluid": {
      const id = Symbol("assignment");
      assignment = group([group(left), " =", group(indent(line), { id }), lineSuffixBoundary, indentIfBreak(init, { groupId: id })]);
      break;
    }
  }
  return group([keyword, " ", assignment, ";"]);
}

/** `switch (discriminant) { case ...: ... }`; cases as [test or undefined for default, statements]. */
export function switchStatement(discriminant: Doc, cases: readonly [Doc | undefined, readonly Doc[]][]): Doc {
  const printed = cases.map(([test, body]) => [test === undefined ? "default:" : ["case ", test, ":"], body.length > 0 ? indent([hardline, join(hardline, [...body])]) : ""]);
  return [group(["switch (", indent([softline, discriminant]), softline, ")"]), " {", indent([hardline, join(hardline, printed)]), hardline, "}"];
}

/** `for (header) { body }` where the header must fit (for and for-of statements). */
export function forStatement(header: Doc, body: readonly Doc[]): Doc {
  return group(["for (", strict(header), ")", " ", block(body)]);
}

/**
 * Import or export specifiers `{ a, type B }` (module.js printModuleSpecifiers): a single
 * specifier never breaks, several break one per line.
 */
export function specifiers(names: readonly string[]): Doc {
  if (names.length === 1) return ["{ ", names[0]!, " }"];
  return group(["{", indent([line, join([",", line], [...names])]), ifBreak(","), line, "}"]);
}

export function importDeclaration(names: readonly string[], module: string, typeOnly: boolean): Doc {
  return ["import ", typeOnly ? "type " : "", specifiers(names), " from ", printString(JSON.stringify(module)), ";"];
}

export function exportFrom(names: readonly string[], module: string, typeOnly: boolean): Doc {
  return ["export ", typeOnly ? "type " : "", specifiers(names), " from ", printString(JSON.stringify(module)), ";"];
}

// ---- types ----------------------------------------------------------------------------------

/** A TypeScript type, as much structure as the layout needs. */
export type TypeNode =
  /** Keywords, type names, literal types: one unbreakable token. */
  | { kind: "token"; text: string }
  | { kind: "ref"; name: string; args: TypeNode[] }
  | { kind: "array"; element: TypeNode }
  | { kind: "union"; types: TypeNode[] }
  | { kind: "intersection"; types: TypeNode[] }
  | { kind: "paren"; type: TypeNode }
  | { kind: "object"; members: TypeMember[]; expanded: boolean };

export interface TypeMember {
  doc: string;
  /** A printed key (`name`, `"a-b"`) or an index signature `[key: string]`. */
  key: string;
  optional: boolean;
  type: TypeNode;
}

/** Where a type stands: unions indent differently in type aliases and in properties. */
export type TypeContext = "alias" | "annotation" | "argument" | "element" | "member";

function isObjectLike(t: TypeNode): boolean {
  return t.kind === "object" || (t.kind === "ref" && t.args.length === 0) || (t.kind === "token" && /^[A-Za-z_$][\w$]*$/.test(t.text) && !keywords.has(t.text));
}

const keywords = new Set(["string", "number", "boolean", "null", "undefined", "unknown", "never", "void", "any", "object", "bigint", "symbol"]);

/** A union that prettier "hugs": one object or reference type plus null/void. */
function huggableUnion(t: TypeNode & { kind: "union" }): boolean {
  const main = t.types.find((m) => isHugTarget(m));
  if (!main) return false;
  return t.types.every((m) => m === main || (m.kind === "token" && (m.text === "null" || m.text === "void")));
}

function isHugTarget(t: TypeNode): boolean {
  // prettier: TSTypeLiteral, TSTypeReference (with or without type arguments).
  return t.kind === "object" || t.kind === "ref" || (t.kind === "token" && /^[A-Za-z_$][\w$]*$/.test(t.text) && !keywords.has(t.text));
}

/** "Simple" type arguments print without a group (type-parameters.js shouldHugType). */
function simpleTypeArgument(t: TypeNode): boolean {
  if (t.kind === "token") return true;
  if (t.kind === "ref") return t.args.length === 0;
  if (t.kind === "object") return true;
  if (t.kind === "union") return huggableUnion(t);
  return false;
}

export function typeDoc(t: TypeNode, context: TypeContext): Doc {
  switch (t.kind) {
    case "token":
      return t.text;
    case "ref": {
      if (t.args.length === 0) return t.name;
      if (t.args.length === 1 && simpleTypeArgument(t.args[0]!)) return [t.name, "<", typeDoc(t.args[0]!, "argument"), ">"];
      return [t.name, group(["<", indent([softline, join([",", line], t.args.map((a) => typeDoc(a, "argument")))]), softline, ">"])];
    }
    case "array":
      return [typeDoc(t.element, "element"), "[]"];
    case "paren":
      return ["(", typeDoc(t.type, "element"), ")"];
    case "intersection": {
      // intersection.js: object types join with " & "; others may break before "&".
      const parts: Doc[] = [];
      t.types.forEach((member, i) => {
        const printed = typeDoc(member, "element");
        if (i === 0) parts.push(printed);
        else {
          const objectHere = member.kind === "object";
          const objectBefore = t.types[i - 1]!.kind === "object";
          if (objectHere && objectBefore) parts.push(" & ", printed);
          else if (!objectHere && !objectBefore) parts.push(indent([" &", line, printed]));
          else parts.push(" & ", i > 1 ? indent(printed) : printed);
        }
      });
      return strict(group(parts));
    }
    case "union": {
      if (huggableUnion(t)) return join(" | ", t.types.map((m) => typeDoc(m, "element")));
      const members = t.types.map((m, i) => [i === 0 ? ifBreak("| ") : [line, "| "], builders.align(2, typeDoc(m, "element"))]);
      const union = group(members);
      if (context === "argument") return union;
      if (context === "alias") return union;
      return group(indent([softline, union]));
    }
    case "object": {
      if (t.members.length === 0) return "{}";
      const parts: Doc[] = t.members.map((m, i) => [
        leadingComment(m.doc),
        group([m.key, m.optional ? "?" : "", ": ", typeDoc(m.type, "annotation")]),
        i < t.members.length - 1 ? [";", line] : ifBreak(";"),
      ]);
      return group(["{", indent([line, ...parts]), line, "}"], { shouldBreak: t.expanded });
    }
  }
}

/** Flat text of a type (the same text prettier prints flat; used to deduplicate members). */
export function typeText(t: TypeNode): string {
  switch (t.kind) {
    case "token":
      return t.text;
    case "ref":
      return t.args.length === 0 ? t.name : `${t.name}<${t.args.map(typeText).join(", ")}>`;
    case "array":
      return `${typeText(t.element)}[]`;
    case "paren":
      return `(${typeText(t.type)})`;
    case "union":
      return t.types.map(typeText).join(" | ");
    case "intersection":
      return t.types.map(typeText).join(" & ");
    case "object":
      return t.members.length === 0
        ? "{}"
        : `{ ${t.members.map((m) => `${m.doc}${m.key}${m.optional ? "?" : ""}: ${typeText(m.type)}`).join("; ")} }`;
  }
}

/** A property signature `key?: type;` of an interface, with its JSDoc. */
export function propertySignature(m: TypeMember, readonly = false): Doc {
  return [leadingComment(m.doc), group([readonly ? "readonly " : "", m.key, m.optional ? "?" : "", ": ", typeDoc(m.type, "annotation")]), ";"];
}

/** A method signature `name(params): type;` of an interface (TSMethodSignature). */
export function methodSignature(doc: string, name: string, params: readonly Doc[], returnType: TypeNode): Doc {
  return [leadingComment(doc), group([name, parameters(params), group([": ", typeDoc(returnType, "annotation")])]), ";"];
}

/** `export interface Name { members }` (object.js for interface bodies: always expanded). */
export function interfaceDeclaration(doc: string, name: string, members: readonly (TypeMember | Doc)[]): Doc {
  const printed = members.map((m) => (isMember(m) ? propertySignature(m) : m));
  const body = printed.length === 0 ? "{}" : ["{", indent([hardline, join(hardline, printed)]), hardline, "}"];
  return [leadingComment(doc), "export interface ", name, " ", body];
}

function isMember(m: TypeMember | Doc): m is TypeMember {
  return typeof m === "object" && m !== null && !Array.isArray(m) && "key" in m && "optional" in m;
}

/** `export type Name = type;` with prettier's assignment layouts for type aliases. */
export function typeAliasDeclaration(doc: string, name: string, type: TypeNode): Doc {
  const left = group(["export type ", name]);
  const right = typeDoc(type, "alias");
  let assignment: Doc;
  if (type.kind === "union" && !huggableUnion(type)) {
    assignment = group([left, " =", group(indent([line, right]))]);
  } else {
    const id = Symbol("assignment");
    assignment = group([left, " =", group(indent(line), { id }), lineSuffixBoundary, indentIfBreak(right, { groupId: id })]);
  }
  return [leadingComment(doc), assignment, ";"];
}

/** A program: header comment, imports, then declarations separated by blank lines. */
export function program(header: string, imports: readonly Doc[], blocks: readonly Doc[]): Doc {
  const parts: Doc[] = [header];
  for (const i of imports) parts.push(hardline, i);
  for (const b of blocks) parts.push(hardline, hardline, b);
  parts.push(hardline);
  return parts;
}

export { breakParent };
