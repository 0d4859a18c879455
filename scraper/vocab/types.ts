// Vocabulary: the "Type" / "参数类型" column of a parameter table, mapped to a JSON Schema type
// (OpenAPI 3.1 Schema Object, `type` / `format` / `items`). Pure: text in, data out.
//
// Handled spellings (case-insensitive, surrounding whitespace and stray table pipes ignored):
//   scalars     String, Integer, Int, Int32, Int64, Long, Short, Boolean, Bool, Float, Double,
//               Number, Decimal; Chinese 字符串, 整型, 整数, 长整型, 布尔, 布尔型, 浮点型, 数字 ...
//   objects     Object, JSONObject, JSON, Map<K,V>, 对象, "Xxx object", bare PascalCase names (Backup)
//   arrays      Array, List, JSONArray, 数组, "Array of strings", "Array of Xxx objects",
//               Array<T>, List<T>, T[], "String array", 字符串数组, 对象数组
// Everything else is kind "unknown" so the extractor can report `unknown-type`.

export type TypeKind = "string" | "integer" | "number" | "boolean" | "object" | "array" | "unknown";
export type TypeFormat = "int32" | "int64" | "float" | "double";

export type TypeInfo = {
  kind: TypeKind;
  format?: TypeFormat;
  items?: TypeInfo;
  objectName?: string;
  raw: string;
};

type Scalar = { kind: TypeKind; format?: TypeFormat };

// Keys are lower-case; looked up after trimming.
const SCALARS: ReadonlyMap<string, Scalar> = new Map<string, Scalar>([
  ["string", { kind: "string" }],
  ["str", { kind: "string" }],
  ["字符串", { kind: "string" }],
  ["字符串类型", { kind: "string" }],
  ["integer", { kind: "integer" }],
  ["int", { kind: "integer" }],
  ["short", { kind: "integer" }],
  ["int32", { kind: "integer", format: "int32" }],
  ["int64", { kind: "integer", format: "int64" }],
  ["long", { kind: "integer", format: "int64" }],
  ["整型", { kind: "integer" }],
  ["整数", { kind: "integer" }],
  ["整数型", { kind: "integer" }],
  ["长整型", { kind: "integer", format: "int64" }],
  ["boolean", { kind: "boolean" }],
  ["bool", { kind: "boolean" }],
  ["布尔", { kind: "boolean" }],
  ["布尔型", { kind: "boolean" }],
  ["布尔值", { kind: "boolean" }],
  ["float", { kind: "number", format: "float" }],
  ["double", { kind: "number", format: "double" }],
  ["number", { kind: "number" }],
  ["decimal", { kind: "number" }],
  ["bigdecimal", { kind: "number" }],
  ["浮点型", { kind: "number", format: "float" }],
  ["浮点数", { kind: "number", format: "float" }],
  ["双精度", { kind: "number", format: "double" }],
  ["数字", { kind: "number" }],
  ["数值", { kind: "number" }],
  ["object", { kind: "object" }],
  ["jsonobject", { kind: "object" }],
  ["json", { kind: "object" }],
  ["对象", { kind: "object" }],
  ["array", { kind: "array" }],
  ["list", { kind: "array" }],
  ["jsonarray", { kind: "array" }],
  ["数组", { kind: "array" }],
  ["列表", { kind: "array" }],
]);

// Plural element words in "Array of strings" and friends.
const PLURALS: ReadonlyMap<string, string> = new Map([
  ["strings", "string"],
  ["integers", "integer"],
  ["ints", "int"],
  ["longs", "long"],
  ["booleans", "boolean"],
  ["bools", "bool"],
  ["floats", "float"],
  ["doubles", "double"],
  ["numbers", "number"],
  ["objects", "object"],
  ["arrays", "array"],
]);

