// Links an object-typed row to the table that describes its members: by anchor link, by
// "see Table 5" / "详情请参见表3", by a caption naming the object ("Table 5 backup",
// "backup字段数据结构说明"), and, in formats that lost their captions, by taking the next
// unclaimed table in the same section.
import type { Table, TableRow } from "../page-model.ts";
import { mapColumns, type ColumnMap } from "./columns.ts";
import type { Section } from "./sections.ts";

export interface TableEntry {
  table: Table;
  /** Document order among all tables of the page. */
  index: number;
  section: Section;
  columns?: ColumnMap;
  /** The number in "Table 5 ..." / "表 5 ...", if captioned. */
  number?: number;
  /** Caption without its "Table N" prefix. */
  captionName: string;
  claimed: boolean;
}

export type RefTarget = { entry: TableEntry; misdirected?: TableEntry } | { missing: string } | undefined;

const captionNumberPattern = /^\s*(?:table|表)\s*(\d{1,4})\s*[.:：]?\s*/i;
const tableMentionPattern = /(?:table|表)[ \t]*(\d{1,4})/gi;
const seeTablePattern = /(?:see|refer to|详情请参见|请参见|参见|参考)[^.。\n]{0,40}?(?:table|表)/i;

export function describeCaption(caption: string | undefined): { number?: number; name: string } {
  if (!caption) return { name: "" };
  const match = captionNumberPattern.exec(caption);
  if (!match) return { name: caption.trim() };
  return { number: Number(match[1]), name: caption.slice(match[0].length).trim() };
}

export function tableLabel(entry: TableEntry): string {
  const caption = entry.table.caption?.replace(/\s+/g, " ").trim();
  return caption ? caption : `table ${entry.index + 1} (no caption)`;
}

export interface RefResolver {
  resolve(from: TableEntry, row: TableRow, descriptionText: string, objectName: string | undefined, fieldName: string): RefTarget;
}

export function createRefResolver(entries: TableEntry[]): RefResolver {
  const captionsLost = entries.every((e) => !e.table.caption);
  const byAnchor = new Map<string, TableEntry>();
  for (const entry of entries) for (const anchor of entry.table.anchors) byAnchor.set(anchor, entry);
  // Tables by caption number, in document order: a lookup per "see Table N" instead of a scan.
  const byNumber = new Map<number, TableEntry[]>();
  for (const entry of entries) {
    if (entry.number === undefined) continue;
    const list = byNumber.get(entry.number);
    if (list) list.push(entry);
    else byNumber.set(entry.number, [entry]);
  }
  const byCaptionName = captionIndex(entries);

  const claim = (entry: TableEntry | undefined, from: TableEntry): TableEntry | undefined => {
    if (!entry || entry === from) return undefined;
    entry.claimed = true;
    return entry;
  };

  return {
    resolve(from, row, descriptionText, objectName, fieldName) {
      const mentioned = [...descriptionText.matchAll(tableMentionPattern)].map((m) => Number(m[1]));
      const saysSeeTable = mentioned.length > 0 && seeTablePattern.test(descriptionText);
      if (!captionsLost) {
        const named = findByName(entries, byCaptionName, from, objectName) ?? findByName(entries, byCaptionName, from, fieldName);
        const explicit =
          linkedTable(row, byAnchor, from) ?? mentioned.map((n) => byNumber.get(n)?.find((e) => e !== from)).find(Boolean);
        if (explicit) {
          // Pages copy rows between request and response and keep the old "see Table N": when
          // the table pointed at describes something else (or sits in the other section) and a
          // table named after the field follows in this section, the name wins and the doc
          // defect is reported.
          const describesField = namesField(explicit, [objectName, fieldName]) && explicit.section === from.section;
          if (named && named !== explicit && named.section === from.section && !describesField) {
            return { entry: claim(named, from)!, misdirected: explicit };
          }
          return { entry: claim(explicit, from)! };
        }
        if (named) return { entry: claim(named, from)! };
        if (saysSeeTable) return { missing: `Table ${mentioned[0]}` };
        return undefined;
      }
      if (!saysSeeTable && objectName === undefined) return undefined;
      const next = entries.find(
        (e) => e.index > from.index && e.section === from.section && !e.claimed && e.columns !== undefined,
      );
      if (next) return { entry: claim(next, from)! };
      return { missing: mentioned.length > 0 ? `Table ${mentioned[0]}` : `the table describing ${fieldName}` };
    },
  };
}

function linkedTable(row: TableRow, byAnchor: Map<string, TableEntry>, from: TableEntry): TableEntry | undefined {
  for (const cell of row.cells) {
    for (const link of cell.links) {
      const hash = link.href.includes("#") ? link.href.slice(link.href.indexOf("#") + 1) : "";
      const target = hash ? byAnchor.get(hash) : undefined;
      if (target && target !== from) return target;
    }
  }
  return undefined;
}

export function namesField(entry: TableEntry, names: (string | undefined)[]): boolean {
  return names.some((name) => name !== undefined && captionNames(entry.captionName.toLowerCase(), name));
}

