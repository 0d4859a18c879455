import { describe, expect, test } from "vitest";
import { parseProseConstraints, type ProseConstraints } from "../../scraper/vocab/constraints.ts";
import type { TypeKind } from "../../scraper/vocab/types.ts";

const NAME = "^[A-Za-z][A-Za-z0-9_-]*$";
const NO_SPECIALS = `^[^>!<"&'=]*$`;
const FORBIDDEN = `>!<"&'=`;

const cases: [string, { given: string; kind?: TypeKind; want: ProseConstraints }][] = [
  // Names: 4 to 64 characters, a letter first, then letters, digits, hyphens and underscores.
  [
    "GaussDB openGauss name",
    {
      given:
        "Backup name. It must contain 4 to 64 characters and start with a letter. Only letters (case-sensitive), digits, hyphens (-), and underscores (_) are allowed.",
      want: { minLength: 4, maxLength: 64, pattern: NAME },
    },
  ],
  [
    "TaurusDB name",
    {
      given:
        "Backup name. The value consists of 4 to 64 characters and starts with a letter. It is case-sensitive and contains only letters, digits, hyphens (-), and underscores (_).",
      want: { minLength: 4, maxLength: 64, pattern: NAME },
    },
  ],
  [
    "RDS name",
    {
      given:
        "Specifies the backup name. It must be 4 to 64 characters in length and start with a letter. It is case-sensitive and can contain only letters, digits, hyphens (-), and underscores (_). The backup name must be unique.",
      want: { minLength: 4, maxLength: 64, pattern: NAME },
    },
  ],
  [
    "GeminiDB name",
    {
      given:
        "Manual backup name.\nThe name can include 4 to 64 characters and must start with a letter. It is case-sensitive and can contain only letters, digits, hyphens (-), and underscores (_).",
      want: { minLength: 4, maxLength: 64, pattern: NAME },
    },
  ],
  [
    "DDS name (Chinese)",
    {
      given:
        "手动备份名称。\n取值范围：长度为4~64位，必须以字母开头（A~Z或a~z），区分大小写，可以包含字母、数字（0~9）、中划线（-）或者下划线（_），不能包含其他特殊字符。",
      want: { minLength: 4, maxLength: 64, pattern: NAME },
    },
  ],
  [
    "explicit lines agree with the sentence",
    {
      given:
        "Backup name. It must contain 4 to 64 characters and start with a letter. Only letters (case-sensitive), digits, hyphens (-), and underscores (_) are allowed.\nMinimum characters: 4\nMaximum characters: 64",
      want: { minLength: 4, maxLength: 64, pattern: NAME },
    },
  ],
  [
    "explicit lines win over a disagreeing sentence",
    {
      given: "It must contain 4 to 64 characters.\nMinimum characters: 1\nMaximum characters: 32",
      want: { minLength: 1, maxLength: 32 },
    },
  ],

  // Descriptions: at most 256 characters, no >!<"&'=.
  [
    "GaussDB openGauss description",
    {
      given:
        "Backup description. It contains up to 256 characters and cannot contain special characters (>!<\"&'=).\nMaximum characters: 256",
      want: { maxLength: 256, pattern: NO_SPECIALS, forbiddenChars: FORBIDDEN },
    },
  ],
  [
    "TaurusDB description",
    {
      given:
        "Backup description. It contains a maximum of 256 characters and cannot contain the special characters (>!<\"&'=)",
      want: { maxLength: 256, pattern: NO_SPECIALS, forbiddenChars: FORBIDDEN },
    },
  ],
  [
    "RDS description",
    {
      given:
        "Specifies the backup description. It contains a maximum of 256 characters and cannot contain the following special characters: >!<\"&'=",
      want: { maxLength: 256, pattern: NO_SPECIALS, forbiddenChars: FORBIDDEN },
    },
  ],
  [
    "GeminiDB description",
    {
      given:
        "Manual backup description.\nThe description can include a maximum of 256 characters and cannot contain the following special characters: >!<\"&'=",
      want: { maxLength: 256, pattern: NO_SPECIALS, forbiddenChars: FORBIDDEN },
    },
  ],
  [
    "DDS description (Chinese)",
    {
      given: "手动备份描述。\n取值范围：长度不超过256位，且不能包含>!<\"&'=特殊字符。",
      want: { maxLength: 256, pattern: NO_SPECIALS, forbiddenChars: FORBIDDEN },
    },
  ],
  [
    "angle brackets spelled out",
    {
      given: "The value contains 0 to 128 characters and cannot contain angle brackets (< and >).",
      want: { minLength: 0, maxLength: 128, pattern: "^[^<>]*$", forbiddenChars: "<>" },
    },
  ],

  // Other length phrasings.
  [
    "Minimum characters / Maximum characters",
    { given: "Minimum characters: 4\n\nMaximum characters: 64", want: { minLength: 4, maxLength: 64 } },
  ],
  [
    "ELB v3 Minimum/Maximum on a string",
    { given: "Specifies the name.\nMinimum: 1\nMaximum: 255", want: { minLength: 1, maxLength: 255 } },
  ],
  ["maximum of N characters", { given: "The value contains a maximum of 255 characters.", want: { maxLength: 255 } }],
  ["up to N characters", { given: "It contains up to 256 characters.", want: { maxLength: 256 } }],
  ["at most N characters", { given: "The name can contain at most 64 characters.", want: { maxLength: 64 } }],
  [
    "0 to 255 characters",
    { given: "The value can contain 0 to 255 characters.", want: { minLength: 0, maxLength: 255 } },
  ],
  [
    "N Unicode characters",
    { given: "It contains a maximum of 127 Unicode characters and cannot be left blank.", want: { maxLength: 127 } },
  ],
  ["长度为1~64个字符", { given: "长度为1~64个字符", want: { minLength: 1, maxLength: 64 } }],
  ["不超过256位", { given: "描述不超过256位。", want: { maxLength: 256 } }],
  ["最大长度43个unicode字符", { given: "标签值。最大长度43个unicode字符，可以为空字符串。", want: { maxLength: 43 } }],
  [
    "字符集 list",
    {
      given: "标签键。最大长度36个unicode字符，key不能为空。\n字符集：0-9，A-Z，a-z，“_”，“-”，中文。",
      want: { maxLength: 36, pattern: "^[A-Za-z0-9\\u4E00-\\u9FFF_-]*$" },
    },
  ],
  [
    "consist of letters, digits, underscores and hyphens",
    {
      given:
        "The value can contain 1 to 64 characters that consist of letters, digits, underscores (_), and hyphens (-).",
      want: { minLength: 1, maxLength: 64, pattern: "^[A-Za-z0-9_-]*$" },
    },
  ],
  [
    "a listed run of special characters",
    {
      given:
        "The value is case-sensitive and can contain only letters, digits, and special characters !$&'()*+,-./:;=?@^_`\nMinimum: 0\nMaximum: 128",
      want: { minLength: 0, maxLength: 128, pattern: "^[A-Za-z0-9_!$&'()*+,./:;=?@\\^`-]*$" },
    },
  ],
  [
    "start character, no minimum length: empty stays valid",
    {
      given:
        "The value can contain a maximum of 254 characters that consist of letters, digits, hyphens (-), and periods (.), and must start with uppercase letters or digits.",
      want: { maxLength: 254, pattern: "^(?:[A-Z0-9][A-Za-z0-9.-]*)?$" },
    },
  ],

  // Never guess a pattern.
  [
    "non-exhaustive 'including' list",
    {
      given:
        "The value can contain 1 to 128 characters, including letters, digits, hyphens (-), periods (.), and asterisks (*).",
      want: { minLength: 1, maxLength: 128 },
    },
  ],
  [
    "a start character that is not allowed by the allowed set",
    {
      given:
        "The value can contain 1 to 80 characters that must start with a slash (/) and can contain only letters, digits, and special characters such as -/.%?#&_=",
      want: { minLength: 1, maxLength: 80 },
    },
  ],
  [
    "two conditional allowed sets disagree: no pattern, loosest length",
    {
      given:
        "If type is set to HOST_NAME, the value can contain a maximum of 100 characters that contain only letters, digits, hyphens (-), and periods (.).\nIf type is set to PATH, the value can contain a maximum of 128 characters and can contain only letters, digits, and special characters _~';@^-%#&$.",
      want: { maxLength: 128 },
    },
  ],
  ["only 'other special characters' forbidden", { given: "不能包含其他特殊字符。", want: {} }],
  [
    "a password-style combination is not an allowed set",
    {
      given:
        "取值范围：长度为8~32位，必须是大写字母（A~Z）、小写字母（a~z）、数字（0~9）、特殊字符~!@#%^*-_=+?的组合。",
      want: { minLength: 8, maxLength: 32 },
    },
  ],

  // Numbers.
  [
    "ELB v3 Minimum/Maximum on an integer",
    { given: "Minimum: 1 Maximum: 255", kind: "integer", want: { minimum: 1, maximum: 255 } },
  ],
  ["取值范围：1~100", { given: "查询记录数。取值范围：1~100", kind: "integer", want: { minimum: 1, maximum: 100 } }],
  [
    "取值范围：0~732。",
    {
      given: "取值范围：0~732。\n- 取0值，表示不设置自动备份策略。",
      kind: "integer",
      want: { minimum: 0, maximum: 732 },
    },
  ],
  [
    "The value ranges from 1 to 100",
    { given: "The value ranges from 1 to 100.", kind: "integer", want: { minimum: 1, maximum: 100 } },
  ],
  ["Value range: 0-65535", { given: "Value range: 0-65535", kind: "integer", want: { minimum: 0, maximum: 65535 } }],
  [
    "negative bound",
    { given: "The value ranges from -1 to 2147483647.", kind: "integer", want: { minimum: -1, maximum: 2147483647 } },
  ],
  ["range with a unit", { given: "取值范围：10GB~2000GB。", kind: "integer", want: { minimum: 10, maximum: 2000 } }],
  [
    "端口号范围为2100～9500",
    { given: "文档数据库实例支持的端口号范围为2100～9500。", kind: "integer", want: { minimum: 2100, maximum: 9500 } },
  ],
  [
    "conditional ranges: the loosest bounds; differing defaults: none",
    {
      given:
        "For TCP listeners, the value ranges from 10 to 4000, and the default value is 300.\nFor HTTP and HTTPS listeners, the value ranges from 0 to 4000, and the default value is 60.",
      kind: "integer",
      want: { minimum: 0, maximum: 4000 },
    },
  ],
  [
    "several ranges are not one range",
    { given: "The value can be any integer in the range of 200–299, 400–499, or 500–599.", kind: "integer", want: {} },
  ],
  ["string ranges are not lengths", { given: "取值范围：1~100", kind: "string", want: {} }],
  ["lengths are not numeric bounds", { given: "It contains up to 256 characters.", kind: "integer", want: {} }],

  // Defaults.
  [
    "不传该参数时，默认查询前100条",
    { given: "不传该参数时，默认查询前100条实例信息。", kind: "integer", want: { default: 100 } },
  ],
  [
    "查询偏移量默认为0",
    { given: "不传该参数时，查询偏移量默认为0，表示从最新的实例开始查询。", kind: "integer", want: { default: 0 } },
  ],
  ["The default value is 10.", { given: "The default value is 10.", kind: "integer", want: { default: 10 } }],
  ["Default: false", { given: "Default: false", kind: "boolean", want: { default: false } }],
  [
    "Default: true (boolean)",
    { given: "This parameter is reserved, and the default value is true.", kind: "boolean", want: { default: true } },
  ],
  [
    "(default) after a value",
    { given: "The value can be true or false (default).", kind: "boolean", want: { default: false } },
  ],
  ["string default", { given: "The default value is tls-1-0.", kind: "string", want: { default: "tls-1-0" } }],
  [
    "range and default",
    {
      given: "The value ranges from 1 to 300, and the default value is 60.",
      kind: "integer",
      want: { minimum: 1, maximum: 300, default: 60 },
    },
  ],
  ["null is no default", { given: "The default value is null.", kind: "string", want: {} }],
  ["left blank by default", { given: "The value is left blank by default.", kind: "string", want: {} }],
  [
    "a multi-word value is no default",
    { given: "The value can be TLS 1.2 or TLS 1.1, and the default value is TLS 1.2.", kind: "string", want: {} },
  ],
  [
    "a non-number default for an integer is dropped",
    { given: "The default value is auto.", kind: "integer", want: {} },
  ],
  ["默认为空数组", { given: "如果没有标签，默认为空数组。", kind: "string", want: {} }],

  ["nothing stated", { given: "Backup ID.", want: {} }],
  ["empty", { given: "", want: {} }],
];

