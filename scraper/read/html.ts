// Shared HTML handling for the DITA HTML reader and the HTML tables embedded in Markdown:
// parsing with source locations, escaping stray markup, and turning elements into blocks,
// tables and cells of the page model.

import * as cheerio from "cheerio";
import type { Block, Cell, Link, Table, TableRow } from "../page-model.ts";
import { SegmentLineMap, type SourceLine } from "./lines.ts";
import { headerKind, normalizeCode, normalizeText } from "./text.ts";

/** The part of a domhandler node the readers use (kept structural so no extra dependency is needed). */
export interface HtmlNode {
  type: string;
  name?: string;
  attribs?: Record<string, string>;
  data?: string;
  children?: HtmlNode[];
  parent?: HtmlNode | null;
  /** Offset of the node's start in the parsed HTML (htmlparser2's `withStartIndices`). */
  startIndex?: number | null;
}

type ListBlock = Extract<Block, { kind: "list" }>;

/**
 * Parses an HTML document or fragment; nodes carry `startIndex` into `html`. Cheerio's
 * htmlparser2 mode: several times faster than its parse5 default, linear in nesting depth, and
 * forgiving enough for the documentation exports we read.
 */
export function parseHtml(html: string): HtmlNode {
  const $ = cheerio.load(html, { xml: { xmlMode: false, withStartIndices: true, decodeEntities: true } });
  return $.root()[0] as unknown as HtmlNode;
}

// ---------------------------------------------------------------------------------------------
// Stray markup. Some pages have their entities already decoded, so text like `>!<"&'=` or
// `List<String>` appears raw. A `<` only opens a tag when a known HTML tag name follows, and a
// `&` only starts a reference when it looks like one ending in `;`; anything else is escaped so
// the parser keeps it as text. Escaping never adds or removes line breaks.

const KNOWN_TAGS = new Set(
  (
    "a abbr address area article aside audio b base bdi bdo big blockquote body br button canvas " +
    "caption center cite code col colgroup data datalist dd del details dfn dialog div dl dt em " +
    "embed fieldset figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header " +
    "hgroup hr html i iframe img input ins kbd label legend li link main map mark math menu meta " +
    "meter nav nobr noscript object ol optgroup option output p param picture pre progress q rp rt " +
    "ruby s samp script section select slot small source span strike strong style sub summary sup " +
    "svg table tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr"
  ).split(" "),
);

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isAlnum(c: number): boolean {
  return isAsciiLetter(c) || (c >= 48 && c <= 57);
}

/** Escapes `<` and `&` that cannot start markup (see above). Linear. */
export function escapeStrayMarkup(s: string): string {
  if (s.indexOf("<") < 0 && s.indexOf("&") < 0) return s;
  let out = "";
  let last = 0;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 60 /* < */) {
      let j = i + 1;
      const next = s.charCodeAt(j);
      if (next === 33 /* ! */ || next === 63 /* ? */) continue;
      if (next === 47 /* / */) j++;
      const nameStart = j;
      while (j < n && (isAlnum(s.charCodeAt(j)) || s.charCodeAt(j) === 45)) j++;
      const name = s.slice(nameStart, j).toLowerCase();
      const ok = name.length > 0 && isAsciiLetter(s.charCodeAt(nameStart)) && KNOWN_TAGS.has(name);
      if (ok) {
        i = j - 1;
        continue;
      }
      out += s.slice(last, i) + "&lt;";
      last = i + 1;
    } else if (c === 38 /* & */) {
      let j = i + 1;
      if (s.charCodeAt(j) === 35 /* # */) j++;
      const refStart = j;
      while (j < n && j - refStart <= 32 && isAlnum(s.charCodeAt(j))) j++;
      if (j > refStart && s.charCodeAt(j) === 59 /* ; */) {
        i = j;
        continue;
      }
      out += s.slice(last, i) + "&amp;";
      last = i + 1;
    }
  }
  return out + s.slice(last);
}

export interface PreparedHtml {
  html: string;
  /** Maps offsets in `html` to lines of the original content. */
  lines: SegmentLineMap;
}

