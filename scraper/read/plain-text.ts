// Plain text copied from a rendered page. Structure is recovered from the text alone:
//   Updated on 2024-05-21 GMT+08:00     (page chrome)
//   Creating a Manual Backup            the title
//   Request Parameters                  known section titles become headings
//   Table 2 Parameter description       a caption, then one paragraph per header cell
//   Parameter / Mandatory / Type / Description
//   name / Yes / String / Backup name... / Minimum characters: 4   rows; the last cell may
//                                                                   span several paragraphs
//     • BUILDING: ...                   bullets (a list, inside a cell or not)
//   { "a": 1 }                          JSON examples (until the braces balance) are code

import type { Block, PageModel, Table, TableRow } from "../page-model.ts";
import { splitLines } from "./lines.ts";
import {
  bulletText,
  cellFromUnits,
  headerKind,
  isBulletLine,
  isMandatoryValue,
  isNameLike,
  isSectionTitle,
  isStatusCodeLine,
  isTableCaption,
  isTypeValue,
  jsonSpan,
  normalizeCode,
  normalizeText,
  type ColumnKind,
  type TextUnit,
} from "./text.ts";
import { readToPage } from "./page.ts";

type ListBlock = Extract<Block, { kind: "list" }>;

const MAX_COLUMNS = 12;

/** Lines -> units (text / bullet / code); blank lines dropped. */
export function textUnits(content: string): TextUnit[] {
  const lines = splitLines(content);
  const units: TextUnit[] = [];
  const stop = (t: string): boolean => isSectionTitle(t) || isTableCaption(t);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.text.trim() === "") continue;
    const span = jsonSpan(lines, i, stop);
    if (span > 0) {
      const text = normalizeCode(
        lines
          .slice(i, i + span)
          .map((x) => x.text)
          .join("\n"),
      );
      units.push({ kind: "code", text, line: l.line });
      i += span - 1;
      continue;
    }
    units.push({ kind: isBulletLine(l.text) ? "bullet" : "text", text: l.text, line: l.line });
  }
  return units;
}

/** A header cell: a known header word, written capitalised (so a row's `name` or `type` is not one). */
function headerCellKind(u: TextUnit | undefined): ColumnKind | undefined {
  if (!u || u.kind !== "text") return undefined;
  const t = normalizeText(u.text);
  if (/^[a-z]/.test(t)) return undefined;
  return headerKind(t);
}

function isTerminator(u: TextUnit): boolean {
  if (u.kind === "code") return true;
  if (u.kind !== "text") return false;
  return isSectionTitle(u.text) || isTableCaption(u.text) || isStatusCodeLine(u.text);
}

function fitsColumn(kind: ColumnKind, u: TextUnit, first: boolean): boolean {
  if (u.kind !== "text") return false;
  const t = normalizeText(u.text);
  switch (kind) {
    case "name":
      return isNameLike(t);
    case "mandatory":
      return isMandatoryValue(t);
    case "type":
      return isTypeValue(t);
    default:
      // A first column of another kind (status codes, error codes): short, not a sentence.
      return first ? t.length <= 60 && !/[.。]$/.test(t) : t !== "";
  }
}

class PlainTextReader {
  readonly blocks: Block[] = [];
  title?: string;
  titleLine?: number;
  private k = 0;

  constructor(private readonly units: readonly TextUnit[]) {}

