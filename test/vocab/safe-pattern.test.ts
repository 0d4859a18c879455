// vocab/safe-pattern.ts: which regular expressions may go into a schema's `pattern`, and the
// extractor dropping the others with a `pattern-unsafe` diagnostic.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { scrapeService } from "../../scraper/index.ts";
import { parseProseConstraints } from "../../scraper/vocab/constraints.ts";
import { checkPattern } from "../../scraper/vocab/safe-pattern.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const safe: string[] = [
  "^[a-zA-Z0-9_-]{1,64}$",
  "^[A-Za-z][A-Za-z0-9_-]*$",
  "^(?:[A-Za-z][A-Za-z0-9_-]*)?$",
  "^[^>!<\"&'=]*$",
  "^[A-Za-z0-9\\u4E00-\\u9FFF_.-]*$",
  "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
  "^(?:ab|cd)*$",
  "^x{2}(?:y{3})*$",
  "^[A-Z]+[a-z]*$",
  "^[a-z]+-[a-z]+$",
  "^\\p{L}+$",
  "^.*$",
  "abc\\d+",
  "^(?<year>\\d{4})-(?<month>\\d{2})$",
];

const unsafe: [string, RegExp][] = [
  ["^(a+)+$", /nested quantifiers/],
  ["^([a-z]*)*$", /nested quantifiers/],
  ["^(a{1,3})*$", /nested quantifiers/],
  ["^(?:.*)*$", /nested quantifiers/],
  ["^[a-z]+(?:-[a-z]+)*$", /nested quantifiers/],
  ["(a|ab)*", /alternatives/],
  ["^(\\w|\\d)+$", /alternatives/],
  ["^(?:a|)*$", /alternatives/],
  ["^\\d+\\d*$", /adjacent unbounded/],
  ["^[a-z]+[a-z0-9]*$", /adjacent unbounded/],
  ["^\\S+@\\S+$", /adjacent unbounded/],
  ["\\d+$", /not anchored/],
  [".*", /not anchored/],
  ["^(a)\\1$", /backreference/],
  ["^(?<n>a)\\k<n>$", /backreference/],
  ["^[", /does not compile with the u flag/],
  ["^a{2,1}$", /does not compile/],
  ["\\-", /does not compile/], // an identity escape outside a class is a SyntaxError under `u`
  [`^${"a".repeat(1_001)}$`, /longer than 1000/],
];

describe("checkPattern", () => {
  test.each(safe)("safe: %s", (pattern) => {
    expect(checkPattern(pattern)).toEqual({ ok: true });
  });
  test.each(unsafe)("unsafe: %s", (pattern, reason) => {
    const result = checkPattern(pattern);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });
  test("every pattern the prose vocabulary builds itself is safe", () => {
    const prose = [
      "It must start with a letter and contain only letters, digits, hyphens (-), and underscores (_).",
      "Only letters (case-sensitive), digits, hyphens (-), and underscores (_) are allowed.",
      "It cannot contain the following special characters: >!<\"&'=",
      "只能包含字母、数字、中划线和下划线，以字母开头。",
      "The name can contain only letters, digits, spaces, and special characters _~';@^-%#&$.",
    ];
    for (const text of prose) {
      const { pattern } = parseProseConstraints(text, "string");
      expect(pattern).toBeDefined();
      expect(checkPattern(pattern!)).toEqual({ ok: true });
    }
  });
});

test("every pattern in the committed specs is safe", () => {
  const patterns: string[] = [];
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (typeof value === "object" && value !== null) {
      for (const [k, v] of Object.entries(value)) {
        if (k === "pattern" && typeof v === "string") patterns.push(v);
        else collect(v);
      }
    }
  };
  const specs = path.join(repoRoot, "specs");
  for (const file of readdirSync(specs).filter((f) => f.endsWith(".openapi.json")))
    collect(JSON.parse(readFileSync(path.join(specs, file), "utf8")));
  expect(patterns.length).toBeGreaterThan(10);
  expect(patterns.filter((p) => !checkPattern(p).ok)).toEqual([]);
});

describe("regular expressions the doc states", () => {
  const cases: [string, string | undefined][] = [
    ["Name. Regular expression: ^[a-zA-Z0-9_-]{1,64}$.", "^[a-zA-Z0-9_-]{1,64}$"],
    ["名称。正则表达式：^[a-z]{1,8}$。", "^[a-z]{1,8}$"],
    ["It must match the regular expression `^\\d+$` and is unique.", "^\\d+$"],
    ['The regex is "^[a-z]+$".', "^[a-z]+$"],
    ["Only letters are allowed. Regular expression: ^[A-Za-z0-9]*$", "^[A-Za-z0-9]*$"],
    // Not a stated pattern: the words only talk about regular expressions.
    ["EQUAL_TO, STARTS_WITH, or REGEX (regular expression match).", undefined],
    ["磁盘加密时的密钥ID，严格UUID正则校验。", undefined],
    ["Regular expression: none.", undefined],
    // Two different ones (conditional prose): neither is the rule.
    ["For HOST_NAME, regular expression: ^[a-z.]*$. For PATH, regular expression: ^/[a-z/]*$.", undefined],
  ];
  test.each(cases)("%s", (text, pattern) => {
    expect(parseProseConstraints(text, "string").pattern).toBe(pattern);
  });
});

describe("the extractor drops an unsafe pattern with a diagnostic", () => {
  const page = (description: string): string =>
    [
      "# Creating a Thing",
      "",
      "## URI",
      "",
      "POST /v1/things",
      "",
      "## Request Parameters",
      "",
      "<table><tr><th>Parameter</th><th>Mandatory</th><th>Type</th><th>Description</th></tr>",
      `<tr><td>name</td><td>Yes</td><td>String</td><td>${description}</td></tr></table>`,
      "",
    ].join("\n");
  const service = {
    name: "things",
    title: "Things",
    cloud: "",
    language: "en" as const,
    pages: [],
    server: "https://{endpoint}",
    version: "0.1.0",
  };
  const nameSchema = (description: string) => {
    const result = scrapeService(service, [{ file: "things/create.md", content: page(description) }]);
    const body = (
      result.spec.paths?.["/v1/things"]?.post?.requestBody as {
        content: Record<string, { schema: { properties: Record<string, Record<string, unknown>> } }>;
      }
    ).content["application/json"]!;
    return { schema: body.schema.properties["name"]!, diagnostics: result.diagnostics };
  };

  test("a safe stated pattern is kept", () => {
    const { schema, diagnostics } = nameSchema("Thing name. Regular expression: ^[a-z][a-z0-9-]{0,63}$.");
    expect(schema.pattern).toBe("^[a-z][a-z0-9-]{0,63}$");
    expect(diagnostics.filter((d) => d.ruleId === "pattern-unsafe")).toEqual([]);
  });

  test("an unsafe stated pattern is dropped and named", () => {
    const { schema, diagnostics } = nameSchema("Thing name. Regular expression: ^([a-z]+)*$.");
    expect(schema.pattern).toBeUndefined();
    const unsafeDiagnostics = diagnostics.filter((d) => d.ruleId === "pattern-unsafe");
    expect(unsafeDiagnostics).toHaveLength(1);
    expect(unsafeDiagnostics[0]).toMatchObject({ severity: "warning", file: "things/create.md", line: 10 });
    expect(unsafeDiagnostics[0]!.message).toBe(
      '"name": pattern "^([a-z]+)*$" dropped: nested quantifiers (star height > 1)',
    );
  });
});
