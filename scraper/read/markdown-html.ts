// Markdown with embedded HTML tables (Huawei Cloud's Markdown exports):
//   # title<a name="..."></a>          headings carry anchors
//   -   item                            bullets; indented content under them is flattened
//       **表 1**  参数说明              a table caption paragraph...
//       <a name="table58427690"></a>    ...an anchor...
//       <table>...</table>              ...and the HTML table itself
//       ```                             fenced code, possibly indented under a bullet
//   \{project\_id\}                     backslash escapes (undone in text, not in code)
//   >![](icon.gif) **说明：**           notes as block quotes

import type { Block, Link, PageModel, Table } from "../page-model.ts";
import { HtmlBlockReader, parseHtml, prepareHtmlLines } from "./html.ts";
import { splitLines, type SourceLine } from "./lines.ts";
import { normalizeCode, normalizeText } from "./text.ts";
import { readToPage } from "./page.ts";

type ListBlock = Extract<Block, { kind: "list" }>;

// ---------------------------------------------------------------------------------------------
// Inline Markdown -> plain text and links. One linear pass; searches for closing delimiters go
// through NextIndex so the whole pass stays linear even on pathological input.

class NextIndex {
  private pos = -2;
  constructor(
    private readonly s: string,
    private readonly needle: string,
  ) {}
  /** Index of the next `needle` at or after `from`, or -1. */
  from(from: number): number {
    if (this.pos === -1) return -1;
    if (this.pos >= from) return this.pos;
    this.pos = this.s.indexOf(this.needle, from);
    return this.pos;
  }
}

const ASCII_PUNCT = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z0-9]/.test(c);
}
function isSpace(c: string | undefined): boolean {
  return c === undefined || /\s/.test(c);
}

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
  copy: "©",
  reg: "®",
  trade: "™",
  hellip: "…",
  mdash: "—",
  ndash: "–",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
  times: "×",
};

function decodeEntity(name: string): string | undefined {
  if (name.startsWith("#")) {
    const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff) return undefined;
    return String.fromCodePoint(code);
  }
  return ENTITIES[name.toLowerCase()];
}

export interface InlineMarkdown {
  text: string;
  links: Link[];
}

/**
 * Markdown inline text to plain text: emphasis markers, code backticks, HTML tags and images
 * removed, links kept as their text (and collected), backslash escapes and entities undone.
 * `collapse: false` keeps inner whitespace as written (captions); the result is always trimmed.
 */
