import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Block, PageModel, Table } from "../../scraper/page-model.ts";

const fixtures = fileURLToPath(new URL("../fixtures/", import.meta.url));

/** Content of a fixture under test/fixtures/ (e.g. "seeds/x.html"). */
export function fixture(path: string): string {
  return readFileSync(fixtures + path, "utf8");
}

export function tables(m: PageModel): Table[] {
  return m.blocks.flatMap((b) => (b.kind === "table" ? [b.table] : []));
}

export function headings(m: PageModel, level?: number): string[] {
  return m.blocks.flatMap((b) => (b.kind === "heading" && (level === undefined || b.level === level) ? [b.text] : []));
}

export function codes(m: PageModel): Extract<Block, { kind: "code" }>[] {
  return m.blocks.flatMap((b) => (b.kind === "code" ? [b] : []));
}

export function paragraphs(m: PageModel): Extract<Block, { kind: "paragraph" }>[] {
  return m.blocks.flatMap((b) => (b.kind === "paragraph" ? [b] : []));
}

/** Texts of the first cell of each row. */
export function firstColumn(t: Table): string[] {
  return t.rows.map((r) => r.cells[0]?.text ?? "");
}

export function headerTexts(t: Table): string[] {
  return t.header.map((c) => c.text);
}

/** The table whose first column holds the given name (first match). */
export function rowNamed(t: Table, name: string) {
  const row = t.rows.find((r) => r.cells[0]?.text === name);
  if (!row) throw new Error(`no row ${name} in ${t.caption ?? "table"}`);
  return row;
}

/** Splits like the readers count lines: CRLF, LF and a lone CR each end a line. */
export function sourceLines(content: string): string[] {
  return content.split(/\r\n|\r|\n/);
}
