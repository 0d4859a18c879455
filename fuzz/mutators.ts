// fast-check arbitraries that break a real documentation page the ways pages do break in the
// wild (and a few ways they should not): truncated downloads, lost or doubled tags and rows,
// swapped columns, unclosed tags, tables nested in cells, empty and huge cells, stray Unicode
// (lone surrogates, BOM, NUL), other line ends, binary junk, an empty file.
//
// A mutation is plain data (positions are fractions in millionths of the page, so a mutation fits
// any page and shrinks towards its start); `applyMutations` turns it into text and
// `describeMutations` into one readable line for a failure report. Every function here is linear
// in the page length.

import fc from "fast-check";

/** Positions: millionths of the page (or of the list of tags, lines, rows... picked from). */
const FRACTION = 1_000_000;

const position = fc.nat({ max: FRACTION });

export type ElementTag =
  | "table"
  | "thead"
  | "tbody"
  | "tr"
  | "td"
  | "th"
  | "caption"
  | "ul"
  | "ol"
  | "li"
  | "p"
  | "pre"
  | "h1"
  | "h4"
  | "a"
  | "strong"
  | "code"
  | "div";

export type Mutation =
  | { kind: "empty" }
  | { kind: "truncate"; at: number }
  | { kind: "bom"; count: number }
  | { kind: "line-ends"; style: "crlf" | "cr" | "lf" | "mixed" }
  | { kind: "insert"; label: string; at: number; text: string }
  | { kind: "binary-junk"; at: number; bytes: number[]; replaceAll: boolean }
  | { kind: "huge-cell"; at: number; unit: string; length: number }
  | { kind: "drop-tag"; tag: ElementTag; closing: boolean; index: number }
  | { kind: "drop-element"; tag: ElementTag; index: number }
  | { kind: "duplicate-element"; tag: ElementTag; index: number; times: number }
  | { kind: "open-tag"; tag: ElementTag; at: number; depth: number }
  | { kind: "nest-table"; cell: number; depth: number; copyReal: boolean }
  | { kind: "empty-cells"; index: number; count: number }
  | { kind: "swap-columns"; a: number; b: number }
  | { kind: "drop-lines"; index: number; count: number }
  | { kind: "duplicate-lines"; index: number; count: number; times: number }
  | { kind: "swap-lines"; a: number; b: number }
  | { kind: "deep-json"; depth: number; objects: boolean };

export type MutationKind = Mutation["kind"];

export const MUTATION_KINDS: readonly MutationKind[] = [
  "empty",
  "truncate",
  "bom",
  "line-ends",
  "insert",
  "binary-junk",
  "huge-cell",
  "drop-tag",
  "drop-element",
  "duplicate-element",
  "open-tag",
  "nest-table",
  "empty-cells",
  "swap-columns",
  "drop-lines",
  "duplicate-lines",
  "swap-lines",
  "deep-json",
];

// ---------------------------------------------------------------------------------------------
// Arbitraries.

const TAGS: readonly ElementTag[] = [
  "table",
  "thead",
  "tbody",
  "tr",
  "td",
  "th",
  "caption",
  "ul",
  "ol",
  "li",
  "p",
  "pre",
  "h1",
  "h4",
  "a",
  "strong",
  "code",
  "div",
];
const ROW_TAGS: readonly ElementTag[] = ["tr", "td", "th", "table", "li", "p", "tbody", "thead"];

