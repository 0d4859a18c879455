import { describe, expect, test } from "vitest";
import { parseRequired, parseRequiredDetail } from "../../scraper/vocab/required.ts";

const cases: [string, { given: string; want: boolean | undefined }][] = [
  ["Yes", { given: "Yes", want: true }],
  ["No", { given: "No", want: false }],
  ["yes, lower case, padded", { given: "  yes\n", want: true }],
  ["True", { given: "True", want: true }],
  ["False", { given: "False", want: false }],
  ["Mandatory", { given: "Mandatory", want: true }],
  ["Optional", { given: "Optional", want: false }],
  ["Required", { given: "Required", want: true }],
  ["是", { given: "是", want: true }],
  ["否", { given: "否", want: false }],
  ["必选", { given: "必选", want: true }],
  ["可选", { given: "可选", want: false }],
  ["pipe-format leftovers", { given: "Yes | |", want: true }],
  // Conditionally mandatory is not `required` in OpenAPI: a validating client would reject valid calls.
  ["Yes (in some cases)", { given: "Yes (in some cases)", want: false }],
  ["No (conditional)", { given: "No (see the description)", want: false }],
  ["增强版实例下，该参数必选", { given: "增强版实例下，该参数必选。社区版实例下，该参数无意义。", want: false }],
  ["对于集群实例，该参数必选", { given: "对于集群实例，该参数必选。副本集和单节点实例下，不传该参数。", want: false }],
  ["POST请求为可选", { given: "POST请求为可选，GET请求该字段值留空。", want: false }],
  ["该参数必选 (unconditional sentence)", { given: "该参数必选。", want: true }],
  ["empty", { given: "", want: undefined }],
  ["unrecognisable", { given: "String", want: undefined }],
  ["a dash", { given: "-", want: undefined }],
];

describe("parseRequired", () => {
  test.each(cases)("%s", (_name, { given, want }) => {
    expect(parseRequired(given)).toBe(want);
  });

  test("parseRequiredDetail tells conditional from plain", () => {
    expect(parseRequiredDetail("Yes (in some cases)")).toEqual({ required: false, conditional: true });
    expect(parseRequiredDetail("Yes")).toEqual({ required: true, conditional: false });
    expect(parseRequiredDetail("对于集群实例，该参数必选。副本集和单节点实例下，不传该参数。")).toEqual({
      required: false,
      conditional: true,
    });
  });
});
