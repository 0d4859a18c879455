// Vocabulary: constraints stated in prose in a description cell, mapped to JSON Schema
// validation keywords (JSON Schema 2020-12 Validation §6.2 numeric: minimum/maximum, §6.3
// string: minLength/maxLength/pattern; §9.2 `default`). Pure: text in, data out.
//
// Conservative by design: a keyword is produced only when the prose states it plainly. When
// prose statements disagree (typically conditional ones: "For TCP listeners, 10 to 4000 ... for
// HTTP listeners, 0 to 4000") the loosest bound wins, since a too-tight schema rejects valid
// values; an explicit "Minimum characters: 4" / "Minimum: 1" line wins over prose. Differing
// defaults produce no default.
//
// Every regex here is linear on adversarial input: literal anchors, bounded repetition
// (`{1,15}`, `{0,5}`), no nested unbounded quantifiers, look-behinds that stop a digit run from
// being re-scanned at every offset.

import type { TypeKind } from "./types.ts";

export type ProseConstraints = {
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  default?: string | number | boolean;
  forbiddenChars?: string;
};

type Bound = "minLength" | "maxLength" | "minimum" | "maximum";
type Candidate = { bound: Bound; value: number; explicit: boolean };

// ---------------------------------------------------------------------------------------------
// Building blocks (strings, so they compose into several regexes).

// A number: 1, -1, 10,000, 0.5. The look-behind stops the engine from retrying inside a run of
// digits, which keeps the scan linear.
const NUM = String.raw`(?<![\d.])(-?(?:\d{1,3}(?:,\d{3}){1,4}(?!\d)|\d{1,15})(?:\.\d{1,9})?)(?![\d])`;
// An optional unit after a number in a numeric range ("10GB~2000GB", "1~100条").
const UNIT = String.raw`(?:\s?(?:GB|MB|KB|TB|天|秒|个|条|次|%))?`;
// Range separators: 4~64, 4～64, 0-65535, 1 to 100, 4至64.
const SEP = String.raw`\s?(?:[~～\-–—]|至|到)\s?|\s(?:to|and)\s`;
// Length units.
const CHARS = String.raw`\s?(?:个)?\s?(?:unicode\s?)?(?:characters?|chars|字符|位)`;

const rx = (source: string, flags = "gi"): RegExp => new RegExp(source, flags);

// Lengths, as prose.
const LENGTH_RANGE = rx(String.raw`${NUM}(?:${SEP})${NUM}${CHARS}`);
const LENGTH_MAX = rx(
  String.raw`(?:maximum of|max\. of|up to|at most|no more than|not more than|not exceed|not exceeding|cannot exceed|no longer than|最大长度为|最大长度是|最大长度|长度不超过|长度不能超过|长度最大为|不超过|不能超过|最多|最长)\s?${NUM}${CHARS}`,
);
const LENGTH_MIN = rx(
  String.raw`(?:minimum of|at least|no less than|not less than|no fewer than|最小长度为|最小长度是|最小长度|长度不少于|长度不小于|长度至少为|至少)\s?${NUM}${CHARS}`,
);
// Lengths, explicit: "Minimum characters: 4", "Maximum length: 64", "最大长度：64".
const LENGTH_MIN_EXPLICIT = rx(
  String.raw`(?:minimum|min\.?)\s(?:characters|length)\s?[:：]\s?${NUM}|最小长度[:：]\s?${NUM}`,
);
const LENGTH_MAX_EXPLICIT = rx(
  String.raw`(?:maximum|max\.?)\s(?:characters|length)\s?[:：]\s?${NUM}|最大长度[:：]\s?${NUM}`,
);
// ELB v3 "Minimum: 1 Maximum: 255": lengths for strings, values for numbers.
const MIN_EXPLICIT = rx(String.raw`\bminimum\s?[:：]\s?${NUM}|最小值\s?[:：]\s?${NUM}`);
const MAX_EXPLICIT = rx(String.raw`\bmaximum\s?[:：]\s?${NUM}|最大值\s?[:：]\s?${NUM}`);

