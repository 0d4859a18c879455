import { describe, expect, test } from "vitest";
import { parseTypeText, type TypeInfo } from "../../scraper/vocab/types.ts";

type Want = Omit<TypeInfo, "raw" | "items"> & { items?: Want };

// Compares everything but `raw` (checked separately).
function shape(t: TypeInfo): Want {
  const out: Want = { kind: t.kind };
  if (t.format) out.format = t.format;
  if (t.objectName) out.objectName = t.objectName;
  if (t.items) out.items = shape(t.items);
  return out;
}

const cases: [string, { given: string; want: Want }][] = [
  ["String", { given: "String", want: { kind: "string" } }],
  ["string, lower case with whitespace", { given: "  string \n", want: { kind: "string" } }],
  ["Integer", { given: "Integer", want: { kind: "integer" } }],
  ["Int", { given: "Int", want: { kind: "integer" } }],
  ["int", { given: "int", want: { kind: "integer" } }],
  ["Long is int64", { given: "Long", want: { kind: "integer", format: "int64" } }],
  ["Int32", { given: "int32", want: { kind: "integer", format: "int32" } }],
  ["Boolean", { given: "Boolean", want: { kind: "boolean" } }],
  ["Bool", { given: "Bool", want: { kind: "boolean" } }],
  ["Float", { given: "Float", want: { kind: "number", format: "float" } }],
  ["Double", { given: "Double", want: { kind: "number", format: "double" } }],
  ["Number", { given: "Number", want: { kind: "number" } }],
  ["Object", { given: "Object", want: { kind: "object" } }],
  ["OBJECT upper case", { given: "OBJECT", want: { kind: "object" } }],
  ["Array", { given: "Array", want: { kind: "array" } }],
  ["List", { given: "List", want: { kind: "array" } }],
  ["JSONArray", { given: "JSONArray", want: { kind: "array" } }],
  ["Array of objects", { given: "Array of objects", want: { kind: "array", items: { kind: "object" } } }],
  ["Array of strings", { given: "Array of strings", want: { kind: "array", items: { kind: "string" } } }],
  ["Array of String", { given: "Array of String", want: { kind: "array", items: { kind: "string" } } }],
  ["Array of integers", { given: "Array of integers", want: { kind: "array", items: { kind: "integer" } } }],
  [
    "Array of Tag objects",
    { given: "Array of Tag objects", want: { kind: "array", items: { kind: "object", objectName: "Tag" } } },
  ],
  [
    "Array of LoadBalancerRef objects",
    {
      given: "Array of LoadBalancerRef objects",
      want: { kind: "array", items: { kind: "object", objectName: "LoadBalancerRef" } },
    },
  ],
  ["List<String>", { given: "List<String>", want: { kind: "array", items: { kind: "string" } } }],
  ["List<Object>", { given: "List<Object>", want: { kind: "array", items: { kind: "object" } } }],
  ["array<string>", { given: "array<string>", want: { kind: "array", items: { kind: "string" } } }],
  [
    "Array<Array<AvailabilityZone>>",
    {
      given: "Array<Array<AvailabilityZone>>",
      want: { kind: "array", items: { kind: "array", items: { kind: "object", objectName: "AvailabilityZone" } } },
    },
  ],
  ["Map<String,String>", { given: "Map<String,String>", want: { kind: "object" } }],
  ["String array", { given: "String array", want: { kind: "array", items: { kind: "string" } } }],
  ["String[]", { given: "String[]", want: { kind: "array", items: { kind: "string" } } }],
  ["Backup (schema name)", { given: "Backup", want: { kind: "object", objectName: "Backup" } }],
  ["BackupInfo", { given: "BackupInfo", want: { kind: "object", objectName: "BackupInfo" } }],
  ["DatastoreResult", { given: "DatastoreResult", want: { kind: "object", objectName: "DatastoreResult" } }],
  ["PageInfo object", { given: "PageInfo object", want: { kind: "object", objectName: "PageInfo" } }],
  ["backup object (lower case)", { given: "backup object", want: { kind: "object", objectName: "backup" } }],
  ["字符串", { given: "字符串", want: { kind: "string" } }],
  ["整型", { given: "整型", want: { kind: "integer" } }],
  ["整数", { given: "整数", want: { kind: "integer" } }],
  ["布尔", { given: "布尔", want: { kind: "boolean" } }],
  ["布尔型", { given: "布尔型", want: { kind: "boolean" } }],
  ["对象", { given: "对象", want: { kind: "object" } }],
  ["数组", { given: "数组", want: { kind: "array" } }],
  ["字符串数组", { given: "字符串数组", want: { kind: "array", items: { kind: "string" } } }],
  ["pipe-format leftovers", { given: "String | |", want: { kind: "string" } }],
  ["two types", { given: "Integer/Boolean", want: { kind: "unknown" } }],
  ["a status reason phrase", { given: "Bad request", want: { kind: "unknown" } }],
  ["OK is not a schema name", { given: "OK", want: { kind: "unknown" } }],
  ["an error code", { given: "ELB.8903", want: { kind: "unknown" } }],
  ["Timestamp is not guessed", { given: "Timestamp", want: { kind: "unknown" } }],
  ["empty", { given: "", want: { kind: "unknown" } }],
  ["prose", { given: "see the description", want: { kind: "unknown" } }],
];

describe("parseTypeText", () => {
  test.each(cases)("%s", (_name, { given, want }) => {
    expect(shape(parseTypeText(given))).toEqual(want);
  });

  test("raw keeps the cell text as given", () => {
    expect(parseTypeText(" Array of strings ").raw).toBe(" Array of strings ");
    expect(parseTypeText("Integer/Boolean").raw).toBe("Integer/Boolean");
  });
});