/** Short texts that are hard on readers and the prose vocabulary. */
const NASTY_SNIPPETS: readonly [string, string][] = [
  ["lone high surrogate", "\uD800"],
  ["lone low surrogate", "\uDC00"],
  ["reversed surrogate pair", "\uDC00\uD800"],
  ["BOM", "\uFEFF"],
  ["NUL", "\u0000"],
  ["NULs", "\u0000\u0000\u0000\u0000"],
  ["replacement char", "\uFFFD"],
  ["noncharacter", "\uFFFF\uFFFE"],
  ["line separator", "\u2028\u2029"],
  ["RTL override", "\u202E\u200F"],
  ["zero-width", "\u200B\u200C\u200D\u2060"],
  ["combining marks", "a\u0301\u0302\u0303\u0304\u0305\u0306"],
  ["astral", "\u{1F600}\u{10FFFF}"],
  ["ideographic space", "\u3000\u3000"],
  ["no-break space", "\u00A0\u00A0"],
  ["CR", "\r"],
  ["lone CR in row", "|\r|"],
  ["entity surrogate", "&#xD800;&#55296;&#0;&#1114112;&#x110000;"],
  ["entity junk", "&amp&lt;&;&#;&#x;&nbsp"],
  ["cdata", "<![CDATA[ x ]]>"],
  ["comment", "<!-- <table> -->"],
  ["unterminated comment", "<!--"],
  ["script", "<script>if (a < b) {}</script>"],
  ["pipe junk", "| | |\n---|---|\n|"],
  ["separator", "---|---|---|"],
  ["heading marks", "\n# \n## \n###### x\n"],
  ["fence", "\n```\n"],
  ["json opener", "\n{\n[\n"],
  ["caption", "\nTable 1 x\n**表 1** y\n"],
  ["header words", "\nParameter\nMandatory\nType\nDescription\n"],
  ["request line", "\nPOST /v3/{project_id}/x?y={z}\n"],
  ["request line junk", "\nGET https://\uD800/{\n"],
  ["status line", "\nStatus code: 200\n"],
  ["value marker", "Value:\n- A\n- "],
  ["regex marker", "Regular expression: ^(a+)+$"],
  ["regex marker zh", "正则表达式：^([a-z]*)*$"],
  ["anchor", '<a name="x"></a><a href="#x">'],
  ["link", "[a](#b) ![c](d)"],
];

/** Units repeated to make a huge cell: long runs the prose regexes might backtrack on. */
export const HUGE_UNITS: readonly string[] = [
  "a",
  "-",
  "1",
  " ",
  "<",
  "(",
  "&",
  "*",
  "_",
  "`",
  "[",
  "|",
  "\\",
  "1,",
  "1~",
  "1 to ",
  "a.",
  "\n",
  "\n- a",
  "取值范围：",
  "取值范围：1~",
  "Minimum: ",
  "Minimum: 1 ",
  "Maximum length: ",
  "only letters, ",
  "cannot contain (",
  "start with a, ",
  "default value is a ",
  "Value: ",
  "默认值为",
  "长度为4~",
  "以a",
  "“a”、",
  "<td>",
  "<a ",
  "&#",
  "Regular expression: ",
  "^(a+)+$ ",
];

const hugeUnit = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...HUGE_UNITS) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 4 }) },
);

const insertText: fc.Arbitrary<{ label: string; text: string }> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_SNIPPETS).map(([label, text]) => ({ label, text })) },
  {
    weight: 2,
    arbitrary: fc.string({ unit: "binary", maxLength: 40 }).map((text) => ({ label: "random unicode", text })),
  },
  {
    weight: 1,
    arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }).map((text) => ({ label: "random graphemes", text })),
  },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.constantFrom(...NASTY_SNIPPETS.map(([, t]) => t)), { minLength: 2, maxLength: 8 })
      .map((parts) => ({ label: "snippet mix", text: parts.join("") })),
  },
);

