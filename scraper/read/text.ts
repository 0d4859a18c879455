// Text helpers shared by the readers: normalisation and the small vocabularies (section titles,
// table header words, value shapes) the text-only formats need to recover structure.
// Everything here is linear: no regex with nested or overlapping quantifiers.

import type { Cell } from "../page-model.ts";

/** Removes a leading byte order mark. */
export function stripBom(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

const INVISIBLE = /[\u0000\u200b\ufeff]/g;
const SPACES = /[ \t\n\r\f\v\u00a0]+/g;

/**
 * Collapses runs of ASCII whitespace and no-break spaces to one space and trims.
 * Anything else (Chinese text, full-width punctuation, the ideographic space) is kept verbatim.
 */
export function normalizeText(s: string): string {
  return s.replace(INVISIBLE, "").replace(SPACES, " ").trim();
}

/** Code text: keeps line structure, drops NULs, trailing spaces on the end and surrounding blank lines. */
export function normalizeCode(s: string): string {
  let t = s.replace(/\u0000/g, "").replace(/\r\n?/g, "\n");
  // Drop leading blank lines and trailing whitespace.
  let start = 0;
  for (;;) {
    const nl = t.indexOf("\n", start);
    if (nl < 0 || t.slice(start, nl).trim() !== "") break;
    start = nl + 1;
  }
  t = t.slice(start).trimEnd();
  return t;
}

function keyOf(s: string): string {
  return normalizeText(s)
    .toLowerCase()
    .replace(/[:：]$/, "");
}

const SECTION_TITLES = new Set(
  [
    "Function",
    "Functions",
    "Function Description",
    "Constraints",
    "Constraint",
    "Restrictions",
    "Precautions",
    "Debugging",
    "Authorization",
    "Authorization Information",
    "URI",
    "URL",
    "Request",
    "Requests",
    "Request Parameters",
    "Request Parameter",
    "Request Message",
    "Request Messages",
    "Request Header",
    "Request Headers",
    "Request Body",
    "Response",
    "Responses",
    "Response Parameters",
    "Response Parameter",
    "Response Message",
    "Response Messages",
    "Returned Value",
    "Returned Values",
    "Example Request",
    "Example Requests",
    "Example Response",
    "Example Responses",
    "Request Example",
    "Request Examples",
    "Response Example",
    "Response Examples",
    "Examples",
    "SDK Sample Code",
    "Status Code",
    "Status Codes",
    "Error Code",
    "Error Codes",
    "功能介绍",
    "功能说明",
    "接口约束",
    "约束限制",
    "调试",
    "授权信息",
    "请求消息",
    "响应消息",
    "请求参数",
    "响应参数",
    "请求示例",
    "响应示例",
    "请求样例",
    "响应样例",
    "SDK代码示例",
    "返回值",
    "状态码",
    "错误码",
  ].map(keyOf),
);
// Not here on purpose: "Description" and "Example", which are also table header words.

/** Whether a line is one of the usual section titles of an API page ("Request Parameters", "请求参数"...). */
export function isSectionTitle(line: string): boolean {
  const t = normalizeText(line);
  if (t.length === 0 || t.length > 40) return false;
  return SECTION_TITLES.has(keyOf(t));
}

/** "Table 3 Request body parameters", "Table 3: ...", "表 3 参数说明", "表3 ...". */
export function isTableCaption(line: string): boolean {
  const t = normalizeText(line);
  if (t.length > 200) return false;
  return /^(?:Table|表)\s?\d+(?:$|[\s:：.-])/.test(t) && !/^Table \d+\.\s*$/.test(t);
}

export type ColumnKind = "name" | "mandatory" | "type" | "description" | "other";

const HEADER_WORDS: Record<string, ColumnKind> = Object.fromEntries(
  (
    [
      ["Parameter", "name"],
      ["Parameters", "name"],
      ["Parameter Name", "name"],
      ["Name", "name"],
      ["Field", "name"],
      ["Header", "name"],
      ["名称", "name"],
      ["参数", "name"],
      ["参数名", "name"],
      ["参数名称", "name"],
      ["字段", "name"],
      ["字段名", "name"],
      ["Mandatory", "mandatory"],
      ["Required", "mandatory"],
      ["Mandatory or Not", "mandatory"],
      ["是否必选", "mandatory"],
      ["是否必填", "mandatory"],
      ["必选", "mandatory"],
      ["必选/可选", "mandatory"],
      ["Type", "type"],
      ["Data Type", "type"],
      ["Parameter Type", "type"],
      ["Value Type", "type"],
      ["类型", "type"],
      ["参数类型", "type"],
      ["数据类型", "type"],
      ["Description", "description"],
      ["Descriptions", "description"],
      ["描述", "description"],
      ["说明", "description"],
      ["参数说明", "description"],
      ["含义", "description"],
      ["Value", "other"],
      ["Value Range", "other"],
      ["Default Value", "other"],
      ["Default", "other"],
      ["Example", "other"],
      ["Example Value", "other"],
      ["取值", "other"],
      ["取值范围", "other"],
      ["默认值", "other"],
      ["示例", "other"],
      ["Status Code", "other"],
      ["Error Code", "other"],
      ["Error Message", "other"],
      ["Solution", "other"],
      ["状态码", "other"],
      ["错误码", "other"],
      ["错误信息", "other"],
      ["处理措施", "other"],
    ] as const
  ).map(([w, k]) => [keyOf(w), k]),
);

/** The kind of a table header cell ("Parameter" -> name, "是否必选" -> mandatory), if it is one. */
export function headerKind(cell: string): ColumnKind | undefined {
  const t = normalizeText(cell);
  if (t.length === 0 || t.length > 30) return undefined;
  return HEADER_WORDS[keyOf(t)];
}

/** Identifier-ish parameter name: `instance_id`, `X-Auth-Token`, `tags[0].key`, no spaces. */
export function isNameLike(s: string): boolean {
  const t = s.trim();
  return t.length > 0 && t.length <= 128 && /^[A-Za-z_$@][\w.\-[\]:$@]*$/.test(t);
}

/** Yes / No / 是 / 否 and friends. */
export function isMandatoryValue(s: string): boolean {
  return /^(?:yes|no|true|false|required|optional|mandatory|是|否|必选|可选|必填|选填)$/i.test(normalizeText(s));
}

const TYPE_WORDS =
  /^(?:string|str|integer|int|int32|int64|long|short|byte|boolean|bool|object|float|double|number|decimal|bigdecimal|array|list|map|set|json|jsonobject|jsonarray|enum|date|datetime|timestamp|uuid|file|binary|any|char|text)(?:$|[\s<[(])/i;

/** String, Integer, Array of strings, List<String>, Map<String,String>, BackupInfo, backup object... */
export function isTypeValue(s: string): boolean {
  const t = normalizeText(s);
  if (t.length === 0 || t.length > 60) return false;
  if (TYPE_WORDS.test(t)) return true;
  if (/^Array of /i.test(t)) return true;
  if (/^[A-Z][A-Za-z0-9_]*(?:\[\])?$/.test(t)) return true; // a capitalised type name
  if (/^[A-Za-z_][\w.]* objects?$/i.test(t)) return true; // "backup object"
  return false;
}

/** "Status code: 200", "状态码：200", "Status code 400". */
export function isStatusCodeLine(s: string): boolean {
  return /^(?:Status code|Status Code|状态码)\s*[:：]?\s*\d{3}$/i.test(normalizeText(s));
}

const BULLET = /^\s*[•◦▪●○·]\s*/;

/** Whether a line is a bullet item of text copied from a rendered page ("  • BUILDING: ..."). */
export function isBulletLine(line: string): boolean {
  return BULLET.test(line);
}

/** The text of a bullet line without its bullet. */
export function bulletText(line: string): string {
  return normalizeText(line.replace(BULLET, ""));
}

/** Whether a (trimmed) line opens a JSON value: `{`, `{"a"...`, `[`, `[{`... */
export function isJsonStart(line: string): boolean {
  const t = line.trim();
  if (t.startsWith("{")) return /^\{\s*(?:"|\}|$|\{|\[)/.test(t);
  if (t.startsWith("[")) return /^\[\s*(?:\{|"|\[|\]|-?\d|true|false|null|$)/.test(t);
  return false;
}

/** Tracks the bracket depth of JSON-ish text, string- and escape-aware, line by line. */
export class BraceBalance {
  depth = 0;
  private inString = false;
  private escaped = false;
  /** Feeds one line; returns the depth after it. */
  feed(line: string): number {
    for (let i = 0; i < line.length; i++) {
      const c = line.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 92 /* \ */) this.escaped = true;
        else if (c === 34 /* " */) this.inString = false;
        continue;
      }
      if (c === 34) this.inString = true;
      else if (c === 123 || c === 91) this.depth++;
      else if (c === 125 || c === 93) this.depth--;
    }
    // A string never spans lines in JSON; recover from an unbalanced quote at the line end.
    this.inString = false;
    this.escaped = false;
    return this.depth;
  }
}

/** One piece of a text-only page: a line of text, a bullet line, or a (multi-line) code block. */
export interface TextUnit {
  kind: "text" | "bullet" | "code";
  text: string;
  line: number;
}

/**
 * Builds a cell from text units: text lines are paragraphs, consecutive bullets one list,
 * code a paragraph of its (whitespace-collapsed) text.
 */
export function cellFromUnits(units: readonly TextUnit[], line: number): Cell {
  const paragraphs: string[] = [];
  const lists: string[][] = [];
  const lines: string[] = [];
  let list: string[] | undefined;
  for (const u of units) {
    if (u.kind === "bullet") {
      const t = bulletText(u.text);
      if (t === "") continue;
      if (!list) lists.push((list = []));
      list.push(t);
      lines.push(`- ${t}`);
      continue;
    }
    list = undefined;
    const t = normalizeText(u.text);
    if (t === "") continue;
    paragraphs.push(t);
    lines.push(t);
  }
  return { text: lines.join("\n"), paragraphs, lists, links: [], line };
}

/**
 * If line `start` opens a JSON value, how many lines the value spans (until the brackets balance;
 * an unbalanced value ends before a line `stop` accepts, or at the end). Else 0.
 */
export function jsonSpan(
  lines: readonly { text: string }[],
  start: number,
  stop: (text: string, index: number) => boolean,
): number {
  const first = lines[start];
  if (!first || !isJsonStart(first.text)) return 0;
  const balance = new BraceBalance();
  let lastContent = start;
  for (let j = start; j < lines.length; j++) {
    const t = lines[j]!.text;
    if (j > start && t.trim() !== "" && stop(t, j)) return lastContent - start + 1;
    if (t.trim() !== "") lastContent = j;
    if (balance.feed(t) <= 0) return j - start + 1;
  }
  return lastContent - start + 1;
}