// Numeric ranges, as prose.
const VALUE_RANGE = rx(
  String.raw`(?:ranges? from|ranging from|in the range of|in the range from|between|value range(?: is)?\s?[:：]?|range of values\s?[:：]?|valid range\s?[:：]?|取值范围(?:为|是)?\s?[:：]?|数值范围\s?[:：]?|范围为|范围是)\s?(?:from\s)?${NUM}${UNIT}(?:${SEP})${NUM}${UNIT}`,
);
// "…200–299, 400–499, or 500–599": several ranges, not one; see `numericRanges`.
const ANOTHER_RANGE = /^\s?(?:,|，|、|;|；|or\b|或)\s?(?:or\s)?-?\d/i;
const VALUE_MAX = rx(String.raw`(?:maximum value is|max value is|最大值为|最大值是)\s?${NUM}`);
const VALUE_MIN = rx(String.raw`(?:minimum value is|min value is|最小值为|最小值是)\s?${NUM}`);

// Defaults.
// The value must end the phrase: "The value can be TLS 1.2 …, and the default value is TLS 1.2"
// is not a default of "TLS".
const DEFAULT_VALUE = String.raw`["“'‘]?([^\s"“”'‘’,，。;；()（）]{1,64})(?=["”'’]?(?:$|[,，。;；)）\n]|\.(?:\s|$)| (?:indicating|which|meaning|and|if|when|for|in|unless|by|otherwise)\b))`;
const DEFAULTS: readonly RegExp[] = [
  rx(String.raw`\bdefault value(?: of this parameter)? (?:is|is set to|will be)\s${DEFAULT_VALUE}`),
  rx(String.raw`\bdefaults to\s${DEFAULT_VALUE}`),
  rx(String.raw`\bdefault(?: value)?\s?[:：]\s?${DEFAULT_VALUE}`),
  rx(String.raw`默认值?(?:为|是|[:：])\s?${DEFAULT_VALUE}`),
  rx(String.raw`默认(?:查询|返回|显示)前?\s?${NUM}\s?条`),
  rx(String.raw`默认取\s?${NUM}`),
  rx(String.raw`(?<![A-Za-z0-9_.:\-])([A-Za-z0-9_.:\-]{1,64})\s?[(（]default[)）]`),
];
const NOT_A_DEFAULT = new Set([
  "the",
  "a",
  "an",
  "empty",
  "left",
  "blank",
  "null",
  "none",
  "nil",
  "not",
  "no",
  "used",
  "determined",
  "specified",
  "unspecified",
  "same",
  "value",
  "this",
  "that",
  "as",
  "set",
  "automatically",
]);

// Forbidden characters.
const NEGATION = String.raw`\b(?:cannot|can't|can not|must not|may not|should not|shall not|does not|do not)\s(?:contain|include)\s`;
const WORDS = String.raw`(?:[A-Za-z]{1,15}\s){0,5}`;
const FORBIDDEN_PAREN = rx(String.raw`${NEGATION}${WORDS}[(（]([^()（）]{1,40})[)）]`);
const FORBIDDEN_COLON = rx(
  String.raw`${NEGATION}${WORDS}(?:[A-Za-z]{1,15})?\s?[:：]\s?([^\sA-Za-z0-9\u4e00-\u9fff]{1,40})`,
);
const FORBIDDEN_ZH = rx(
  String.raw`(?:不能|不可|不得|不允许|禁止)(?:包含|含有|输入|使用)(?:以下|如下)?(?:特殊字符|字符)?\s?[:：]?\s?([^\s\p{L}\p{N}，。、；：（）]{1,40})`,
  "gu",
);

// Allowed characters.
const ALLOWED_EN: readonly RegExp[] = [
  rx(String.raw`\b(?:can|may|must)?\s?(?:contains?|include|includes)\s(?:only|just)\s`),
  rx(String.raw`\b(?:can|may|must)\sonly\s(?:contain|include|consist of)\s`),
  rx(String.raw`\bconsists?\s(?:only\s)?of\s`),
  rx(String.raw`\bconsisting\s(?:only\s)?of\s`),
  rx(String.raw`\bis limited to\s`),
];
const ONLY_ARE_ALLOWED = rx(String.raw`\bonly\s([^.;。]{1,200}?)\sare (?:allowed|supported|permitted)`);
const ALLOWED_ZH = rx(
  String.raw`(?<![不非无])(?:只能|仅能|仅可|只可|仅支持|只支持|可以|可|支持)包含|由(?=[^。；]{1,80}组成)`,
);
const ALLOWED_ZH_EXCLUSIVE = /不能包含其他|不能包含其它|不允许包含其他|其他字符不允许/;
const CHARSET_ZH = rx(String.raw`字符集\s?[:：]\s?`);
const START_EN = rx(String.raw`\b(?:start|starts|begin|begins)\swith\s`);
const START_ZH = rx(String.raw`(?<![可所加予难足得])以([^，,。；;（(以]{1,20})开头`);