// PascalCase words that show up in a Type column but are not schema names: HTTP reason phrases
// from misread status-code tables, and scalar-ish names we must not guess a shape for.
const NOT_OBJECT_NAMES: ReadonlySet<string> = new Set([
  "ok",
  "created",
  "accepted",
  "unauthorized",
  "forbidden",
  "conflict",
  "gone",
  "found",
  "date",
  "datetime",
  "time",
  "timestamp",
  "enum",
  "file",
  "binary",
  "any",
  "void",
  "null",
  "none",
  "char",
  "character",
  "byte",
  "bytes",
  "uuid",
  "text",
  "map",
  "set",
  "dict",
]);

const MAX_TYPE_TEXT = 200;
const MAX_DEPTH = 4;

export function parseTypeText(text: string): TypeInfo {
  const unknown: TypeInfo = { kind: "unknown", raw: text };
  // A type cell is a word or three; anything long is prose or a broken table, and bounding the
  // length keeps every regex below linear.
  if (text.length > MAX_TYPE_TEXT * 2) return unknown;
  const cleaned = clean(text);
  if (cleaned.length === 0 || cleaned.length > MAX_TYPE_TEXT) return unknown;
  const parsed = parse(cleaned, 0);
  return parsed ? { ...parsed, raw: text } : unknown;
}

function clean(text: string): string {
  return text
    .replace(/[\u00a0\u3000\s]+/g, " ")
    .replace(/[*`]/g, "")
    .replace(/^[ |]+|[ |]+$/g, "")
    .trim();
}

function parse(t: string, depth: number): TypeInfo | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const lower = t.toLowerCase();

  const scalar = SCALARS.get(lower);
  if (scalar) return { ...scalar, raw: t };

  // Generic brackets: Array<T>, List<T>, Map<K,V>, Set<T>.
  const generic = /^([A-Za-z]{1,10}) ?< ?(.{1,150}?) ?>$/.exec(t);
  if (generic) {
    const outer = (generic[1] ?? "").toLowerCase();
    const inner = (generic[2] ?? "").trim();
    if (outer === "map" || outer === "hashmap" || outer === "dict") return { kind: "object", raw: t };
    if (outer === "array" || outer === "list" || outer === "set") {
      const items = parse(inner, depth + 1);
      return items ? { kind: "array", items, raw: t } : undefined;
    }
    return undefined;
  }

  // "Array of strings", "Array of String", "Array of Tag objects", "List of Xxx".
  const arrayOf = /^(?:array|list) (?:of )?(.{1,150})$/i.exec(t);
  if (arrayOf) {
    const items = parseElement((arrayOf[1] ?? "").trim(), depth);
    return items ? { kind: "array", items, raw: t } : undefined;
  }

  // "String array", "Object array", "String[]", 字符串数组, String数组, 对象数组.
  const suffixArray = /^(.{1,150}?) ?(?:\[\]|array|list|数组|列表)$/i.exec(t);
  if (suffixArray) {
    const items = parseElement((suffixArray[1] ?? "").trim(), depth);
    return items ? { kind: "array", items, raw: t } : undefined;
  }

  // "Xxx object", "backup object", "Xxx对象".
  const namedObject = /^([A-Za-z][A-Za-z0-9_]{0,80}) ?(?:object|对象)$/i.exec(t);
  if (namedObject) return { kind: "object", objectName: namedObject[1] ?? "", raw: t };

  // Bare schema names: Backup, BackupInfo, DatastoreResult.
  if (/^[A-Z][A-Za-z0-9_]{0,80}$/.test(t) && !NOT_OBJECT_NAMES.has(lower)) {
    return { kind: "object", objectName: t, raw: t };
  }
  return undefined;
}

// An array element as written after "Array of" / before "array": a plural scalar word, a scalar,
// "Xxx objects", or a schema name.
function parseElement(t: string, depth: number): TypeInfo | undefined {
  if (t.length === 0) return undefined;
  const singular = PLURALS.get(t.toLowerCase());
  if (singular) {
    const item = parse(singular, depth + 1);
    return item ? { ...item, raw: t } : undefined;
  }
  const named = /^([A-Za-z][A-Za-z0-9_]{0,80}) (?:objects?|对象)$/i.exec(t);
  if (named) return { kind: "object", objectName: named[1] ?? "", raw: t };
  return parse(t, depth + 1);
}