export const mutationArbitraries: Record<MutationKind, fc.Arbitrary<Mutation>> = {
  empty: fc.constant({ kind: "empty" }),
  truncate: position.map((at) => ({ kind: "truncate", at })),
  bom: fc.integer({ min: 1, max: 3 }).map((count) => ({ kind: "bom", count })),
  "line-ends": fc.constantFrom("crlf", "cr", "lf", "mixed").map((style) => ({ kind: "line-ends", style }) as Mutation),
  insert: fc
    .record({ at: position, t: insertText })
    .map(({ at, t }) => ({ kind: "insert", label: t.label, at, text: t.text })),
  "binary-junk": fc
    .record({
      at: position,
      bytes: fc.array(fc.nat({ max: 255 }), { minLength: 1, maxLength: 512 }),
      replaceAll: fc.boolean(),
    })
    .map(({ at, bytes, replaceAll }) => ({ kind: "binary-junk", at, bytes, replaceAll })),
  "huge-cell": fc
    .record({ at: position, unit: hugeUnit, length: fc.constantFrom(1_000, 10_000, 100_000) })
    .map(({ at, unit, length }) => ({ kind: "huge-cell", at, unit, length })),
  "drop-tag": fc
    .record({ tag: fc.constantFrom(...TAGS), closing: fc.boolean(), index: position })
    .map((r) => ({ kind: "drop-tag", ...r })),
  "drop-element": fc
    .record({ tag: fc.constantFrom(...ROW_TAGS), index: position })
    .map((r) => ({ kind: "drop-element", ...r })),
  "duplicate-element": fc
    .record({ tag: fc.constantFrom(...ROW_TAGS), index: position, times: fc.integer({ min: 1, max: 5 }) })
    .map((r) => ({ kind: "duplicate-element", ...r })),
  "open-tag": fc
    .record({
      tag: fc.constantFrom(...TAGS),
      at: position,
      depth: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.constantFrom(100, 1_000, 3_000)),
    })
    .map((r) => ({ kind: "open-tag", ...r })),
  "nest-table": fc
    .record({
      cell: position,
      depth: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.constantFrom(50, 500)),
      copyReal: fc.boolean(),
    })
    .map((r) => ({ kind: "nest-table", ...r })),
  "empty-cells": fc
    .record({ index: position, count: fc.integer({ min: 1, max: 50 }) })
    .map((r) => ({ kind: "empty-cells", ...r })),
  "swap-columns": fc
    .record({ a: fc.nat({ max: 5 }), b: fc.nat({ max: 5 }) })
    .map((r) => ({ kind: "swap-columns", ...r })),
  "drop-lines": fc
    .record({ index: position, count: fc.integer({ min: 1, max: 20 }) })
    .map((r) => ({ kind: "drop-lines", ...r })),
  "duplicate-lines": fc
    .record({ index: position, count: fc.integer({ min: 1, max: 20 }), times: fc.integer({ min: 1, max: 4 }) })
    .map((r) => ({ kind: "duplicate-lines", ...r })),
  "swap-lines": fc.record({ a: position, b: position }).map((r) => ({ kind: "swap-lines", ...r })),
  "deep-json": fc
    .record({ depth: fc.constantFrom(10, 100, 1_000, 20_000), objects: fc.boolean() })
    .map((r) => ({ kind: "deep-json", ...r })),
};

/** Relative weights: structure-aware mutations are the interesting ones; `empty` needs few runs. */
const WEIGHTS: Record<MutationKind, number> = {
  empty: 1,
  truncate: 6,
  bom: 2,
  "line-ends": 4,
  insert: 8,
  "binary-junk": 3,
  "huge-cell": 3,
  "drop-tag": 6,
  "drop-element": 6,
  "duplicate-element": 5,
  "open-tag": 4,
  "nest-table": 4,
  "empty-cells": 4,
  "swap-columns": 5,
  "drop-lines": 5,
  "duplicate-lines": 4,
  "swap-lines": 4,
  "deep-json": 2,
};

/** One mutation of any kind (or of the given kinds), weighted. */
export function mutationArbitrary(kinds: readonly MutationKind[] = MUTATION_KINDS): fc.Arbitrary<Mutation> {
  return fc.oneof(...kinds.map((kind) => ({ weight: WEIGHTS[kind], arbitrary: mutationArbitraries[kind] })));
}

/** One to `max` mutations, applied in order. */
export function mutationsArbitrary(kinds: readonly MutationKind[] = MUTATION_KINDS, max = 4): fc.Arbitrary<Mutation[]> {
  return fc.array(mutationArbitrary(kinds), { minLength: 1, maxLength: max });
}

// ---------------------------------------------------------------------------------------------
// Applying mutations.

const at = (fraction: number, length: number): number =>
  Math.min(length, Math.floor((fraction / FRACTION) * (length + 1)));
const pick = <T>(items: readonly T[], fraction: number): T | undefined =>
  items[Math.min(items.length - 1, Math.floor((fraction / FRACTION) * items.length))];

interface TagSpan {
  start: number;
  end: number;
  name: string;
  closing: boolean;
}

// Bounded attribute span: linear even on `<td` followed by a megabyte without `>`.
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9]{0,9})(?=[\s>/])[^<>]{0,2000}>/g;

function tagSpans(page: string): TagSpan[] {
  const spans: TagSpan[] = [];
  for (const m of page.matchAll(TAG)) {
    const start = m.index ?? 0;
    spans.push({ start, end: start + m[0].length, name: (m[2] ?? "").toLowerCase(), closing: m[1] === "/" });
  }
  return spans;
}

/** The element opened by the `index`-th `<tag>`: from its start to the end of the next matching `</tag>` (nesting-aware). */
function elementSpan(
  spans: readonly TagSpan[],
  tag: string,
  index: number,
): { start: number; end: number } | undefined {
  const opens = spans.map((s, i) => [s, i] as const).filter(([s]) => s.name === tag && !s.closing);
  const chosen = pick(opens, index);
  if (!chosen) return undefined;
  const [open, i] = chosen;
  let depth = 0;
  for (let k = i; k < spans.length; k++) {
    const s = spans[k]!;
    if (s.name !== tag) continue;
    depth += s.closing ? -1 : 1;
    if (depth === 0) return { start: open.start, end: s.end };
  }
  return { start: open.start, end: spans[spans.length - 1]!.end };
}