const MAX_SCAN = 200_000;

export function parseProseConstraints(text: string, kind: TypeKind): ProseConstraints {
  const t = normalize(text.length > MAX_SCAN ? text.slice(0, MAX_SCAN) : text);
  const out: ProseConstraints = {};

  if (kind === "string") {
    Object.assign(out, settle(stringLengths(t)));
    const chars = characterRules(t, out.minLength);
    if (chars.forbiddenChars) out.forbiddenChars = chars.forbiddenChars;
    // A regular expression the doc writes out wins over one built from its prose. Read from the
    // raw text: normalising would change the pattern (`**`, dashes, spaces).
    const stated = statedPattern(text.length > MAX_SCAN ? text.slice(0, MAX_SCAN) : text);
    if (stated) out.pattern = stated;
    else if (chars.pattern) out.pattern = chars.pattern;
  } else if (kind === "integer" || kind === "number") {
    Object.assign(out, settle(numericRanges(t)));
  }

  if (kind === "string" || kind === "integer" || kind === "number" || kind === "boolean") {
    const d = defaultValue(t, kind);
    if (d !== undefined) out.default = d;
  }
  return order(out);
}

// ---------------------------------------------------------------------------------------------

// Whitespace collapsed, line breaks kept (a paragraph or list item ends a clause).
function normalize(text: string): string {
  return text
    .replace(/\*\*/g, "")
    .replace(/[ \t\r\f\v\u00a0\u3000]+/g, " ")
    .replace(/ ?\n[\n ]*/g, "\n")
    .replace(/[–—]/g, "-")
    .trim();
}

function stringLengths(t: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of t.matchAll(LENGTH_RANGE)) pushRange(out, m[1], m[2], "minLength", "maxLength", false);
  for (const m of t.matchAll(LENGTH_MAX)) push(out, "maxLength", m[1], false);
  for (const m of t.matchAll(LENGTH_MIN)) push(out, "minLength", m[1], false);
  for (const m of t.matchAll(LENGTH_MIN_EXPLICIT)) push(out, "minLength", m[1] ?? m[2], true);
  for (const m of t.matchAll(LENGTH_MAX_EXPLICIT)) push(out, "maxLength", m[1] ?? m[2], true);
  for (const m of t.matchAll(MIN_EXPLICIT)) push(out, "minLength", m[1] ?? m[2], true);
  for (const m of t.matchAll(MAX_EXPLICIT)) push(out, "maxLength", m[1] ?? m[2], true);
  return out.filter((c) => c.value >= 0 && Number.isInteger(c.value));
}

function numericRanges(t: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of t.matchAll(VALUE_RANGE)) {
    const after = t.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 12);
    if (ANOTHER_RANGE.test(after)) continue;
    pushRange(out, m[1], m[2], "minimum", "maximum", false);
  }
  for (const m of t.matchAll(VALUE_MIN)) push(out, "minimum", m[1], false);
  for (const m of t.matchAll(VALUE_MAX)) push(out, "maximum", m[1], false);
  for (const m of t.matchAll(MIN_EXPLICIT)) push(out, "minimum", m[1] ?? m[2], true);
  for (const m of t.matchAll(MAX_EXPLICIT)) push(out, "maximum", m[1] ?? m[2], true);
  return out;
}

function pushRange(
  out: Candidate[],
  lo: string | undefined,
  hi: string | undefined,
  min: Bound,
  max: Bound,
  explicit: boolean,
): void {
  const a = toNumber(lo);
  const b = toNumber(hi);
  if (a === undefined || b === undefined || a > b) return;
  out.push({ bound: min, value: a, explicit }, { bound: max, value: b, explicit });
}

function push(out: Candidate[], bound: Bound, raw: string | undefined, explicit: boolean): void {
  const value = toNumber(raw);
  if (value !== undefined) out.push({ bound, value, explicit });
}

function toNumber(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw.replace(/,/g, ""));
  return Number.isFinite(n) ? n : undefined;
}

