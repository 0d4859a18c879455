// The page model: what every reader produces, whatever the input format.
// Blocks are flat and in document order: a table nested in a list item, or a code block under a
// bullet, becomes the next block after that item. Extraction groups blocks by heading.
// Every block carries the 1-based source line it starts on (CRLF, LF and CR all end a line).

export type PageFormat = "dita-html" | "markdown-html" | "plain-text" | "pipe-cells";

export interface Link {
  text: string;
  href: string;
}

export interface Cell {
  /** Whole cell text: paragraphs and list items each on their own line (list items prefixed "- "). */
  text: string;
  /** Paragraph texts, without list items. */
  paragraphs: string[];
  /** Lists inside the cell, each as its item texts. */
  lists: string[][];
  links: Link[];
  line: number;
}

export interface TableRow {
  cells: Cell[];
  line: number;
}

export interface Table {
  /** Caption as written, e.g. "Table 3 Request body parameters" or "表 3  backup字段数据结构说明". */
  caption?: string;
  /** Anchor ids/names that links can point at (e.g. "table35260043174853"). */
  anchors: string[];
  header: Cell[];
  rows: TableRow[];
  line: number;
}

export type Block =
  | { kind: "heading"; level: number; text: string; line: number }
  | { kind: "paragraph"; text: string; links: Link[]; line: number }
  | { kind: "list"; ordered: boolean; items: { text: string; links: Link[]; line: number }[]; line: number }
  | { kind: "code"; text: string; line: number }
  | { kind: "table"; table: Table; line: number };

export interface PageModel {
  /** Path as given to the reader (callers pass repo-relative paths so output stays portable). */
  file: string;
  format: PageFormat;
  title?: string;
  titleLine?: number;
  blocks: Block[];
}