/** Joins source lines (each escaped, each ended by LF) into HTML, remembering their original lines. */
export function prepareHtmlLines(lines: readonly SourceLine[]): PreparedHtml {
  const map = new SegmentLineMap();
  const parts: string[] = [];
  let offset = 0;
  for (const l of lines) {
    const text = escapeStrayMarkup(l.text) + "\n";
    map.add(offset, l.line);
    parts.push(text);
    offset += text.length;
  }
  return { html: parts.join(""), lines: map };
}

// ---------------------------------------------------------------------------------------------
// Element classes.

const BLOCK_TAGS = new Set(
  (
    "address article aside blockquote body caption center dd details dialog dir div dl dt fieldset " +
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu nav ol p pre " +
    "section summary table tbody td tfoot th thead tr ul"
  ).split(" "),
);

const SKIP_TAGS = new Set(
  (
    "head title meta link base script style noscript template img svg math iframe frame frameset " +
    "object embed button input select textarea map area canvas video audio source track picture"
  ).split(" "),
);

function isElement(n: HtmlNode): boolean {
  return n.type === "tag" || n.type === "script" || n.type === "style";
}

function classes(n: HtmlNode): string[] {
  const c = n.attribs?.["class"];
  return c ? c.split(/\s+/) : [];
}

function isSkipped(n: HtmlNode): boolean {
  if (n.type === "comment" || n.type === "directive" || n.type === "script" || n.type === "style") return true;
  if (n.type !== "tag") return false;
  return SKIP_TAGS.has(n.name ?? "");
}

function isInline(n: HtmlNode): boolean {
  if (n.type === "text" || n.type === "cdata") return true;
  return n.type === "tag" && !BLOCK_TAGS.has(n.name ?? "") && !isSkipped(n);
}

function isBlank(n: HtmlNode): boolean {
  if (n.type === "text") return (n.data ?? "").trim() === "";
  return n.type === "comment" || n.type === "directive";
}

function hasBlockDescendant(n: HtmlNode, depth = 0): boolean {
  if (depth > 100) return false;
  for (const k of n.children ?? []) {
    if (k.type === "tag" && BLOCK_TAGS.has(k.name ?? "")) return true;
    if (k.type === "tag" && hasBlockDescendant(k, depth + 1)) return true;
  }
  return false;
}

const MAX_DEPTH = 400;

// ---------------------------------------------------------------------------------------------
// Inline text.

export interface InlineText {
  text: string;
  links: Link[];
}

/** Text and links of inline content; `<br>` and nested blocks become spaces. */
export function inlineText(nodes: readonly HtmlNode[]): InlineText {
  const parts: string[] = [];
  const links: Link[] = [];
  const visit = (n: HtmlNode, depth: number): void => {
    if (n.type === "text" || n.type === "cdata") {
      parts.push(n.data ?? "");
      for (const k of n.children ?? []) visit(k, depth + 1); // cdata
      return;
    }
    if (n.type !== "tag" || isSkipped(n) || depth > MAX_DEPTH) return;
    const name = n.name ?? "";
    if (name === "br") {
      parts.push("\n");
      return;
    }
    const block = BLOCK_TAGS.has(name);
    if (block) parts.push(" ");
    const href = name === "a" ? n.attribs?.["href"] : undefined;
    const start = parts.length;
    for (const k of n.children ?? []) visit(k, depth + 1);
    if (href !== undefined && href.trim() !== "") {
      links.push({ text: normalizeText(parts.slice(start).join("")), href: href.trim() });
    }
    if (block) parts.push(" ");
  };
  for (const n of nodes) visit(n, 0);
  return { text: normalizeText(parts.join("")), links };
}

/** Raw text (whitespace kept) for code; `<br>` becomes a line break. */
function rawText(n: HtmlNode, parts: string[] = [], depth = 0): string[] {
  if (n.type === "text" || n.type === "cdata") {
    parts.push(n.data ?? "");
  } else if (n.type === "tag" && depth <= MAX_DEPTH && !isSkipped(n)) {
    if (n.name === "br") parts.push("\n");
    for (const k of n.children ?? []) rawText(k, parts, depth + 1);
  }
  return parts;
}

// ---------------------------------------------------------------------------------------------
// Blocks.

/** Walks HTML and appends page-model blocks in document order (lists and tables flattened). */
export class HtmlBlockReader {
  readonly blocks: Block[] = [];
  title?: string;
  titleLine?: number;