export function inlineMarkdown(s: string, collapse = true, depth = 0): InlineMarkdown {
  const links: Link[] = [];
  let out = "";
  const n = s.length;
  const closeBracket = new NextIndex(s, "]");
  const closeParen = new NextIndex(s, ")");
  const closeAngle = new NextIndex(s, ">");
  const backtickRuns = new Map<number, NextIndex>();

  /** `[text](href "title")` starting at `i` (the `[`); returns the index after it. */
  const parseLink = (i: number): { text: string; href: string; end: number } | undefined => {
    const j = closeBracket.from(i + 1);
    if (j < 0 || s[j + 1] !== "(") return undefined;
    const k = closeParen.from(j + 2);
    if (k < 0) return undefined;
    let href = s.slice(j + 2, k).trim();
    const title = href.search(/\s/);
    if (title >= 0) href = href.slice(0, title);
    if (href.startsWith("<") && href.endsWith(">")) href = href.slice(1, -1);
    return { text: s.slice(i + 1, j), href, end: k + 1 };
  };

  let i = 0;
  while (i < n) {
    const c = s[i]!;
    if (c === "\\") {
      const next = s[i + 1];
      if (next !== undefined && ASCII_PUNCT.includes(next)) {
        out += next;
        i += 2;
        continue;
      }
      out += c;
      i++;
      continue;
    }
    if (c === "`") {
      let k = i;
      while (k < n && s[k] === "`") k++;
      const len = k - i;
      let finder = backtickRuns.get(len);
      if (!finder) backtickRuns.set(len, (finder = new NextIndex(s, "`".repeat(len))));
      const close = finder.from(k);
      if (close >= 0 && s[close + len] !== "`") {
        out += s.slice(k, close);
        i = close + len;
      } else {
        out += s.slice(i, k);
        i = k;
      }
      continue;
    }
    if (c === "!" && s[i + 1] === "[") {
      const link = parseLink(i + 1);
      if (link) {
        i = link.end; // images carry no text worth keeping
        continue;
      }
      out += c;
      i++;
      continue;
    }
    if (c === "[") {
      const link = parseLink(i);
      if (link && depth < 8) {
        const inner = inlineMarkdown(link.text, true, depth + 1);
        out += inner.text;
        links.push({ text: inner.text, href: link.href }, ...inner.links);
        i = link.end;
        continue;
      }
      out += c;
      i++;
      continue;
    }
    if (c === "<") {
      const next = s[i + 1] ?? "";
      if (/[A-Za-z/!]/.test(next)) {
        const close = closeAngle.from(i + 1);
        const tag = close >= 0 && close - i < 2000 ? s.slice(i, close + 1) : "";
        if (tag !== "" && !tag.includes("\n")) {
          const auto = /^<(https?:\/\/[^\s>]+)>$/.exec(tag);
          if (auto) {
            out += auto[1];
            links.push({ text: auto[1]!, href: auto[1]! });
          } else if (/^<br\s*\/?>$/i.test(tag)) {
            out += "\n";
          }
          i = close + 1;
          continue;
        }
      }
      out += c;
      i++;
      continue;
    }
    if (c === "&") {
      const m = /^&(#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z]{2,8});/.exec(s.slice(i, i + 12));
      const decoded = m ? decodeEntity(m[1]!) : undefined;
      if (m && decoded !== undefined) {
        out += decoded;
        i += m[0].length;
        continue;
      }
      out += c;
      i++;
      continue;
    }
    if (c === "*" || c === "_") {
      let k = i;
      while (k < n && s[k] === c) k++;
      const prev = s[i - 1];
      const next = s[k];
      const flanking = !isSpace(next) || !isSpace(prev);
      const intraWord = c === "_" && isWordChar(prev) && isWordChar(next);
      if (flanking && !intraWord) {
        i = k; // an emphasis delimiter run
        continue;
      }
      out += s.slice(i, k);
      i = k;
      continue;
    }
    out += c;
    i++;
  }
  return { text: collapse ? normalizeText(out) : out.replace(/\u0000/g, "").trim(), links };
}

// ---------------------------------------------------------------------------------------------
// Line classification.

function indentOf(line: string): number {
  let w = 0;
  for (const ch of line) {
    if (ch === " ") w++;
    else if (ch === "\t") w += 4 - (w % 4);
    else break;
  }
  return w;
}

/** Drops up to `width` columns of leading indentation. */
function dedent(line: string, width: number): string {
  let w = 0;
  let i = 0;
  while (i < line.length && w < width) {
    const ch = line[i];
    if (ch === " ") w++;
    else if (ch === "\t") w += 4 - (w % 4);
    else break;
    i++;
  }
  return line.slice(i);
}

const FENCE = /^(`{3,}|~{3,})/;
const HEADING = /^(#{1,6})(?:[ \t]+|$)/;
const LIST_ITEM = /^(?:([-*+])|(\d{1,9})[.)])(?:[ \t]+|$)/;
const ANCHOR = /<a\s+(?:name|id)\s*=\s*"([^"]*)"[^>]*>\s*<\/a>/y;

/** Names of a line made only of `<a name="..."></a>` anchors, else undefined. */
function anchorsOnly(t: string): string[] | undefined {
  if (!t.startsWith("<a")) return undefined;
  const names: string[] = [];
  let i = 0;
  while (i < t.length) {
    while (i < t.length && /\s/.test(t[i]!)) i++;
    if (i >= t.length) break;
    ANCHOR.lastIndex = i;
    const m = ANCHOR.exec(t);
    if (!m) return undefined;
    names.push(m[1]!);
    i = ANCHOR.lastIndex;
  }
  return names.length > 0 ? names : undefined;
}

function isHtmlTableStart(t: string): boolean {
  return /^<table[\s>]/i.test(t) || t.toLowerCase() === "<table";
}

function isHtmlBlockStart(t: string): boolean {
  return /^<(?:div|p|ul|ol|pre|dl|blockquote|h[1-6]|section)[\s>]/i.test(t);
}

function isCaptionLine(t: string): boolean {
  return /^\*\*\s*(?:表|Table)\s*\d+/.test(t);
}

/** `| a | b |` GFM table separator row. */
function isPipeTableSeparator(t: string): boolean {
  return /^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$/.test(t) && t.includes("-");
}

function splitPipeRow(t: string): string[] {
  let s = t.trim();
  if (s.startsWith("|")) s = s.slice(1);
  if (s.endsWith("|") && !s.endsWith("\\|")) s = s.slice(0, -1);
  const cells: string[] = [];
  let cur = "";
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === "\\" && s[i + 1] === "|") {
      cur += "|";
      i++;
    } else if (ch === "|") {
      cells.push(cur);
      cur = "";
    } else cur += ch;
  }
  cells.push(cur);
  return cells;
}

function countTableTags(t: string): number {
  let depth = 0;
  const re = /<(\/?)table\b/gi;
  for (let m = re.exec(t); m; m = re.exec(t)) depth += m[1] ? -1 : 1;
  return depth;
}

// ---------------------------------------------------------------------------------------------
// The reader.

class MarkdownReader {
  readonly blocks: Block[] = [];
  title?: string;
  titleLine?: number;
  private list?: { block: ListBlock; indent: number };
  private para: { parts: string[]; line: number } | undefined;
  private pendingAnchors: string[] = [];
  private pendingCaption?: string;

  constructor(private readonly lines: readonly SourceLine[]) {}

  private emit(b: Block): void {
    if (b.kind !== "list") this.list = undefined;
    if (b.kind !== "table") {
      // A caption or anchor only belongs to a table that follows it directly.
      this.pendingAnchors = [];
      this.pendingCaption = undefined;
    }
    this.blocks.push(b);
  }

  private flushPara(): void {
    const p = this.para;
    this.para = undefined;
    if (!p) return;
    const { text, links } = inlineMarkdown(p.parts.join("\n"));
    if (text !== "") this.emit({ kind: "paragraph", text, links, line: p.line });
  }

  private addParaLine(text: string, line: number, hardBreak: boolean): void {
    if (!this.para) this.para = { parts: [], line };
    this.para.parts.push(text);
    if (hardBreak) this.flushPara();
  }

  /** Whether a (trimmed) line starts a block other than a paragraph continuation. */
  private startsBlock(t: string): boolean {
    return (
      FENCE.test(t) ||
      HEADING.test(t) ||
      LIST_ITEM.test(t) ||
      t.startsWith(">") ||
      isHtmlTableStart(t) ||
      isHtmlBlockStart(t) ||
      anchorsOnly(t) !== undefined
    );
  }

  read(): void {
    const lines = this.lines;
    let i = 0;
    while (i < lines.length) {
      const l = lines[i]!;
      const t = l.text.trim();
      if (t === "") {
        this.flushPara();
        i++;
        continue;
      }
      const indent = indentOf(l.text);
      if (FENCE.test(t)) {
        this.flushPara();
        i = this.fencedCode(i, indent, t);
        continue;
      }
      const h = HEADING.exec(t);
      if (h) {
        this.flushPara();
        this.heading(h[1]!.length, t.slice(h[0].length), l.line);
        i++;
        continue;
      }
      const anchors = anchorsOnly(t);
      if (anchors) {
        this.flushPara();
        this.pendingAnchors.push(...anchors);
        i++;
        continue;
      }
      if (isHtmlTableStart(t)) {
        this.flushPara();
        i = this.htmlTable(i);
        continue;
      }
      if (isHtmlBlockStart(t)) {
        this.flushPara();
        i = this.htmlBlock(i);
        continue;
      }
      if (t.includes("|") && isPipeTableSeparator(lines[i + 1]?.text.trim() ?? "")) {
        this.flushPara();
        i = this.pipeTable(i);
        continue;
      }
      const li = LIST_ITEM.exec(t);
      if (li) {
        this.flushPara();
        i = this.listItem(i, indent, li[2] !== undefined, t.slice(li[0].length));
        continue;
      }
      if (t.startsWith(">")) {
        this.flushPara();
        i = this.blockQuote(i);
        continue;
      }
      if (isCaptionLine(t) && this.tableFollows(i + 1)) {
        this.flushPara();
        this.pendingCaption = inlineMarkdown(t, false).text;
        i++;
        continue;
      }
      this.addParaLine(t, l.line, /( {2,}|\\)$/.test(l.text));
      i++;
    }
    this.flushPara();
  }

  private heading(level: number, rest: string, line: number): void {
    const raw = rest.replace(/[ \t]+#+[ \t]*$/, "").replace(/^#+$/, "");
    const { text } = inlineMarkdown(raw);
    if (text === "") return;
    if (level === 1 && this.title === undefined) {
      this.title = text;
      this.titleLine = line;
    }
    this.emit({ kind: "heading", level, text, line });
  }

  private fencedCode(i: number, indent: number, t: string): number {
    const fence = FENCE.exec(t)![1]!;
    const start = this.lines[i]!;
    const body: string[] = [];
    let j = i + 1;
    for (; j < this.lines.length; j++) {
      const lt = this.lines[j]!.text.trim();
      if (lt.length >= fence.length && lt[0] === fence[0] && /^(?:`+|~+)$/.test(lt)) break;
      body.push(dedent(this.lines[j]!.text, indent));
    }
    const text = normalizeCode(body.join("\n"));
    if (text.trim() !== "") this.emit({ kind: "code", text, line: start.line });
    return j + 1;
  }

  /** Whether, after blank and anchor lines, the next line starts a table. */
  private tableFollows(i: number): boolean {
    for (let j = i; j < this.lines.length && j < i + 20; j++) {
      const t = this.lines[j]!.text.trim();
      if (t === "" || anchorsOnly(t)) continue;
      return isHtmlTableStart(t) || (t.includes("|") && isPipeTableSeparator(this.lines[j + 1]?.text.trim() ?? ""));
    }
    return false;
  }

  private takeTableContext(table: Table): void {
    if (this.pendingCaption !== undefined && table.caption === undefined) table.caption = this.pendingCaption;
    table.anchors = [...new Set([...this.pendingAnchors, ...table.anchors])];
    this.pendingCaption = undefined;
    this.pendingAnchors = [];
  }

  /** Lines `i..` up to the line closing the table, parsed as HTML. */
  private htmlTable(i: number): number {
    let depth = 0;
    let j = i;
    for (; j < this.lines.length; j++) {
      depth += countTableTags(this.lines[j]!.text);
      if (depth <= 0) break;
    }
    const end = Math.min(j, this.lines.length - 1);
    this.emitHtml(this.lines.slice(i, end + 1));
    return end + 1;
  }

  /** Other HTML blocks: up to the next blank line. */
  private htmlBlock(i: number): number {
    let j = i;
    while (j < this.lines.length && this.lines[j]!.text.trim() !== "") j++;
    this.emitHtml(this.lines.slice(i, j));
    return j;
  }

  private emitHtml(lines: readonly SourceLine[]): void {
    const { html, lines: map } = prepareHtmlLines(lines);
    const reader = new HtmlBlockReader((offset) => map.lineAt(offset));
    try {
      reader.walk(parseHtml(html));
    } catch {
      // keep what was read
    }
    let first = true;
    for (const b of reader.blocks) {
      if (b.kind === "table" && first) {
        this.takeTableContext(b.table);
        first = false;
      }
      this.emit(b);
    }
    this.pendingAnchors = [];
    this.pendingCaption = undefined;
  }

  private pipeTable(i: number): number {
    const cell = (raw: string, line: number) => {
      const { text, links } = inlineMarkdown(raw);
      return { text, paragraphs: text === "" ? [] : [text], lists: [], links, line };
    };
    const headLine = this.lines[i]!;
    const table: Table = {
      anchors: [],
      header: splitPipeRow(headLine.text).map((c) => cell(c, headLine.line)),
      rows: [],
      line: headLine.line,
    };
    let j = i + 2;
    for (; j < this.lines.length; j++) {
      const l = this.lines[j]!;
      if (l.text.trim() === "" || !l.text.includes("|")) break;
      table.rows.push({ cells: splitPipeRow(l.text).map((c) => cell(c, l.line)), line: l.line });
    }
    this.takeTableContext(table);
    this.emit({ kind: "table", table, line: table.line });
    return j;
  }

  private listItem(i: number, indent: number, ordered: boolean, rest: string): number {
    const l = this.lines[i]!;
    const parts = [rest];
    let j = i + 1;
    // Lazy continuation lines of the item's own paragraph.
    for (; j < this.lines.length; j++) {
      const t = this.lines[j]!.text.trim();
      if (t === "" || this.startsBlock(t) || (isCaptionLine(t) && this.tableFollows(j + 1))) break;
      parts.push(t);
    }
    const { text, links } = inlineMarkdown(parts.join("\n"));
    // A leading anchor (`1.  <a name="..."></a>text`) is stripped by inlineMarkdown.
    if (text === "") return j;
    const cur = this.list;
    if (!cur || cur.indent !== indent || cur.block.ordered !== ordered) {
      const block: ListBlock = { kind: "list", ordered, items: [], line: l.line };
      this.emit(block);
      this.list = { block, indent };
    }
    this.list!.block.items.push({ text, links, line: l.line });
    return j;
  }

  private blockQuote(i: number): number {
    let j = i;
    for (; j < this.lines.length; j++) {
      const l = this.lines[j]!;
      const t = l.text.trim();
      if (!t.startsWith(">")) break;
      const inner = t.replace(/^>[ \t]?/, "");
      if (inner.trim() === "") {
        this.flushPara();
        continue;
      }
      this.addParaLine(inner.trim(), l.line, /( {2,}|\\)$/.test(l.text));
    }
    this.flushPara();
    return j;
  }
}

export function readMarkdownHtml(file: string, content: string): PageModel {
  const reader = new MarkdownReader(splitLines(content));
  return readToPage(file, "markdown-html", reader, () => reader.read());
}