describe("parseProseConstraints", () => {
  test.each(cases)("%s", (_name, { given, kind, want }) => {
    expect(parseProseConstraints(given, kind ?? "string")).toEqual(want);
  });

  test("the forbidden-characters pattern rejects exactly those characters", () => {
    const c = parseProseConstraints(
      "It contains a maximum of 256 characters and cannot contain the special characters (>!<\"&'=)",
      "string",
    );
    const re = new RegExp(c.pattern ?? "(?!)", "u");
    for (const ch of FORBIDDEN) {
      expect(re.test(`a${ch}b`), ch).toBe(false);
    }
    for (const ok of ["letters", "with spaces", "中文描述", "(parentheses)", "dots.", "", "a-b_c", "#%*+?/\\[]{}|^$"]) {
      expect(re.test(ok), ok).toBe(true);
    }
  });

  test("every produced pattern compiles with the u flag and accepts its own examples", () => {
    const name = new RegExp(parseProseConstraints(cases[0]![1].given, "string").pattern ?? "", "u");
    expect(name.test("mybackup1")).toBe(true);
    expect(name.test("Backup_2-x")).toBe(true);
    expect(name.test("1backup")).toBe(false);
    expect(name.test("back up")).toBe(false);
    for (const [, { given, kind }] of cases) {
      const p = parseProseConstraints(given, kind ?? "string").pattern;
      if (p !== undefined) expect(() => new RegExp(p, "u")).not.toThrow();
    }
  });
});