  constructor(private readonly lineAtOffset: (offset: number) => number) {}

  /** 1-based original line of a node (its own start, else its first located child, else its parent's). */
  lineOf(node: HtmlNode): number {
    const own = node.startIndex;
    if (typeof own === "number") return this.lineAtOffset(own);
    for (const k of node.children ?? []) {
      const o = k.startIndex;
      if (typeof o === "number") return this.lineAtOffset(o);
    }
    let p = node.parent;
    while (p) {
      const o = p.startIndex;
      if (typeof o === "number") return this.lineAtOffset(o);
      p = p.parent;
    }
    return 1;
  }

  /** Walks the children of a container element (or the document root). */
  walk(container: HtmlNode): void {
    this.walkNodes(container.children ?? [], 0);
  }

  walkNodes(nodes: readonly HtmlNode[], depth: number): void {
    let run: HtmlNode[] = [];
    for (const n of nodes) {
      if (isInline(n)) {
        run.push(n);
        continue;
      }
      this.flushRun(run);
      run = [];
      if (isElement(n)) this.walkBlock(n, depth + 1);
    }
    this.flushRun(run);
  }

  private flushRun(run: readonly HtmlNode[]): void {
    if (run.length === 0) return;
    const { text, links } = inlineText(run);
    if (text === "") return;
    const first = run.find((n) => !isBlank(n)) ?? run[0]!;
    // A paragraph's line is its element's line when the run starts the element (e.g. `<p>`).
    const parent = first.parent;
    const line =
      parent && parent.type === "tag" && parent.name === "p" && parent.children?.[0] === run[0]
        ? this.lineOf(parent)
        : this.lineOf(first);
    this.blocks.push({ kind: "paragraph", text, links, line });
  }

  private walkBlock(el: HtmlNode, depth: number): void {
    if (isSkipped(el)) return;
    if (depth > MAX_DEPTH) {
      this.flushRun([el]);
      return;
    }
    const name = el.name ?? "";
    if (/^h[1-6]$/.test(name)) return this.heading(el);
    if (name === "pre") return this.code(el);
    if (name === "ul" || name === "ol" || name === "dir" || name === "menu") return this.list(el, depth);
    if (name === "table") {
      const table = readTable(el, (n) => this.lineOf(n));
      this.blocks.push({ kind: "table", table, line: table.line });
      return;
    }
    if (name === "hr") return;
    this.walkNodes(el.children ?? [], depth);
  }

  private heading(el: HtmlNode): void {
    const { text } = inlineText(el.children ?? []);
    if (text === "") return;
    const n = Number((el.name ?? "h2").slice(1));
    const level = n === 1 ? 1 : classes(el).includes("sectiontitle") ? 2 : n;
    const line = this.lineOf(el);
    if (level === 1 && this.title === undefined) {
      this.title = text;
      this.titleLine = line;
    }
    this.blocks.push({ kind: "heading", level, text, line });
  }

  private code(el: HtmlNode): void {
    const text = normalizeCode(rawText(el).join(""));
    if (text.trim() === "") return;
    this.blocks.push({ kind: "code", text, line: this.lineOf(el) });
  }

  private list(el: HtmlNode, depth: number): void {
    const ordered = el.name === "ol";
    let current: ListBlock | undefined;
    for (const child of el.children ?? []) {
      if (isBlank(child) || isSkipped(child)) continue;
      if (!(child.type === "tag" && child.name === "li")) {
        // Malformed list content: a bare block or text directly inside <ul>.
        const before = this.blocks.length;
        this.walkNodes([child], depth);
        if (this.blocks.length !== before) current = undefined;
        continue;
      }
      const item = splitListItem(child);
      if (item.text !== "") {
        if (!current) {
          current = { kind: "list", ordered, items: [], line: this.lineOf(child) };
          this.blocks.push(current);
        }
        current.items.push({ text: item.text, links: item.links, line: this.lineOf(child) });
      }
      if (item.rest.length > 0) {
        const before = this.blocks.length;
        this.walkNodes(item.rest, depth);
        if (this.blocks.length !== before) current = undefined;
      }
    }
  }
}