interface Line {
  text: string;
  /** The terminator as written ("\n", "\r\n", "\r" or "" at the end). */
  eol: string;
}

function splitKeepingEnds(page: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i < page.length; i++) {
    const c = page.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    const crlf = c === 13 && page.charCodeAt(i + 1) === 10;
    lines.push({ text: page.slice(start, i), eol: crlf ? "\r\n" : c === 13 ? "\r" : "\n" });
    if (crlf) i++;
    start = i + 1;
  }
  lines.push({ text: page.slice(start), eol: "" });
  return lines;
}

const joinLines = (lines: readonly Line[]): string => lines.map((l) => l.text + l.eol).join("");

function swapCells(cells: string[], a: number, b: number): string[] {
  if (a >= cells.length || b >= cells.length || a === b) return cells;
  const out = [...cells];
  [out[a], out[b]] = [out[b]!, out[a]!];
  return out;
}

/** HTML rows: swap the a-th and b-th cell of every `<tr>`; Markdown pipe rows: the same with `|` cells. */
function swapColumns(page: string, a: number, b: number): string {
  // One pass over the tags: a cell runs from its `<td>`/`<th>` to its closing tag, or to the next
  // cell or row tag when it is not closed.
  const spans = tagSpans(page);
  const rows: { start: number; end: number }[][] = [];
  let row: { start: number; end: number }[] | undefined;
  let open: { start: number; end: number } | undefined;
  const endCell = (at: number): void => {
    if (open && row) row.push({ start: open.start, end: at });
    open = undefined;
  };
  for (const s of spans) {
    if (s.name === "tr" || s.name === "table") {
      endCell(s.start);
      if (row && row.length >= 2) rows.push(row);
      row = s.name === "tr" && !s.closing ? [] : undefined;
    } else if (s.name === "td" || s.name === "th") {
      if (s.closing) endCell(s.end);
      else {
        endCell(s.start);
        open = { start: s.start, end: s.end };
      }
    }
  }
  endCell(page.length);
  if (row && row.length >= 2) rows.push(row);
  let out = "";
  let last = 0;
  for (const cells of rows) {
    const texts = cells.map((c) => page.slice(c.start, c.end));
    const swapped = swapCells(texts, a % cells.length, b % cells.length);
    cells.forEach((c, k) => {
      out += page.slice(last, c.start) + swapped[k]!;
      last = c.end;
    });
  }
  out += page.slice(last);
  const lines = splitKeepingEnds(out).map((l) => {
    if (l.text.indexOf("|") === l.text.lastIndexOf("|")) return l;
    const cells = l.text.split("|");
    return { ...l, text: swapCells(cells, a % cells.length, b % cells.length).join("|") };
  });
  return joinLines(lines);
}

/** Where a huge cell goes: inside the chosen `<td>`, else before the `|` of a pipe line, else into a line. */
function cellInsertionPoint(page: string, fraction: number): number {
  const tds = tagSpans(page).filter((s) => (s.name === "td" || s.name === "th") && !s.closing);
  const td = pick(tds, fraction);
  if (td) return td.end;
  const lines = splitKeepingEnds(page);
  const pipeLines: number[] = [];
  let offset = 0;
  const offsets: number[] = [];
  lines.forEach((l, i) => {
    offsets.push(offset);
    if (l.text.trimEnd().endsWith("|")) pipeLines.push(i);
    offset += l.text.length + l.eol.length;
  });
  const pipeLine = pick(pipeLines, fraction);
  if (pipeLine !== undefined) return offsets[pipeLine]! + lines[pipeLine]!.text.lastIndexOf("|");
  const line =
    pick(
      lines.map((_, i) => i),
      fraction,
    ) ?? 0;
  return offsets[line]! + lines[line]!.text.length;
}

function latin1(bytes: readonly number[]): string {
  // Bytes read as if they were text: control characters, NULs, 0x80-0xFF.
  return String.fromCharCode(...bytes);
}

function utf8Junk(bytes: readonly number[]): string {
  // The same bytes decoded as UTF-8, as `readFile(..., "utf8")` does for a binary file.
  return Buffer.from(bytes).toString("utf8");
}

