// Vocabulary: is a regular expression safe to put in a schema's `pattern` (JSON Schema 2020-12
// Validation §6.3.3; OpenAPI 3.1 uses the ECMA-262 dialect)? Generated clients and every
// validator downstream run it on caller input, so a pattern that backtracks catastrophically is a
// denial of service waiting for a long string. Pure: pattern in, verdict out.
//
// A small, conservative structural check in the spirit of safe-regex (star height) plus the two
// other classic shapes; it may reject a harmless pattern, it must not accept a dangerous one:
//   - does not compile with the `u` flag, or is longer than MAX_LENGTH;
//   - a backreference (matching with one is NP-hard);
//   - a variable quantifier inside a repeating one (star height > 1: `(a+)+`, `(a{1,3})*`, `(a?)*`);
//   - alternatives that can start with the same character under a repeating quantifier (`(a|ab)*`,
//     `(\w|\d)+`), or an alternative that can match empty there;
//   - two unbounded quantifiers over overlapping characters with nothing between them that the
//     first cannot swallow (`\d+\d*`, `[a-z]*\w+`, `\S+@\S+`): quadratic;
//   - not anchored with `^` and starting with an unbounded quantifier (`\d+$`): each start offset
//     rescans the rest, quadratic.
// Character sets are approximated from above (`\p{…}` and anything unclear count as "any
// character"), which only makes the check stricter. Patterns carry no flags in JSON Schema, so
// letters are case-sensitive here too.

export type PatternCheck = { ok: true } | { ok: false; reason: string };

const MAX_LENGTH = 1_000;
const MAX_CODE_POINT = 0x10ffff;

type Range = readonly [number, number];
/** Code point ranges, sorted and disjoint. */
type CharSet = readonly Range[];

const ANY: CharSet = [[0, MAX_CODE_POINT]];
const DIGIT: CharSet = [[0x30, 0x39]];
const WORD: CharSet = [
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
];
const SPACE: CharSet = normalizeSet([
  [0x09, 0x0d],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
]);

type Node =
  | { type: "char"; set: CharSet }
  | { type: "seq"; items: Node[] }
  | { type: "alt"; alternatives: Node[] }
  | { type: "group"; body: Node; lookaround: boolean }
  | { type: "repeat"; body: Node; min: number; max: number }
  | { type: "assert"; start: boolean }
  | { type: "backref" };