/**
 * Splits a list item into its own text (the leading inline content, or its first paragraph when
 * it starts with one) and the rest (nested paragraphs, lists, tables, code) in order.
 */
function splitListItem(li: HtmlNode): InlineText & { rest: HtmlNode[] } {
  const kids = li.children ?? [];
  let i = 0;
  while (i < kids.length && (isInline(kids[i]!) || isBlank(kids[i]!) || isSkipped(kids[i]!))) i++;
  const lead = inlineText(kids.slice(0, i));
  let rest = kids.slice(i);
  if (lead.text === "") {
    const first = rest.find((n) => !isBlank(n));
    if (first && first.type === "tag" && first.name === "p" && !hasBlockDescendant(first)) {
      const promoted = inlineText(first.children ?? []);
      rest = rest.filter((n) => n !== first);
      return { ...promoted, links: [...lead.links, ...promoted.links], rest };
    }
  }
  return { ...lead, rest };
}

// ---------------------------------------------------------------------------------------------
// Tables and cells.

class CellBuilder {
  readonly paragraphs: string[] = [];
  readonly lists: string[][] = [];
  readonly links: Link[] = [];
  readonly lines: string[] = [];

  paragraph(t: InlineText): void {
    this.links.push(...t.links);
    if (t.text === "") return;
    this.paragraphs.push(t.text);
    this.lines.push(t.text);
  }

  read(nodes: readonly HtmlNode[], depth: number): void {
    let run: HtmlNode[] = [];
    const flush = (): void => {
      if (run.length > 0) this.paragraph(inlineText(run));
      run = [];
    };
    for (const n of nodes) {
      if (isInline(n)) {
        run.push(n);
        continue;
      }
      flush();
      if (!isElement(n) || isSkipped(n)) continue;
      const name = n.name ?? "";
      if (depth > MAX_DEPTH) this.paragraph(inlineText([n]));
      else if (name === "ul" || name === "ol" || name === "dir" || name === "menu") this.list(n, depth + 1);
      else if (name === "pre") this.paragraph({ text: normalizeText(rawText(n).join("")), links: [] });
      else if (name === "table") this.nestedTable(n);
      else this.read(n.children ?? [], depth + 1);
    }
    flush();
  }

  private list(el: HtmlNode, depth: number): void {
    const items: string[] = [];
    this.lists.push(items);
    for (const child of el.children ?? []) {
      if (isBlank(child) || isSkipped(child)) continue;
      if (!(child.type === "tag" && child.name === "li")) {
        this.read([child], depth + 1);
        continue;
      }
      const item = splitListItem(child);
      this.links.push(...item.links);
      if (item.text !== "") {
        items.push(item.text);
        this.lines.push(`- ${item.text}`);
      }
      if (item.rest.length > 0) this.read(item.rest, depth + 1);
    }
    if (items.length === 0) this.lists.splice(this.lists.indexOf(items), 1);
  }

  /** A table inside a cell: each row becomes a paragraph of its cell texts joined by " | ". */
  private nestedTable(el: HtmlNode): void {
    for (const tr of tableRows(el).all) {
      const texts: string[] = [];
      for (const td of cellElements(tr)) {
        const t = inlineText(td.children ?? []);
        this.links.push(...t.links);
        if (t.text !== "") texts.push(t.text);
      }
      if (texts.length > 0) this.paragraph({ text: texts.join(" | "), links: [] });
    }
  }
}

export function readCell(td: HtmlNode, line: number): Cell {
  const b = new CellBuilder();
  b.read(td.children ?? [], 0);
  return { text: b.lines.join("\n"), paragraphs: b.paragraphs, lists: b.lists, links: b.links, line };
}

function childElements(n: HtmlNode, name?: string): HtmlNode[] {
  return (n.children ?? []).filter((k) => k.type === "tag" && (name === undefined || k.name === name));
}

function cellElements(tr: HtmlNode): HtmlNode[] {
  return (tr.children ?? []).filter((k) => k.type === "tag" && (k.name === "td" || k.name === "th"));
}