// Explicit statements win; among equals the loosest bound wins.
function settle(candidates: readonly Candidate[]): Partial<Record<Bound, number>> {
  const out: Partial<Record<Bound, number>> = {};
  for (const bound of ["minLength", "maxLength", "minimum", "maximum"] as const) {
    const all = candidates.filter((c) => c.bound === bound);
    const explicit = all.filter((c) => c.explicit);
    const pool = explicit.length > 0 ? explicit : all;
    if (pool.length === 0) continue;
    const values = pool.map((c) => c.value);
    out[bound] = bound.startsWith("min") ? Math.min(...values) : Math.max(...values);
  }
  if (out.minLength !== undefined && out.maxLength !== undefined && out.minLength > out.maxLength) {
    delete out.minLength;
    delete out.maxLength;
  }
  if (out.minimum !== undefined && out.maximum !== undefined && out.minimum > out.maximum) {
    delete out.minimum;
    delete out.maximum;
  }
  return out;
}

function defaultValue(
  t: string,
  kind: "string" | "integer" | "number" | "boolean",
): string | number | boolean | undefined {
  const found = new Map<string, string | number | boolean>();
  for (const re of DEFAULTS) {
    for (const m of t.matchAll(re)) {
      const v = typedDefault(m[1], kind);
      if (v !== undefined) found.set(`${typeof v}:${String(v)}`, v);
    }
  }
  if (found.size !== 1) return undefined;
  return [...found.values()][0];
}

