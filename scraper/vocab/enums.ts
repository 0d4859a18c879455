// Vocabulary: enumerated values stated in a description cell, for JSON Schema `enum`
// (JSON Schema 2020-12 Validation §6.1.2). Pure: cell text and its list items in, data out.
//
// Values are taken only where the prose declares them ("Value:", "Valid values:", "The value can
// be", "The options are as follows:", 取值：, 取值为, 枚举值, 可选值) and only when every value
// looks like a token (`[A-Za-z0-9_.:-]+`, no spaces). A list whose items each declare their own
// value (取值为“Auto”，表示…) counts as declared. A declaration followed by nothing at all is
// reported as `declaredButMissing` (the list was lost when the page was published or copied).
//
// Whether a boolean-looking pair (true / false) becomes an enum is the caller's decision (it knows
// the type).

export type EnumInfo = { values?: string[]; declaredButMissing: boolean };

const MAX_TEXT = 20_000;
const MAX_ITEM = 2_000;
const MAX_LISTS = 50;
const MAX_ITEMS = 200;

// The value token itself.
const TOKEN = /^[A-Za-z0-9_.:\-]{1,64}/;
const HAS_ALNUM = /[A-Za-z0-9]/;

// English declarations, only at the start of a sentence or line ("If the value is null, …" is not
// one).
const MARKER_EN = new RegExp(
  String.raw`(?<=^|[.。!?;；:：\n] ?|\n- )(?:` +
    [
      String.raw`(?:valid |possible |allowed |available |enumerated |enumeration |optional )?values?(?: options| range)? ?[:：]`,
      String.raw`(?:the )?(?:only )?(?:valid )?value(?: of this parameter)? (?:can be|is|must be)(?: one of the following(?: values)?)? ?[:：]?`,
      String.raw`(?:the )?options are(?: as follows)? ?[:：]?`,
      String.raw`(?:two|three|four|five|six|the following) options are available ?[:：]?`,
      String.raw`options ?[:：]`,
      String.raw`enumerated values? ?[:：]?`,
    ].join("|") +
    ")" +
    // "…, the value of this parameter can only be the following:" opens a list wherever it stands.
    String.raw`|\b(?:can|can only|must) be (?:one of )?the following(?: values)? ?[:：]`,
  "gi",
);

// Chinese declarations: 取值：, 取值为, 取值如下：, 取值范围：, 枚举值：, 可选值：. Not 取值示例.
const MARKER_ZH =
  /(?:取值(?:范围)?(?:分别)?(?:为|是|如下)?|枚举值(?:为|如下)?|可选值(?:为|如下)?|可选取值(?:为)?) ?[:：]?(?!示例)/g;

