// Links an object-typed row to the table that describes its members: by anchor link, by
// "see Table 5" / "详情请参见表3", by a caption naming the object ("Table 5 backup",
// "backup字段数据结构说明"), and, in formats that lost their captions, by taking the next
// unclaimed table in the same section.
import type { Table, TableRow } from "../page-model.ts";
import type { ColumnMap } from "./columns.ts";
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
  for (const entry of entries) if (entry.number !== undefined) byNumber.set(entry.number, [...(byNumber.get(entry.number) ?? []), entry]);

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
        const named = findByName(entries, from, objectName) ?? findByName(entries, from, fieldName);
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

function findByName(entries: TableEntry[], from: TableEntry, name: string | undefined): TableEntry | undefined {
  if (!name) return undefined;
  // "instances" is described by "instance字段数据结构说明", "loadbalancers" by "loadbalancer parameter description".
  // Prefer the table that follows in the same section: pages repeat captions ("tags字段数据结构说明"
  // for the request and again for the response).
  // The three passes run lazily (no arrays built per call): a row's table usually follows it, so
  // a page of thousands of tables stays near linear.
  const fits = (e: TableEntry): boolean => e !== from && e.captionName !== "" && captionNames(e.captionName.toLowerCase(), name);
  for (const e of entries) if (e.section === from.section && e.index > from.index && !e.claimed && fits(e)) return e;
  for (const e of entries) if (e.index > from.index && fits(e)) return e;
  return entries.find(fits);
}