function typedDefault(
  raw: string | undefined,
  kind: "string" | "integer" | "number" | "boolean",
): string | number | boolean | undefined {
  if (raw === undefined) return undefined;
  const v = raw.replace(/["”'’]+$/, "").replace(/(?<=.)[.。:：]$/, "");
  if (v.length === 0 || NOT_A_DEFAULT.has(v.toLowerCase())) return undefined;
  switch (kind) {
    case "integer":
      return /^-?\d{1,15}$/.test(v) ? Number(v) : undefined;
    case "number":
      return /^-?\d{1,15}(?:\.\d{1,9})?$/.test(v) ? Number(v) : undefined;
    case "boolean":
      return /^true$/i.test(v) ? true : /^false$/i.test(v) ? false : undefined;
    case "string":
      // Only a token-like default; Chinese words after 默认为 are prose ("默认为空数组").
      return /^[\x21-\x7e]{1,64}$/.test(v) ? v : undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// A regular expression stated in the doc: "Regular expression: ^[a-zA-Z0-9_-]{1,64}$",
// "正则表达式：^[a-z]{1,8}$", "must match the regular expression `^\d+$`". Copied as written;
// whether it is safe to use is the caller's check (vocab/safe-pattern.ts). Not "regular
// expression match (REGEX)" nor "严格UUID正则校验": without a colon the pattern must be quoted or
// start with `^`, and it must contain regex syntax.

const STATED_PATTERN =
  /(?:regular expression|regex|正则表达式|正则)(?: is|为|是)?\s?(?:([:：])\s?)?(?:`([^`\n]{1,1000})`|["“]([^"”\n]{1,1000})["”]|(\S{1,1000}))/gi;
const REGEX_SYNTAX = /[\^$[\]\\(){}*+?|]/;

function statedPattern(text: string): string | undefined {
  const found = new Set<string>();
  for (const m of text.matchAll(STATED_PATTERN)) {
    const quoted = m[2] ?? m[3];
    let p = quoted ?? m[4] ?? "";
    if (quoted === undefined) {
      if (m[1] === undefined && !p.startsWith("^")) continue;
      // A sentence end after the closing `$` belongs to the prose.
      p = p.replace(/(?<=\$)[.。,，;；)）]{1,3}$/, "");
    }
    if (REGEX_SYNTAX.test(p)) found.add(p);
  }
  // Two different stated patterns (conditional prose): none is the rule.
  return found.size === 1 ? [...found][0] : undefined;
}

// ---------------------------------------------------------------------------------------------
// Characters: allowed classes, start character, forbidden characters -> pattern.

type CharSet = { ranges: Set<Range>; chars: Set<string> };
type Range = "A-Z" | "a-z" | "0-9" | "CJK";

function characterRules(t: string, minLength: number | undefined): { pattern?: string; forbiddenChars?: string } {
  const forbidden = forbiddenChars(t);
  const allowed = allowedChars(t);
  const start = startChars(t);
  const out: { pattern?: string; forbiddenChars?: string } = {};
  if (forbidden) out.forbiddenChars = forbidden;
  if (allowed && start !== "unknown") {
    if (!start) out.pattern = `^[${classBody(allowed)}]*$`;
    else if (isSubset(start, allowed)) {
      const body = `[${classBody(start)}][${classBody(allowed)}]*`;
      // An empty value has no first character; keep it valid unless a minimum length excludes it.
      out.pattern = minLength !== undefined && minLength >= 1 ? `^${body}$` : `^(?:${body})?$`;
    }
  }
  if (!out.pattern && forbidden) out.pattern = `^[^${escapeClassChars([...forbidden])}]*$`;
  return out;
}

function forbiddenChars(t: string): string | undefined {
  const chars: string[] = [];
  const add = (s: string): void => {
    for (const c of s) if (!chars.includes(c)) chars.push(c);
  };
  for (const m of t.matchAll(FORBIDDEN_PAREN)) {
    const list = symbolList(m[1] ?? "");
    if (list) add(list);
  }
  for (const m of t.matchAll(FORBIDDEN_COLON)) add(trimSentenceEnd(m[1] ?? ""));
  for (const m of t.matchAll(FORBIDDEN_ZH)) add(trimSentenceEnd((m[1] ?? "").replace(/等$/, "")));
  return chars.length > 0 ? chars.join("") : undefined;
}

// ">!<\"&'=" or "< and >" or "<、>" -> the symbols; undefined if the text holds words.
function symbolList(s: string): string | undefined {
  const stripped = s.replace(/\s(?:and|or)\s|, |、|和|或|及/g, "").replace(/\s/g, "");
  if (stripped.length === 0) return undefined;
  return /^[\p{P}\p{S}]+$/u.test(stripped) ? stripped : undefined;
}

function trimSentenceEnd(s: string): string {
  return s.length > 1 ? s.replace(/[.。,，;；]$/, "") : s;
}

// Every clause that states the allowed characters; when two of them disagree (conditional prose:
// "If type is HOST_NAME, ... only letters, digits, hyphens (-), and periods (.). If type is PATH,
// ... only letters, digits, and special characters _~';@^-%#&$") no single pattern is right.
function allowedChars(t: string): CharSet | undefined {
  const sets: CharSet[] = [];
  for (const re of ALLOWED_EN) {
    for (const m of t.matchAll(re)) {
      const set = parseClause(clauseAfter(t, (m.index ?? 0) + m[0].length, "en"), "en");
      if (set) sets.push(set);
    }
  }
  for (const m of t.matchAll(ONLY_ARE_ALLOWED)) {
    const set = parseClause(m[1] ?? "", "en");
    if (set) sets.push(set);
  }
  for (const m of t.matchAll(CHARSET_ZH)) {
    const set = parseClause(clauseAfter(t, (m.index ?? 0) + m[0].length, "zh-list"), "zh-list");
    if (set) sets.push(set);
  }
  for (const m of t.matchAll(ALLOWED_ZH)) {
    const from = (m.index ?? 0) + m[0].length;
    const clause = clauseAfter(t, from, "zh").replace(/组成$/, "");
    const exclusive = !/^(?:可以|可|支持)包含/.test(m[0]) || ALLOWED_ZH_EXCLUSIVE.test(t.slice(from, from + 200));
    if (!exclusive) continue;
    const set = parseClause(clause, "zh");
    if (set) sets.push(set);
  }
  return agreed(sets);
}

function agreed(sets: readonly CharSet[]): CharSet | undefined {
  const first = sets[0];
  if (!first) return undefined;
  return sets.every((s) => isSubset(s, first) && isSubset(first, s)) ? first : undefined;
}

// The clause after a marker: up to a sentence end that is not inside parentheses (so
// "periods (.)" survives), at most 200 characters.
function clauseAfter(t: string, from: number, lang: "en" | "zh" | "zh-list"): string {
  let depth = 0;
  let end = Math.min(t.length, from + 200);
  for (let i = from; i < end; i++) {
    const c = t[i] ?? "";
    if (c === "(" || c === "（") depth++;
    else if (c === ")" || c === "）") depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      // "." and ";" end a sentence only after a word and before a space: inside a run of
      // symbols ("special characters !$&'()*+,-./:;=?@^_`") they are listed characters.
      const afterWord = /[\p{L}\p{N})）]/u.test(t[i - 1] ?? "");
      const beforeSpace = i + 1 >= t.length || t[i + 1] === " " || t[i + 1] === "\n";
      const stop =
        c === "\n" ||
        c === "。" ||
        c === "；" ||
        (lang === "zh" && (c === "，" || c === ",")) ||
        ((c === "." || c === ";") && afterWord && beforeSpace);
      if (stop) {
        end = i;
        break;
      }
    }
  }
  return t.slice(from, end);
}