// A quoted value after 取 / 取值为: 取值为“Auto”, 取“0”, 取值分别为“mongos”、“shard”和“config”.
const QUOTED_AFTER_QU =
  /取[^“"。，；\n]{0,6}[“"]([^”"\n]{1,64})[”"]((?:\s?(?:、|或者|或|和|及|以及|,|，)\s?[“"][^”"\n]{1,64}[”"]){0,30})/;
const QUOTED = /[“"]([^”"\n]{1,64})[”"]/g;

// Items that state what happens when the value is absent, not a value.
const SKIPPABLE_ITEM =
  /^(?:不传|未传|若不传|如果不传|默认|if this parameter is not|if not specified|if left blank|by default|default)/i;

export function parseEnumValues(cellText: string, listItems: string[][]): EnumInfo {
  const text = normalize(cellText.length > MAX_TEXT ? cellText.slice(0, MAX_TEXT) : cellText);
  const lists = listItems.slice(0, MAX_LISTS).map((l) => l.slice(0, MAX_ITEMS).map((i) => normalizeItem(i)));
  const used = new Set<number>();
  const values: string[] = [];
  let declaredButMissing = false;

  for (const marker of markers(text)) {
    const rest = text.slice(marker.end, marker.end + 2_000).replace(/^ +/, "");
    // "Value: Valid value: …": the first declaration opens the second.
    if (startsWithMarker(rest)) continue;
    const lines = rest.replace(/^\n+/, "").split("\n");
    const line = lines[0] ?? "";

    if (line === "" || line.startsWith("- ")) {
      // A list follows, or should: "Value:\n- BUILDING: …" / "Value:" at the very end.
      const index = listAt(line, text, lists, used);
      if (index !== undefined) {
        used.add(index);
        const fromList = valuesOfList(lists[index] ?? [], false);
        if (fromList) values.push(...fromList);
      } else if (line.startsWith("- ")) {
        const bullets: string[] = [];
        for (const l of lines) {
          if (!l.startsWith("- ")) break;
          bullets.push(l.slice(2));
        }
        const fromList = valuesOfList(bullets, false);
        if (fromList) values.push(...fromList);
      } else if (marker.opener) {
        declaredButMissing = true;
      }
      continue;
    }
    // Cell text without list lines: the list's first item follows the declaration directly.
    const listed = lists.findIndex((l, i) => !used.has(i) && (l[0] ?? "") !== "" && line.startsWith(l[0] ?? ""));
    if (listed >= 0) {
      used.add(listed);
      const fromList = valuesOfList(lists[listed] ?? [], false);
      if (fromList) values.push(...fromList);
      continue;
    }
    // Values as paragraphs, one per line: "Value options:\nfalse: …\ntrue: …".
    const fromLines = rest.startsWith("\n") ? valuesOfLines(lines) : undefined;
    const inline = fromLines ?? inlineValues(line);
    if (inline) values.push(...inline);
  }

  // Lists whose items declare their own values: 取值为“Auto”，表示自动全量备份。
  lists.forEach((list, index) => {
    if (used.has(index)) return;
    const fromList = valuesOfList(list, true);
    if (fromList) values.push(...fromList);
  });

  const unique = [...new Set(values)].filter((v) => v.toLowerCase() !== "null");
  return unique.length > 0 ? { values: unique, declaredButMissing } : { declaredButMissing };
}

// ---------------------------------------------------------------------------------------------

/** Where a declaration ends, and whether it announces a list ("Value:", "as follows", 取值：). */
type Marker = { end: number; opener: boolean };

function markers(text: string): Marker[] {
  const out: Marker[] = [];
  for (const m of text.matchAll(MARKER_EN)) {
    const s = m[0];
    out.push({ end: (m.index ?? 0) + s.length, opener: /[:：]$|following|as follows|available/i.test(s) });
  }
  // Also matches 取值 in prose (参数取值, 取值必须…); what follows then gives no values.
  for (const m of text.matchAll(MARKER_ZH)) {
    const s = m[0];
    out.push({ end: (m.index ?? 0) + s.length, opener: /[:：]$|如下$/.test(s.trimEnd()) });
  }
  return out.sort((a, b) => a.end - b.end);
}

function startsWithMarker(rest: string): boolean {
  const r = rest.replace(/^\s+/, "");
  const en = new RegExp(MARKER_EN.source, "iy").exec(r);
  if (en && /[:：]$/.test(en[0])) return true;
  return /^(?:取值|枚举值|可选值)[^\n]{0,4}[:：]/.test(r);
}

// The list a declaration opens: the unused list whose first item is the bullet line that follows;
// at the end of the text, the first unused list the text does not show (readers that keep lists
// out of the text).
function listAt(line: string, text: string, lists: readonly string[][], used: ReadonlySet<number>): number | undefined {
  if (line.startsWith("- ")) {
    const item = normalizeItem(line.slice(2));
    const index = lists.findIndex(
      (l, i) => !used.has(i) && (l[0] ?? "") !== "" && (l[0] === item || item.startsWith(l[0] ?? "")),
    );
    return index >= 0 ? index : undefined;
  }
  const index = lists.findIndex((l, i) => !used.has(i) && l.length > 0 && !appearsInText(text, l));
  return index >= 0 ? index : undefined;
}

function appearsInText(text: string, list: readonly string[]): boolean {
  const first = list[0] ?? "";
  return first !== "" && text.includes(first);
}

// All items must give a value (items about the parameter being absent are skipped). With
// `selfDeclared`, each item must itself say 取值为“X” / 取“X”.
function valuesOfList(items: readonly string[], selfDeclared: boolean): string[] | undefined {
  const out: string[] = [];
  let counted = 0;
  for (const item of items) {
    if (item === "") continue;
    const quoted = quotedAfterQu(item);
    if (quoted) {
      out.push(...quoted);
      counted++;
      continue;
    }
    if (SKIPPABLE_ITEM.test(item)) continue;
    if (selfDeclared) return undefined;
    const token = itemToken(item);
    if (token === undefined) return undefined;
    out.push(token);
    counted++;
  }
  return counted > 0 ? out : undefined;
}

// Consecutive lines that each give a value; stops at the first line that does not.
function valuesOfLines(lines: readonly string[]): string[] | undefined {
  const out: string[] = [];
  for (const line of lines.slice(0, MAX_ITEMS)) {
    const token = line.startsWith("- ") ? undefined : itemToken(line);
    if (token === undefined) break;
    out.push(token);
  }
  return out.length > 0 ? out : undefined;
}

function quotedAfterQu(item: string): string[] | undefined {
  const m = QUOTED_AFTER_QU.exec(item);
  if (!m) return undefined;
  const values = [m[1] ?? "", ...[...(m[2] ?? "").matchAll(QUOTED)].map((q) => q[1] ?? "")].map((v) => v.trim());
  return values.every(isToken) ? values : undefined;
}

// "BUILDING: Backup in progress", "manual : manual full backup", "normal，表示实例正常。",
// "white (default): …", "true indicates …", "Sharding", "08:15-09:15".
function itemToken(item: string): string | undefined {
  const s = item.replace(/^[“"‘']([^”"’']{1,64})[”"’']/, "$1");
  const m = TOKEN.exec(s);
  if (!m) return undefined;
  let token = m[0];
  let rest = s.slice(token.length);
  // A colon that ends the token: "BUILDING:" then a description.
  const colon = /:(?=\s|$)/.exec(token);
  if (colon) {
    rest = token.slice(colon.index) + rest;
    token = token.slice(0, colon.index);
  }
  token = token.replace(/[.:]+$/, (dots) => {
    rest = dots + rest;
    return "";
  });
  if (!isToken(token)) return undefined;
  if (rest === "" || /^[.。]$/.test(rest)) return token;
  const ends =
    /^(?: ?[:：]| ?[，,]| ?[(（]| [-–—] | (?:indicates|indicating|means|refers to|specifies)\b| ?表示| ?代表| ?[.。]$)/i;
  return ends.test(rest) ? token : undefined;
}

function isToken(v: string): boolean {
  return v.length > 0 && v.length <= 64 && /^[A-Za-z0-9_.:\-]+$/.test(v) && HAS_ALNUM.test(v);
}

// Values written in the sentence after a declaration: "manual (manual full backup).",
// "SOURCE_IP, HTTP_COOKIE, or APP_COOKIE.", "true or false, and the default value is false",
// "“manual”或“auto”", "ULTRAHIGH，表示SSD。", "manual: manual full backup".
function inlineValues(line: string): string[] | undefined {
  const s = line.trim();
  if (s === "") return undefined;
  if (/^[“"]/.test(s)) {
    const m =
      /^[“"]([^”"\n]{1,64})[”"]((?:\s?(?:、|或者|或|和|及|以及|,\s?(?:or\s|and\s)?|，|\sor\s|\sand\s|\/)\s?[“"][^”"\n]{1,64}[”"]){0,30})/.exec(
        s,
      );
    if (!m) return undefined;
    // "取值为“true”时，…" states a condition, not the values.
    if (s.slice(m[0].length).startsWith("时")) return undefined;
    const values = [m[1] ?? "", ...[...(m[2] ?? "").matchAll(QUOTED)].map((q) => q[1] ?? "")].map((v) => v.trim());
    return values.every(isToken) ? values : undefined;
  }
  const values = valueList(s);
  // A lone word that describes rather than names a value: "The value is empty."
  if (values?.length === 1 && NOT_VALUES.has((values[0] ?? "").toLowerCase())) return undefined;
  return values;
}

const NOT_VALUES = new Set([
  "empty",
  "blank",
  "null",
  "none",
  "unique",
  "required",
  "optional",
  "mandatory",
  "reserved",
  "valid",
  "invalid",
  "unsupported",
  "supported",
  "fixed",
  "returned",
  "ignored",
  "left",
  "set",
  "used",
  "not",
]);

// Separators between values; a comma needs a space after it ("1,2,3" is a format, not a list).
const LIST_SEPARATOR = /^(?: ?, (?:or|and) | (?:or|and) | ?, | ?\/ ?|、|，或者|，或|，|或者|或)/;

function valueList(s: string): string[] | undefined {
  const values: string[] = [];
  let pos = 0;
  let lastSeparatorHadComma = false;
  for (let guard = 0; guard < 100; guard++) {
    const one = valueAt(s, pos);
    if (!one) {
      // "true or false, and the default value is false": the list ended at the comma.
      if (values.length > 0 && lastSeparatorHadComma) return values;
      return undefined;
    }
    values.push(one.value);
    pos = one.end;
    const rest = s.slice(pos);
    if (rest === "" || /^[.。;；](?: |$)/.test(rest) || /^[.。;；]$/.test(rest)) return values;
    // A value followed by its meaning: "insert, indicating …", "manual: manual full backup".
    if (/^(?:, ?(?:indicating|which|where|meaning|that)\b|，(?:表示|代表|即)| ?[:：] ?)/i.test(rest)) {
      if (/^ ?[:：]/.test(rest)) {
        // "0 or false: …" describes a pair, and "BUILDING: … COMPLETED: …" is a flattened list.
        if (values.length > 1) return undefined;
        if (/\b[A-Za-z0-9_]{1,64} ?[:：] /.test(rest.slice(2, 400))) return undefined;
      }
      return values;
    }
    const sep = LIST_SEPARATOR.exec(rest);
    if (!sep) return undefined;
    lastSeparatorHadComma = sep[0].includes(",");
    pos += sep[0].length;
  }
  return undefined;
}

// One value at `pos`: optional quotes, a token, an optional parenthetical "(default)".
function valueAt(s: string, pos: number): { value: string; end: number } | undefined {
  let i = pos;
  const open = /^[“"‘']/.exec(s.slice(i, i + 1));
  if (open) i += 1;
  const m = TOKEN.exec(s.slice(i, i + 65));
  if (!m) return undefined;
  let token = m[0];
  // A sentence-final period or a colon belongs to the prose, not the token.
  const trimmed = token.replace(/[.:]+$/, "");
  i += trimmed.length;
  token = trimmed;
  if (open && /^[”"’']/.test(s.slice(i, i + 1))) i += 1;
  if (!isToken(token)) return undefined;
  const paren = /^ ?[(（][^()（）\n]{0,80}[)）]/.exec(s.slice(i, i + 90));
  if (paren) i += paren[0].length;
  const next = s.slice(i, i + 1);
  // The token must end here: end, punctuation, or a space before a separator/meaning.
  if (next !== "" && !/[ ,，.。;；:：、/或]/.test(next)) return undefined;
  if (
    next === " " &&
    !/^ (?:(?:or|and|indicating|indicates|means)\b|\/|[(（]|[:：]|[-–—] )/i.test(s.slice(i, i + 12))
  ) {
    return undefined;
  }
  return { value: token, end: i };
}

function normalize(text: string): string {
  return text
    .replace(/\*\*|`/g, "")
    .replace(/[ \t\r\u00a0\u3000]+/g, " ")
    .replace(/ ?\n[\n ]*/g, "\n")
    .trim();
}

function normalizeItem(item: string): string {
  const s = item.length > MAX_ITEM ? item.slice(0, MAX_ITEM) : item;
  return normalize(s)
    .replace(/\n/g, " ")
    .replace(/^(?:[-•*·] )/, "");
}
