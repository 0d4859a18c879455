// Every vocabulary function on 100 000-character adversarial strings. The regexes are written to
// run in linear time; a catastrophic backtrack would hang here. No timing assertions: the
// (generous) test timeout only catches a hang.
import { describe, expect, test } from "vitest";
import { parseProseConstraints } from "../../scraper/vocab/constraints.ts";
import { parseEnumValues } from "../../scraper/vocab/enums.ts";
import { camelCase, operationIdFromTitle } from "../../scraper/vocab/operation-id.ts";
import { parseRequired, parseRequiredDetail } from "../../scraper/vocab/required.ts";
import { parseTypeText } from "../../scraper/vocab/types.ts";

const N = 100_000;
const repeat = (unit: string): string => unit.repeat(Math.ceil(N / unit.length)).slice(0, N);

const units = [
  "a",
  "-",
  "1",
  " ",
  "<",
  "\n",
  ".",
  "(",
  "**",
  "1,",
  "a:",
  "a.b",
  "11111111111111111111 ",
  "1 to ",
  "Minimum: 1",
  "Minimum characters: 1",
  "maximum of 1 characters ",
  "from 1 to 1 ",
  "characters ",
  "only ",
  "only letters, ",
  "contain only a, ",
  "cannot contain (",
  "not contain a ",
  ": >",
  "start with a, ",
  "default value is a a",
  "a (b) ",
  "(a)",
  "The value can be ",
  "The value can be a, a, ",
  "Value:\n",
  "Value: ",
  "\n- a",
  "- a: b\n",
  "Array of ",
  "List<",
  "Array<",
  "取值",
  "取值：",
  "取“",
  "取“a”、",
  "取值为“a”",
  "。",
  "以",
  "以a",
  "由",
  "默认为",
  "默认值为a",
  "长度为4~",
  "字符集：",
  "可以包含",
  "0-9，",
  "不能包含>",
  "“a”、",
];

const strings = units.map((u) => [JSON.stringify(u), repeat(u)] as const);

describe("linear time on 100k-character input", () => {
  test.each(strings)("%s", (_name, s) => {
    const lines = s.split("\n").slice(0, 1000);
    const results = [
      parseTypeText(s),
      parseRequired(s),
      parseRequiredDetail(s),
      parseProseConstraints(s, "string"),
      parseProseConstraints(s, "integer"),
      parseProseConstraints(s, "number"),
      parseProseConstraints(s, "boolean"),
      parseEnumValues(s, [[s], lines]),
      operationIdFromTitle(s),
      camelCase([s, s]),
    ];
    expect(results).toHaveLength(10);
  });
});