const SEPARATORS: Record<"en" | "zh" | "zh-list", RegExp> = {
  en: /,\s(?:and|or)\s|,\s|\sand\s|\sor\s|\sas well as\s/,
  zh: /、|或者|以及|或|和|及|,\s?|，/,
  "zh-list": /，|、|,\s?/,
};

// "letters, digits, hyphens (-), and underscores (_)" -> a character set; undefined when any
// item is not understood (never guess).
function parseClause(clause: string, lang: "en" | "zh" | "zh-list"): CharSet | undefined {
  if (clause.length === 0 || clause.length > 200) return undefined;
  const set: CharSet = { ranges: new Set(), chars: new Set() };
  const items = clause.split(SEPARATORS[lang]).map((s) => s.trim());
  let understood = 0;
  for (const item of items) {
    if (item.length === 0) continue;
    // English clauses run on into the next verb: "..., and must start with a letter".
    if (lang === "en" && /^(?:and\s|it\s|must\b|cannot\b|can\b|should\b|is\b|are\b|which\b|that\b)/i.test(item)) break;
    if (!addItem(set, item)) return undefined;
    understood++;
  }
  return understood > 0 ? set : undefined;
}

const CLASS_WORDS: ReadonlyMap<string, readonly Range[] | string> = new Map<string, readonly Range[] | string>([
  ["letters", ["A-Z", "a-z"]],
  ["letter", ["A-Z", "a-z"]],
  ["english letters", ["A-Z", "a-z"]],
  ["uppercase letters", ["A-Z"]],
  ["uppercase letter", ["A-Z"]],
  ["upper-case letters", ["A-Z"]],
  ["lowercase letters", ["a-z"]],
  ["lowercase letter", ["a-z"]],
  ["lower-case letters", ["a-z"]],
  ["digits", ["0-9"]],
  ["digit", ["0-9"]],
  ["numbers", ["0-9"]],
  ["number", ["0-9"]],
  ["chinese characters", ["CJK"]],
  ["字母", ["A-Z", "a-z"]],
  ["英文字母", ["A-Z", "a-z"]],
  ["大小写字母", ["A-Z", "a-z"]],
  ["大写字母", ["A-Z"]],
  ["小写字母", ["a-z"]],
  ["数字", ["0-9"]],
  ["中文", ["CJK"]],
  ["汉字", ["CJK"]],
  ["中文字符", ["CJK"]],
  ["a-z", ["a-z"]],
  ["A-Z", ["A-Z"]],
  ["0-9", ["0-9"]],
  ["hyphens", "-"],
  ["hyphen", "-"],
  ["underscores", "_"],
  ["underscore", "_"],
  ["periods", "."],
  ["period", "."],
  ["dots", "."],
  ["dot", "."],
  ["spaces", " "],
  ["space", " "],
  ["中划线", "-"],
  ["连字符", "-"],
  ["短横线", "-"],
  ["横线", "-"],
  ["下划线", "_"],
  ["点", "."],
  ["点号", "."],
  ["句点", "."],
  ["空格", " "],
]);