/**
 * Whether the caption of `entry` could name a field whose lower-case name is in `names` (a
 * superset is fine; `longest` is the longest of them): exact as a pre-check for `namesField`.
 * A field name has no whitespace, so only prefixes of the caption's first word can be one, and
 * checking those costs the length of that word, not the number of fields.
 */
export function captionMayName(entry: TableEntry, names: ReadonlySet<string>, longest: number): boolean {
  const caption = entry.captionName.toLowerCase();
  const firstSpace = caption.search(/\s/);
  const end = Math.min(firstSpace < 0 ? caption.length : firstSpace, longest);
  for (let k = 1; k <= end; k++) {
    const prefix = caption.slice(0, k);
    for (const name of [prefix, `${prefix}s`]) if (names.has(name) && captionNames(caption, name)) return true;
  }
  return false;
}

function captionNames(caption: string, name: string): boolean {
  const names = [name.toLowerCase()];
  if (/[a-z]s$/i.test(name)) names.push(name.toLowerCase().slice(0, -1));
  return names.some((lower) => {
    if (caption === lower) return true;
    if (!caption.startsWith(lower)) return false;
    const rest = caption.slice(lower.length);
    return /^(\s+(field|parameter|object|structure|data)|字段|参数|对象|数据结构|\s*$)/.test(rest);
  });
}

// Longest caption prefix indexed; a longer field name (or one with a space: rows are resolved
// before their names are checked) falls back to scanning every table.
const MAX_NAME_KEY = 256;
const NAME_SUFFIXES_ZH = ["字段", "参数", "对象", "数据结构"];

/**
 * Tables by the (lower-case) field names their caption can name, in document order: exactly the
 * prefixes `captionNames` accepts ("backup" for "backup字段数据结构说明" and for "backup field
 * description"). Field names have no whitespace, so only prefixes of the caption's first word
 * count. One lookup per row instead of a scan of every table.
 */
function captionIndex(entries: readonly TableEntry[]): Map<string, TableEntry[]> {
  const index = new Map<string, TableEntry[]>();
  for (const entry of entries) {
    const caption = entry.captionName.toLowerCase();
    if (caption === "") continue;
    const firstSpace = caption.search(/\s/);
    const wordEnd = firstSpace < 0 ? caption.length : firstSpace;
    const keys: string[] = [];
    for (let k = 1; k <= Math.min(wordEnd, MAX_NAME_KEY); k++) {
      const valid = k === wordEnd ? restNamesField(caption, k) : NAME_SUFFIXES_ZH.some((w) => caption.startsWith(w, k));
      if (valid) keys.push(caption.slice(0, k));
    }
    for (const key of keys) {
      const list = index.get(key);
      if (list) list.push(entry);
      else index.set(key, [entry]);
    }
  }
  return index;
}

/** `captionNames`' rule for the rest of a caption after the end of its first word at `k`. */
function restNamesField(caption: string, k: number): boolean {
  if (k >= caption.trimEnd().length) return true;
  let e = k;
  while (e < caption.length && /\s/.test(caption[e]!)) e++;
  return /^(?:field|parameter|object|structure|data)/.test(caption.slice(e, e + 9));
}

function findByName(
  entries: readonly TableEntry[],
  index: Map<string, TableEntry[]>,
  from: TableEntry,
  name: string | undefined,
): TableEntry | undefined {
  if (!name) return undefined;
  // "instances" is described by "instance字段数据结构说明", "loadbalancers" by "loadbalancer parameter description".
  // Prefer the table that follows in the same section: pages repeat captions ("tags字段数据结构说明"
  // for the request and again for the response).
  const lower = name.toLowerCase();
  let candidates: readonly TableEntry[];
  if (lower.length > MAX_NAME_KEY || /\s/.test(lower)) {
    candidates = entries.filter((e) => e.captionName !== "" && captionNames(e.captionName.toLowerCase(), name));
  } else {
    const plain = index.get(lower) ?? [];
    const singular = /[a-z]s$/i.test(name) ? (index.get(lower.slice(0, -1)) ?? []) : [];
    candidates = singular.length === 0 ? plain : plain.length === 0 ? singular : [...new Set([...plain, ...singular])].sort((a, b) => a.index - b.index);
  }
  // Candidates are in document order: the first two passes start after `from`.
  let after = 0;
  for (let hi = candidates.length; after < hi; ) {
    const mid = (after + hi) >> 1;
    if (candidates[mid]!.index > from.index) hi = mid;
    else after = mid + 1;
  }
  for (let i = after; i < candidates.length; i++) {
    const e = candidates[i]!;
    if (e.section === from.section && !e.claimed && e !== from) return e;
  }
  return candidates[after] ?? candidates.find((e) => e !== from);
}

/** Every table of the page, in document order, with its section, columns and caption number. */
export function tableEntries(sections: Section[]): TableEntry[] {
  const entries: TableEntry[] = [];
  for (const section of sections) {
    for (const block of section.blocks) {
      if (block.kind !== "table") continue;
      const { number, name } = describeCaption(block.table.caption);
      entries.push({
        table: block.table,
        index: entries.length,
        section,
        columns: mapColumns(block.table),
        ...(number !== undefined ? { number } : {}),
        captionName: name,
        claimed: false,
      });
    }
  }
  return entries;
}