/** Rows of a table (not of tables nested in it), split into header rows and body rows. */
function tableRows(table: HtmlNode): { head: HtmlNode[]; body: HtmlNode[]; all: HtmlNode[] } {
  const head: HtmlNode[] = [];
  const body: HtmlNode[] = [];
  for (const k of childElements(table)) {
    if (k.name === "thead") head.push(...childElements(k, "tr"));
    else if (k.name === "tbody" || k.name === "tfoot") body.push(...childElements(k, "tr"));
    else if (k.name === "tr") body.push(k);
  }
  if (head.length === 0) {
    // No <thead>: leading rows made only of <th> are the header.
    while (body.length > 0) {
      const cells = cellElements(body[0]!);
      if (cells.length === 0 || !cells.every((c) => c.name === "th")) break;
      head.push(body.shift()!);
    }
  }
  if (head.length === 0 && body.length > 1) {
    // Still none: a first row of known header words ("Error Code", "Description") is the header.
    const cells = cellElements(body[0]!);
    const known = cells.filter((c) => headerKind(inlineText(c.children ?? []).text) !== undefined).length;
    if (known >= 2 && known * 2 >= cells.length) head.push(body.shift()!);
  }
  return { head, body, all: [...head, ...body] };
}

function span(el: HtmlNode, attr: string, max: number): number {
  const v = Number.parseInt(el.attribs?.[attr] ?? "", 10);
  return Number.isFinite(v) && v > 1 ? Math.min(v, max) : 1;
}

function copyCell(c: Cell): Cell {
  return { ...c, paragraphs: [...c.paragraphs], lists: c.lists.map((l) => [...l]), links: [...c.links] };
}

/** Rows as a grid: cells spanning several rows or columns are repeated in each slot they cover. */
function gridRows(trs: readonly HtmlNode[], lineOf: (n: HtmlNode) => number): TableRow[] {
  const carry: ({ cell: Cell; left: number } | undefined)[] = [];
  const rows: TableRow[] = [];
  for (const tr of trs) {
    const cells: Cell[] = [];
    let col = 0;
    const placeCarried = (): void => {
      for (let c = carry[col]; c && c.left > 0; c = carry[col]) {
        cells.push(copyCell(c.cell));
        c.left--;
        col++;
      }
    };
    for (const td of cellElements(tr)) {
      placeCarried();
      const cell = readCell(td, lineOf(td));
      const cs = span(td, "colspan", 64);
      const rs = span(td, "rowspan", 10_000);
      for (let k = 0; k < cs; k++) {
        cells.push(k === 0 ? cell : copyCell(cell));
        carry[col] = rs > 1 ? { cell, left: rs - 1 } : undefined;
        col++;
      }
    }
    // Cells carried down into the end of this row.
    for (; col < carry.length; col++) {
      const c = carry[col];
      if (!c || c.left <= 0) break;
      cells.push(copyCell(c.cell));
      c.left--;
    }
    if (cells.length > 0) rows.push({ cells, line: lineOf(tr) });
  }
  return rows;
}

/** Anchor names/ids that precede the table (e.g. `<a name="..."></a>` just before it) plus its id. */
function tableAnchors(table: HtmlNode): string[] {
  const anchors: string[] = [];
  const siblings = table.parent?.children ?? [];
  const before: string[] = [];
  for (let i = siblings.indexOf(table) - 1; i >= 0; i--) {
    const s = siblings[i]!;
    if (isBlank(s)) continue;
    if (s.type === "tag" && s.name === "a" && s.attribs?.["href"] === undefined) {
      const id = s.attribs?.["name"] ?? s.attribs?.["id"];
      if (id) before.unshift(id);
      continue;
    }
    break;
  }
  anchors.push(...before);
  const id = table.attribs?.["id"];
  if (id) anchors.push(id);
  return [...new Set(anchors)];
}

export function readTable(el: HtmlNode, lineOf: (n: HtmlNode) => number): Table {
  const captionEl = childElements(el, "caption")[0];
  const caption = captionEl ? inlineText(captionEl.children ?? []).text : "";
  const { head, body } = tableRows(el);
  const headerRows = gridRows(head, lineOf);
  const table: Table = {
    anchors: tableAnchors(el),
    header: headerRows.length > 0 ? headerRows[headerRows.length - 1]!.cells : [],
    rows: gridRows(body, lineOf),
    line: lineOf(el),
  };
  if (caption !== "") table.caption = caption;
  return table;
}