export function applyMutation(page: string, m: Mutation): string {
  switch (m.kind) {
    case "empty":
      return "";
    case "truncate":
      return page.slice(0, at(m.at, page.length));
    case "bom":
      return "\uFEFF".repeat(m.count) + page;
    case "line-ends": {
      const lines = splitKeepingEnds(page);
      return lines
        .map((l, i) => {
          if (l.eol === "") return l.text;
          const eol =
            m.style === "crlf"
              ? "\r\n"
              : m.style === "cr"
                ? "\r"
                : m.style === "lf"
                  ? "\n"
                  : ["\r\n", "\r", "\n"][i % 3]!;
          return l.text + eol;
        })
        .join("");
    }
    case "insert": {
      const i = at(m.at, page.length);
      return page.slice(0, i) + m.text + page.slice(i);
    }
    case "binary-junk": {
      const junk = m.bytes.length % 2 === 0 ? latin1(m.bytes) : utf8Junk(m.bytes);
      if (m.replaceAll) return junk;
      const i = at(m.at, page.length);
      return page.slice(0, i) + junk + page.slice(i);
    }
    case "huge-cell": {
      const i = cellInsertionPoint(page, m.at);
      const cell = m.unit.repeat(Math.ceil(m.length / m.unit.length)).slice(0, m.length);
      return page.slice(0, i) + cell + page.slice(i);
    }
    case "drop-tag": {
      const spans = tagSpans(page).filter((s) => s.name === m.tag && s.closing === m.closing);
      const s = pick(spans, m.index);
      return s ? page.slice(0, s.start) + page.slice(s.end) : page;
    }
    case "drop-element": {
      const span = elementSpan(tagSpans(page), m.tag, m.index);
      return span ? page.slice(0, span.start) + page.slice(span.end) : page;
    }
    case "duplicate-element": {
      const span = elementSpan(tagSpans(page), m.tag, m.index);
      if (!span) return page;
      const element = page.slice(span.start, span.end);
      return page.slice(0, span.end) + element.repeat(m.times) + page.slice(span.end);
    }
    case "open-tag": {
      const i = at(m.at, page.length);
      return page.slice(0, i) + `<${m.tag}>`.repeat(m.depth) + page.slice(i);
    }
    case "nest-table": {
      const spans = tagSpans(page);
      const td = pick(
        spans.filter((s) => s.name === "td" && !s.closing),
        m.cell,
      );
      const i = td ? td.end : at(m.cell, page.length);
      const real = m.copyReal ? elementSpan(spans, "table", 0) : undefined;
      const inner = real
        ? page.slice(real.start, real.end)
        : "<table><tr><th>Parameter</th><th>Type</th></tr><tr><td>x</td><td>String</td></tr></table>";
      const nested = "<table><tr><td>".repeat(m.depth - 1) + inner + "</td></tr></table>".repeat(m.depth - 1);
      return page.slice(0, i) + nested + page.slice(i);
    }
    case "empty-cells": {
      const spans = tagSpans(page);
      const opens = spans
        .map((s, k) => [s, k] as const)
        .filter(([s]) => (s.name === "td" || s.name === "th") && !s.closing);
      const first = Math.min(opens.length, Math.floor((m.index / FRACTION) * opens.length));
      const chosen = opens.slice(first, first + m.count);
      if (chosen.length === 0) {
        // No HTML cells: empty the text before the `|` of pipe lines instead.
        const lines = splitKeepingEnds(page);
        const start = Math.floor((m.index / FRACTION) * lines.length);
        return joinLines(
          lines.map((l, k) =>
            k >= start && k < start + m.count && l.text.includes("|")
              ? { ...l, text: l.text.replace(/[^|]{1,10000}\|/g, " |") }
              : l,
          ),
        );
      }
      let out = "";
      let last = 0;
      for (const [open, k] of chosen) {
        if (open.start < last) continue;
        const close = spans.slice(k + 1).find((x) => (x.name === "td" || x.name === "th") && x.closing);
        if (!close) continue;
        out += page.slice(last, open.end);
        last = close.start;
      }
      return out + page.slice(last);
    }
    case "swap-columns":
      return swapColumns(page, m.a, m.b);
    case "drop-lines": {
      const lines = splitKeepingEnds(page);
      const start = Math.floor((m.index / FRACTION) * lines.length);
      return joinLines([...lines.slice(0, start), ...lines.slice(start + m.count)]);
    }
    case "duplicate-lines": {
      const lines = splitKeepingEnds(page);
      const start = Math.floor((m.index / FRACTION) * lines.length);
      const chunk = lines.slice(start, start + m.count).map((l) => (l.eol === "" ? { ...l, eol: "\n" } : l));
      const copies = Array.from({ length: m.times }, () => chunk).flat();
      return joinLines([...lines.slice(0, start + m.count), ...copies, ...lines.slice(start + m.count)]);
    }
    case "deep-json": {
      // A member nested `depth` levels deep inside the page's first JSON example.
      const value = m.objects
        ? `${'{"a":'.repeat(m.depth)}1${"}".repeat(m.depth)}`
        : `${"[".repeat(m.depth)}${"]".repeat(m.depth)}`;
      const i = firstJsonObject(page);
      return i === undefined
        ? `${page}\n{"deep": ${value}}\n`
        : `${page.slice(0, i)} "deep": ${value},${page.slice(i)}`;
    }
    case "swap-lines": {
      const lines = splitKeepingEnds(page);
      const a = Math.min(lines.length - 1, Math.floor((m.a / FRACTION) * lines.length));
      const b = Math.min(lines.length - 1, Math.floor((m.b / FRACTION) * lines.length));
      const out = [...lines];
      [out[a], out[b]] = [
        { ...out[b]!, eol: out[a]!.eol },
        { ...out[a]!, eol: out[b]!.eol },
      ];
      return joinLines(out);
    }
  }
}

