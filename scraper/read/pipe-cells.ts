// A rendered page flattened to pipe-terminated cells:
//   This API is used to create a manual backup.     text outside tables
//   Name |                                          header cells, one per line...
//   Mandatory |
//   ---|---|                                        ...closed by a separator row (its column count)
//   project_id |                                    then rows: groups of that many cells
//   Indicates the backup status. Value:             a line not ending in `|` continues the cell
//   |                                               ...which the next `|` line closes
//   { "instance_id": "..." }                        JSON lines are code
// Headings and captions are lost in this format; lines that are known section titles still
// become headings.

import type { Block, PageModel, Table, TableRow } from "../page-model.ts";
import { splitLines, type SourceLine } from "./lines.ts";
import {
  bulletText,
  cellFromUnits,
  isBulletLine,
  isSectionTitle,
  jsonSpan,
  normalizeCode,
  normalizeText,
  type TextUnit,
} from "./text.ts";
import { readToPage } from "./page.ts";

type ListBlock = Extract<Block, { kind: "list" }>;

/** `---|---|---|` (also `| --- | :---: |`): the number of columns, else 0. */
export function separatorColumns(line: string): number {
  const t = line.trim();
  if (!t.includes("-") || !t.includes("|")) return 0;
  let cols = 0;
  for (const part of t.split("|")) {
    const p = part.trim();
    if (p === "") continue;
    if (!/^:?-{2,}:?$/.test(p)) return 0;
    cols++;
  }
  return cols;
}

function isPipeLine(line: string): boolean {
  return line.trimEnd().endsWith("|");
}

function cellText(line: string): string {
  return line.trimEnd().replace(/\|$/, "").trim();
}

class PipeCellsReader {
  readonly blocks: Block[] = [];
  /** Header start line index -> separator line index, for every separator with its header above. */
  private readonly headerAt = new Map<number, number>();

  constructor(private readonly lines: readonly SourceLine[]) {
    for (let s = 0; s < lines.length; s++) {
      const k = separatorColumns(lines[s]!.text);
      if (k === 0 || s < k) continue;
      let ok = true;
      for (let h = s - k; h < s; h++) {
        const t = lines[h]!.text;
        if (!isPipeLine(t) || separatorColumns(t) > 0) ok = false;
      }
      if (ok) this.headerAt.set(s - k, s);
    }
  }

  read(): void {
    const lines = this.lines;
    let i = 0;
    while (i < lines.length) {
      const l = lines[i]!;
      const t = l.text.trim();
      const sep = this.headerAt.get(i);
      if (sep !== undefined) {
        i = this.table(i, sep);
        continue;
      }
      if (t === "" || separatorColumns(t) > 0) {
        i++;
        continue;
      }
      const span = jsonSpan(lines, i, (x, at) => isSectionTitle(x) || this.headerAt.has(at));
      if (span > 0) {
        const text = normalizeCode(
          lines
            .slice(i, i + span)
            .map((x) => x.text)
            .join("\n"),
        );
        this.blocks.push({ kind: "code", text, line: l.line });
        i += span;
        continue;
      }
      if (isBulletLine(t)) {
        i = this.bullets(i);
        continue;
      }
      const text = normalizeText(isPipeLine(t) ? cellText(t) : t);
      if (text === "") {
        i++;
        continue;
      }
      if (isSectionTitle(text)) this.blocks.push({ kind: "heading", level: 2, text, line: l.line });
      else this.blocks.push({ kind: "paragraph", text, links: [], line: l.line });
      i++;
    }
  }

  private bullets(i: number): number {
    const block: ListBlock = { kind: "list", ordered: false, items: [], line: this.lines[i]!.line };
    for (; i < this.lines.length && isBulletLine(this.lines[i]!.text); i++) {
      const l = this.lines[i]!;
      const text = bulletText(isPipeLine(l.text) ? cellText(l.text) : l.text);
      if (text !== "") block.items.push({ text, links: [], line: l.line });
    }
    if (block.items.length > 0) this.blocks.push(block);
    return i;
  }

  private table(start: number, sep: number): number {
    const lines = this.lines;
    const unit = (l: SourceLine, text: string): TextUnit => ({
      kind: isBulletLine(text) ? "bullet" : "text",
      text,
      line: l.line,
    });
    const header = lines.slice(start, sep).map((l) => cellFromUnits([unit(l, cellText(l.text))], l.line));
    const k = header.length;
    const rows: TableRow[] = [];
    let cells: TableRow["cells"] = [];
    let pending: TextUnit[] = [];
    const endRow = (): void => {
      if (cells.length > 0) rows.push({ cells, line: cells[0]!.line });
      cells = [];
    };
    let j = sep + 1;
    for (; j < lines.length; j++) {
      if (this.headerAt.has(j)) break; // the next table
      const l = lines[j]!;
      const t = l.text.trim();
      if (separatorColumns(t) > 0) continue;
      if (cells.length === 0 && pending.length === 0 && (t === "" || !isPipeLine(t))) break; // table over
      if (t === "") continue;
      if (!isPipeLine(t)) {
        pending.push(unit(l, t)); // a cell spanning lines
        continue;
      }
      const units = [...pending, unit(l, cellText(t))];
      pending = [];
      cells.push(cellFromUnits(units, units[0]!.line));
      if (cells.length === k) endRow();
    }
    if (pending.length > 0) cells.push(cellFromUnits(pending, pending[0]!.line));
    endRow();
    const table: Table = { anchors: [], header, rows, line: lines[start]!.line };
    this.blocks.push({ kind: "table", table, line: table.line });
    return j;
  }
}

export function readPipeCells(file: string, content: string): PageModel {
  const reader = new PipeCellsReader(splitLines(content));
  return readToPage(file, "pipe-cells", reader, () => reader.read());
}