export function checkPattern(pattern: string): PatternCheck {
  if (pattern.length > MAX_LENGTH) return { ok: false, reason: `longer than ${MAX_LENGTH} characters` };
  try {
    new RegExp(pattern, "u");
  } catch (error) {
    return {
      ok: false,
      reason: `does not compile with the u flag (${error instanceof Error ? error.message : String(error)})`,
    };
  }
  let tree: Node;
  try {
    tree = new Parser(pattern).parse();
  } catch (error) {
    // The pattern compiled, so this is a gap in the parser below: refuse rather than guess.
    return { ok: false, reason: `not understood (${error instanceof Error ? error.message : String(error)})` };
  }
  const problem = findProblem(tree, false);
  if (problem) return { ok: false, reason: problem };
  if (!anchoredAtStart(tree) && startsWithUnbounded(tree)) {
    return {
      ok: false,
      reason: "not anchored with ^ and starts with an unbounded quantifier (quadratic on a long non-matching input)",
    };
  }
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------
// Rules.

const isRepeating = (n: { min: number; max: number }): boolean => n.max > 1 && n.min !== n.max;
const isVariable = (n: { min: number; max: number }): boolean => n.min !== n.max;

function findProblem(node: Node, insideRepeat: boolean): string | undefined {
  switch (node.type) {
    case "char":
    case "assert":
      return undefined;
    case "backref":
      return "uses a backreference";
    case "group":
      return findProblem(node.body, insideRepeat);
    case "repeat": {
      if (insideRepeat && isVariable(node)) return "nested quantifiers (star height > 1)";
      const repeating = isRepeating(node);
      if (repeating) {
        const overlap = overlappingAlternation(node.body);
        if (overlap) return overlap;
      }
      return findProblem(node.body, insideRepeat || repeating);
    }
    case "alt":
      for (const a of node.alternatives) {
        const p = findProblem(a, insideRepeat);
        if (p) return p;
      }
      return undefined;
    case "seq": {
      for (const item of node.items) {
        const p = findProblem(item, insideRepeat);
        if (p) return p;
      }
      // Two unbounded quantifiers over shared characters, with only what the first can swallow
      // between them (`\d+\d*`, `\S+@\S+`): every split is tried, quadratic.
      for (let i = 0; i < node.items.length; i++) {
        const a = node.items[i]!;
        if (!(a.type === "repeat" && a.max === Infinity)) continue;
        const swallowed = charsOf(a.body);
        for (let j = i + 1; j < node.items.length; j++) {
          const b = node.items[j]!;
          if (b.type === "repeat" && b.max === Infinity && intersects(swallowed, charsOf(b.body))) {
            return "adjacent unbounded quantifiers over overlapping characters";
          }
          if (!nullable(b) && !isSubset(charsOf(b), swallowed)) break;
        }
      }
      return undefined;
    }
  }
}

/** Alternatives anywhere in a repeated body that can start alike (or be empty). */
function overlappingAlternation(body: Node): string | undefined {
  let found: string | undefined;
  visit(body, (n) => {
    if (found || n.type !== "alt") return;
    const firsts = n.alternatives.map((a) => (nullable(a) ? ANY : firstChars(a)));
    for (let i = 0; i < firsts.length && !found; i++) {
      for (let j = i + 1; j < firsts.length && !found; j++) {
        if (intersects(firsts[i]!, firsts[j]!)) found = "alternatives that can match the same text under a quantifier";
      }
    }
  });
  return found;
}

function visit(node: Node, f: (n: Node) => void): void {
  const stack = [node];
  for (let n = stack.pop(); n; n = stack.pop()) {
    f(n);
    if (n.type === "seq") stack.push(...n.items);
    else if (n.type === "alt") stack.push(...n.alternatives);
    else if (n.type === "group" || n.type === "repeat") stack.push(n.body);
  }
}

function nullable(node: Node): boolean {
  switch (node.type) {
    case "char":
      return false;
    case "assert":
    case "backref":
      return true;
    case "group":
      return node.lookaround || nullable(node.body);
    case "repeat":
      return node.min === 0 || nullable(node.body);
    case "alt":
      return node.alternatives.some(nullable);
    case "seq":
      return node.items.every(nullable);
  }
}

/** Characters a match of `node` can start with. */
function firstChars(node: Node): CharSet {
  switch (node.type) {
    case "char":
      return node.set;
    case "assert":
      return [];
    case "backref":
      return ANY;
    case "group":
      return node.lookaround ? [] : firstChars(node.body);
    case "repeat":
      return firstChars(node.body);
    case "alt":
      return union(node.alternatives.map(firstChars));
    case "seq": {
      const sets: CharSet[] = [];
      for (const item of node.items) {
        sets.push(firstChars(item));
        if (!nullable(item)) break;
      }
      return union(sets);
    }
  }
}

/** Characters a match of `node` can contain anywhere. */
function charsOf(node: Node): CharSet {
  const sets: CharSet[] = [];
  visit(node, (n) => {
    if (n.type === "char") sets.push(n.set);
    else if (n.type === "backref") sets.push(ANY);
  });
  return union(sets);
}

function anchoredAtStart(node: Node): boolean {
  switch (node.type) {
    case "assert":
      return node.start;
    case "group":
      return !node.lookaround && anchoredAtStart(node.body);
    case "alt":
      return node.alternatives.every(anchoredAtStart);
    case "seq":
      return node.items.length > 0 && anchoredAtStart(node.items[0]!);
    default:
      return false;
  }
}

function startsWithUnbounded(node: Node): boolean {
  switch (node.type) {
    case "repeat":
      return node.max === Infinity || startsWithUnbounded(node.body);
    case "group":
      return !node.lookaround && startsWithUnbounded(node.body);
    case "alt":
      return node.alternatives.some(startsWithUnbounded);
    case "seq":
      for (const item of node.items) {
        if (startsWithUnbounded(item)) return true;
        if (!nullable(item)) return false;
      }
      return false;
    default:
      return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Character sets.

function normalizeSet(ranges: readonly Range[]): CharSet {
  const sorted = [...ranges].filter(([a, b]) => a <= b).sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

function union(sets: readonly CharSet[]): CharSet {
  return normalizeSet(sets.flat());
}

function complement(set: CharSet): CharSet {
  const out: [number, number][] = [];
  let next = 0;
  for (const [a, b] of normalizeSet(set)) {
    if (a > next) out.push([next, a - 1]);
    next = b + 1;
  }
  if (next <= MAX_CODE_POINT) out.push([next, MAX_CODE_POINT]);
  return out;
}

function isSubset(a: CharSet, b: CharSet): boolean {
  return a.every(([a0, a1]) => b.some(([b0, b1]) => b0 <= a0 && a1 <= b1));
}

function intersects(a: CharSet, b: CharSet): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [a0, a1] = a[i]!;
    const [b0, b1] = b[j]!;
    if (a0 <= b1 && b0 <= a1) return true;
    if (a1 < b1) i++;
    else j++;
  }
  return false;
}

function single(cp: number): CharSet {
  return [[cp, cp]];
}

// ---------------------------------------------------------------------------------------------
// Parser for the `u`-mode syntax (the pattern is known to compile, so it can be lenient).

class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  parse(): Node {
    const node = this.alternation();
    if (this.i < this.s.length) throw new Error(`unexpected ${JSON.stringify(this.s[this.i])} at ${this.i}`);
    return node;
  }

  private alternation(): Node {
    const alternatives = [this.sequence()];
    while (this.s[this.i] === "|") {
      this.i++;
      alternatives.push(this.sequence());
    }
    return alternatives.length === 1 ? alternatives[0]! : { type: "alt", alternatives };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.i < this.s.length && this.s[this.i] !== "|" && this.s[this.i] !== ")") {
      const atom = this.atom();
      items.push(this.quantified(atom));
    }
    return { type: "seq", items };
  }

  private quantified(atom: Node): Node {
    const c = this.s[this.i];
    let min: number;
    let max: number;
    if (c === "*") [min, max] = [0, Infinity];
    else if (c === "+") [min, max] = [1, Infinity];
    else if (c === "?") [min, max] = [0, 1];
    else if (c === "{") {
      const m = /^\{(\d{1,9})(?:(,)(\d{0,9}))?\}/.exec(this.s.slice(this.i, this.i + 22));
      if (!m) return atom; // a literal `{` cannot follow under `u`; compile() already refused it
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === "" ? Infinity : Number(m[3]);
      this.i += m[0].length - 1;
    } else return atom;
    this.i++;
    if (this.s[this.i] === "?") this.i++; // lazy: backtracks just the same
    return { type: "repeat", body: atom, min, max };
  }

  private atom(): Node {
    const c = this.s[this.i]!;
    if (c === "(") return this.group();
    if (c === "[") return { type: "char", set: this.charClass() };
    if (c === "^" || c === "$") {
      this.i++;
      return { type: "assert", start: c === "^" };
    }
    if (c === ".") {
      this.i++;
      return { type: "char", set: ANY };
    }
    if (c === "\\") return this.escape();
    const cp = this.s.codePointAt(this.i)!;
    this.i += cp > 0xffff ? 2 : 1;
    return { type: "char", set: single(cp) };
  }

  private group(): Node {
    this.i++; // (
    let lookaround = false;
    if (this.s.startsWith("?:", this.i)) this.i += 2;
    else if (this.s.startsWith("?=", this.i) || this.s.startsWith("?!", this.i)) {
      this.i += 2;
      lookaround = true;
    } else if (this.s.startsWith("?<=", this.i) || this.s.startsWith("?<!", this.i)) {
      this.i += 3;
      lookaround = true;
    } else if (this.s.startsWith("?<", this.i)) {
      const close = this.s.indexOf(">", this.i);
      if (close < 0) throw new Error("unterminated group name");
      this.i = close + 1;
    } else if (this.s[this.i] === "?") throw new Error(`unknown group ${this.s.slice(this.i - 1, this.i + 3)}`);
    const body = this.alternation();
    if (this.s[this.i] !== ")") throw new Error("unterminated group");
    this.i++;
    return { type: "group", body, lookaround };
  }

  /** An escape outside a class. */
  private escape(): Node {
    const next = this.s[this.i + 1] ?? "";
    if (next === "b" || next === "B") {
      this.i += 2;
      return { type: "assert", start: false };
    }
    if (/[1-9]/.test(next) || next === "k") return this.backreference();
    return { type: "char", set: this.escapedSet() };
  }

  private backreference(): Node {
    if (this.s[this.i + 1] === "k") {
      const close = this.s.indexOf(">", this.i);
      this.i = close < 0 ? this.s.length : close + 1;
    } else {
      this.i += 1;
      while (/[0-9]/.test(this.s[this.i] ?? "")) this.i++;
    }
    return { type: "backref" };
  }

  /** The set of an escape at `i` (`\d`, `\u{…}`, `\.`…), inside or outside a class; moves past it. */
  private escapedSet(): CharSet {
    const next = this.s[this.i + 1] ?? "";
    this.i += 2;
    switch (next) {
      case "d":
        return DIGIT;
      case "D":
        return complement(DIGIT);
      case "w":
        return WORD;
      case "W":
        return complement(WORD);
      case "s":
        return SPACE;
      case "S":
        return complement(SPACE);
      case "p":
      case "P": {
        const close = this.s.indexOf("}", this.i);
        this.i = close < 0 ? this.s.length : close + 1;
        return ANY;
      }
      case "t":
        return single(9);
      case "n":
        return single(10);
      case "v":
        return single(11);
      case "f":
        return single(12);
      case "r":
        return single(13);
      case "0":
        return single(0);
      case "b":
        return single(8); // in a class, \b is a backspace
      case "c": {
        const letter = this.s.codePointAt(this.i) ?? 64;
        this.i++;
        return single(letter % 32);
      }
      case "x": {
        const hex = this.s.slice(this.i, this.i + 2);
        this.i += 2;
        return single(parseInt(hex, 16));
      }
      case "u": {
        if (this.s[this.i] === "{") {
          const close = this.s.indexOf("}", this.i);
          const cp = parseInt(this.s.slice(this.i + 1, close), 16);
          this.i = close + 1;
          return single(cp);
        }
        const cp = parseInt(this.s.slice(this.i, this.i + 4), 16);
        this.i += 4;
        // A surrogate pair written as two escapes is one code point.
        if (cp >= 0xd800 && cp <= 0xdbff && this.s.startsWith("\\u", this.i)) {
          const low = parseInt(this.s.slice(this.i + 2, this.i + 6), 16);
          if (low >= 0xdc00 && low <= 0xdfff) {
            this.i += 6;
            return single((cp - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000);
          }
        }
        return single(cp);
      }
      default: {
        // An escaped syntax character (`\.`, `\-`, `\/`…) or a character written as itself.
        const cp = this.s.codePointAt(this.i - 1) ?? 0;
        if (cp > 0xffff) this.i++;
        return single(cp);
      }
    }
  }

  private charClass(): CharSet {
    this.i++; // [
    const negated = this.s[this.i] === "^";
    if (negated) this.i++;
    const ranges: Range[] = [];
    while (this.i < this.s.length && this.s[this.i] !== "]") {
      const from = this.classAtom();
      if (this.s[this.i] === "-" && this.s[this.i + 1] !== "]" && this.i + 1 < this.s.length) {
        this.i++;
        const to = this.classAtom();
        // Under `u` a range's ends are single characters (compile() checked).
        const lo = from[0]?.[0] ?? 0;
        const hi = to[to.length - 1]?.[1] ?? lo;
        ranges.push([Math.min(lo, hi), Math.max(lo, hi)]);
        continue;
      }
      ranges.push(...from);
    }
    if (this.s[this.i] !== "]") throw new Error("unterminated class");
    this.i++;
    const set = normalizeSet(ranges);
    return negated ? complement(set) : set;
  }

  private classAtom(): CharSet {
    if (this.s[this.i] === "\\") return this.escapedSet();
    const cp = this.s.codePointAt(this.i)!;
    this.i += cp > 0xffff ? 2 : 1;
    return [[cp, cp]];
  }
}