/** The offset just after the first `{` that opens a line (a JSON example), if any. */
function firstJsonObject(page: string): number | undefined {
  const m = /(?:^|[\r\n])[ \t]{0,40}\{/.exec(page);
  return m ? (m.index ?? 0) + m[0].length : undefined;
}

export function applyMutations(page: string, mutations: readonly Mutation[]): string {
  return mutations.reduce(applyMutation, page);
}

// ---------------------------------------------------------------------------------------------
// Descriptions (for failure reports: what was done, never the page itself).

const pct = (fraction: number): string => `${((fraction / FRACTION) * 100).toFixed(1)}%`;
const shown = (text: string): string => {
  const json = JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
  return `${json}${text.length > 40 ? ` (${text.length} chars)` : ""}`;
};

export function describeMutation(m: Mutation): string {
  switch (m.kind) {
    case "empty":
      return "empty file";
    case "truncate":
      return `truncate at ${pct(m.at)}`;
    case "bom":
      return `${m.count} BOM(s) in front`;
    case "line-ends":
      return `line ends -> ${m.style}`;
    case "insert":
      return `insert ${m.label} ${shown(m.text)} at ${pct(m.at)}`;
    case "binary-junk":
      return `${m.replaceAll ? "replace the page by" : `insert at ${pct(m.at)}`} ${m.bytes.length} junk bytes (${m.bytes.length % 2 === 0 ? "as latin-1" : "as UTF-8"})`;
    case "huge-cell":
      return `huge cell: ${shown(m.unit)} x ${m.length} chars at cell ${pct(m.at)}`;
    case "drop-tag":
      return `drop ${m.closing ? "closing" : "opening"} <${m.tag}> #${pct(m.index)}`;
    case "drop-element":
      return `drop element <${m.tag}> #${pct(m.index)}`;
    case "duplicate-element":
      return `duplicate element <${m.tag}> #${pct(m.index)} x${m.times}`;
    case "open-tag":
      return `insert ${m.depth} unclosed <${m.tag}> at ${pct(m.at)}`;
    case "nest-table":
      return `nest ${m.copyReal ? "a copy of the first table" : "a small table"} ${m.depth} deep in <td> #${pct(m.cell)}`;
    case "empty-cells":
      return `empty ${m.count} cell(s) from #${pct(m.index)}`;
    case "swap-columns":
      return `swap columns ${m.a} and ${m.b}`;
    case "drop-lines":
      return `drop ${m.count} line(s) at ${pct(m.index)}`;
    case "duplicate-lines":
      return `duplicate ${m.count} line(s) at ${pct(m.index)} x${m.times}`;
    case "swap-lines":
      return `swap lines at ${pct(m.a)} and ${pct(m.b)}`;
    case "deep-json":
      return `JSON ${m.objects ? "objects" : "arrays"} ${m.depth} deep in the first example`;
  }
}

export function describeMutations(mutations: readonly Mutation[]): string {
  return mutations.map(describeMutation).join("; ");
}