function addItem(set: CharSet, rawItem: string): boolean {
  let item = rawItem.replace(/^(?:the\s|an?\s|only\s)+/i, "").trim();
  // Parenthesised detail: "(-)", "（0~9）", "(case-sensitive)".
  let parenChar: string | undefined;
  const paren = /^(.*?)\s?[(（]([^()（）]{1,20})[)）]$/.exec(item);
  if (paren) {
    item = (paren[1] ?? "").trim();
    const inner = (paren[2] ?? "").trim();
    if (/^[\p{P}\p{S}]$/u.test(inner)) parenChar = inner;
  }
  // Quoted character: “_”
  const quoted = /^[“"‘']([^”"’']{1,3})[”"’']$/.exec(item);
  if (quoted) {
    for (const c of quoted[1] ?? "") set.chars.add(c);
    return true;
  }
  // "special characters _~';@^-%#&$" / "特殊字符~!@#" (a bare run of symbols).
  const special = /^(?:special characters|特殊字符)\s?[:：]?\s?([\p{P}\p{S}]{1,40})$/u.exec(item);
  if (special) {
    for (const c of special[1] ?? "") set.chars.add(c);
    return true;
  }
  const word = CLASS_WORDS.get(/^[A-Za-z]-[A-Za-z]$/.test(item) ? item : item.toLowerCase());
  if (word !== undefined) {
    if (typeof word === "string") {
      if (parenChar !== undefined && parenChar !== word) return false;
      set.chars.add(word);
    } else {
      for (const r of word) set.ranges.add(r);
    }
    return true;
  }
  // "tildes (~)": an unknown name but the character is spelled out.
  if (parenChar !== undefined && /^[A-Za-z ]{1,30}$|^[\u4e00-\u9fff]{1,6}$/.test(item)) {
    set.chars.add(parenChar);
    return true;
  }
  return false;
}

// Start constraint: a set, undefined (none stated), or "unknown" (stated but not understood, so
// no positive pattern is safe).
function startChars(t: string): CharSet | undefined | "unknown" {
  const sets: CharSet[] = [];
  for (const m of t.matchAll(START_EN)) {
    const from = (m.index ?? 0) + m[0].length;
    const clause = clauseAfter(t, from, "en").split(/\s(?:and|but|which|in)\s|,\s(?!or\s|and\s)|[(（]/)[0] ?? "";
    const set = parseStart(clause, "en");
    if (!set) return "unknown";
    sets.push(set);
  }
  for (const m of t.matchAll(START_ZH)) {
    const set = parseStart(m[1] ?? "", "zh");
    if (!set) return "unknown";
    sets.push(set);
  }
  if (sets.length === 0) return undefined;
  return agreed(sets) ?? "unknown";
}

function parseStart(clause: string, lang: "en" | "zh"): CharSet | undefined {
  const items = clause
    .trim()
    .split(lang === "en" ? /,\s(?:or\s)?|\sor\s/ : /或者|或|、/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (items.length === 0) return undefined;
  const set: CharSet = { ranges: new Set(), chars: new Set() };
  for (const item of items) if (!addItem(set, item)) return undefined;
  return set;
}

function isSubset(a: CharSet, b: CharSet): boolean {
  for (const r of a.ranges) if (!b.ranges.has(r)) return false;
  for (const c of a.chars) if (!b.chars.has(c)) return false;
  return true;
}

// Canonical order: letters, digits, CJK, underscore, other symbols, hyphen last.
function classBody(set: CharSet): string {
  let out = "";
  if (set.ranges.has("A-Z")) out += "A-Z";
  if (set.ranges.has("a-z")) out += "a-z";
  if (set.ranges.has("0-9")) out += "0-9";
  if (set.ranges.has("CJK")) out += "\\u4E00-\\u9FFF";
  const chars = [...set.chars];
  const symbols = chars.filter((c) => c !== "_" && c !== "-");
  if (set.chars.has("_")) out += "_";
  out += escapeClassChars(symbols);
  if (set.chars.has("-")) out += "-";
  return out;
}

// Inside a character class under the `u` flag only syntax characters may be escaped; these are
// the ones that need it.
function escapeClassChars(chars: readonly string[]): string {
  const hyphen = chars.includes("-");
  const body = chars
    .filter((c) => c !== "-")
    .map((c) => (c === "\\" || c === "]" || c === "[" || c === "^" ? `\\${c}` : c))
    .join("");
  return hyphen ? `${body}-` : body;
}

function order(c: ProseConstraints): ProseConstraints {
  const out: ProseConstraints = {};
  if (c.minLength !== undefined) out.minLength = c.minLength;
  if (c.maxLength !== undefined) out.maxLength = c.maxLength;
  if (c.pattern !== undefined) out.pattern = c.pattern;
  if (c.minimum !== undefined) out.minimum = c.minimum;
  if (c.maximum !== undefined) out.maximum = c.maximum;
  if (c.default !== undefined) out.default = c.default;
  if (c.forbiddenChars !== undefined) out.forbiddenChars = c.forbiddenChars;
  return out;
}