  read(): void {
    const units = this.units;
    let titleChecked = false;
    while (this.k < units.length) {
      const u = units[this.k]!;
      if (u.kind === "code") {
        this.blocks.push({ kind: "code", text: u.text, line: u.line });
        this.k++;
        continue;
      }
      if (u.kind === "bullet") {
        this.bullets();
        continue;
      }
      const t = normalizeText(u.text);
      if (!titleChecked && !/^(?:Updated on|Last updated|更新时间)\b/i.test(t)) {
        titleChecked = true;
        if (this.isTitle(t)) {
          this.title = t;
          this.titleLine = u.line;
          this.blocks.push({ kind: "heading", level: 1, text: t, line: u.line });
          this.k++;
          continue;
        }
      }
      if (isTableCaption(t) && this.table(this.k + 1, t, u.line)) continue;
      if (headerCellKind(u) === "name" && headerCellKind(units[this.k + 1]) && this.table(this.k)) continue;
      if (isSectionTitle(t)) {
        this.blocks.push({ kind: "heading", level: 2, text: t, line: u.line });
      } else if (t !== "") {
        this.blocks.push({ kind: "paragraph", text: t, links: [], line: u.line });
      }
      this.k++;
    }
  }

  private isTitle(t: string): boolean {
    return (
      t.length > 0 &&
      t.length <= 150 &&
      !isSectionTitle(t) &&
      !isTableCaption(t) &&
      !/[.。:：;；,，]$/.test(t) &&
      !/^(?:GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)\s/.test(t)
    );
  }

  private bullets(): void {
    const first = this.units[this.k]!;
    const block: ListBlock = { kind: "list", ordered: false, items: [], line: first.line };
    while (this.k < this.units.length && this.units[this.k]!.kind === "bullet") {
      const u = this.units[this.k]!;
      const text = bulletText(u.text);
      if (text !== "") block.items.push({ text, links: [], line: u.line });
      this.k++;
    }
    if (block.items.length > 0) this.blocks.push(block);
  }

  /**
   * A table whose header starts at unit `start` (after the caption, if any). Emits it and moves
   * past it; returns false (and emits nothing) when no header of two or more known words follows.
   */
  private table(start: number, caption?: string, captionLine?: number): boolean {
    const units = this.units;
    const header: TextUnit[] = [];
    const kinds: ColumnKind[] = [];
    let j = start;
    while (j < units.length && header.length < MAX_COLUMNS) {
      const kind = headerCellKind(units[j]);
      if (!kind || (kind !== "other" && kinds.includes(kind))) break;
      header.push(units[j]!);
      kinds.push(kind);
      j++;
    }
    if (header.length < 2) return false;
    const n = kinds.length;

    /** Whether a row can start at unit `i`: fixed columns fit their kinds, a last cell follows. */
    const fits = (i: number, lenient: boolean): boolean => {
      for (let c = 0; c < n; c++) {
        const u = units[i + c];
        if (!u || isTerminator(u)) return false;
        if (c < n - 1 && u.kind !== "text") return false;
        if (!lenient && c < n - 1 && !fitsColumn(kinds[c]!, u, c === 0)) return false;
      }
      return true;
    };

    const rows: TableRow[] = [];
    // The first row is taken even if its values look odd; later rows must fit the columns.
    while (j < units.length && (fits(j, false) || (rows.length === 0 && fits(j, true)))) {
      const cells = [];
      for (let c = 0; c < n - 1; c++, j++) cells.push(cellFromUnits([units[j]!], units[j]!.line));
      // The last cell: its first unit, then whatever does not end the table or start a row.
      const last: TextUnit[] = [units[j]!];
      j++;
      while (j < units.length && !isTerminator(units[j]!) && !fits(j, false)) last.push(units[j++]!);
      cells.push(cellFromUnits(last, last[0]!.line));
      rows.push({ cells, line: cells[0]!.line });
      if (j < units.length && isTerminator(units[j]!)) break;
    }

    const table: Table = {
      anchors: [],
      header: header.map((u) => cellFromUnits([u], u.line)),
      rows,
      line: captionLine ?? header[0]!.line,
    };
    if (caption !== undefined) table.caption = caption;
    this.blocks.push({ kind: "table", table, line: table.line });
    this.k = j;
    return true;
  }
}

export function readPlainText(file: string, content: string): PageModel {
  const reader = new PlainTextReader(textUnits(content));
  return readToPage(file, "plain-text", reader, () => reader.read());
}
