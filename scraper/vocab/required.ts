// Vocabulary: the "Mandatory" / "是否必选" column of a parameter table, mapped to OpenAPI
// `required` (Parameter Object `required`, Schema Object `required` list). Pure.
//
// A parameter that is mandatory only in some cases ("Yes (in some cases)", "对于集群实例，该参数
// 必选。副本集和单节点实例下，不传该参数。") is NOT required in OpenAPI terms: marking it required
// would make a validating client reject valid requests. `parseRequiredDetail` keeps the
// distinction for callers that want to mention it.

export type RequiredDetail = {
  /** undefined when the text is not recognisable. */
  required?: boolean;
  /** The text makes the requirement depend on something (edition, method, other fields). */
  conditional: boolean;
};

const YES = new Set(["yes", "y", "true", "mandatory", "required", "是", "必选", "必填", "必须", "必需", "需要"]);
const NO = new Set([
  "no",
  "n",
  "false",
  "optional",
  "not required",
  "not mandatory",
  "否",
  "可选",
  "选填",
  "非必选",
  "非必填",
  "不必选",
  "非必须",
  "不需要",
]);

// Words that say "required" / "optional" inside a sentence.
const MANDATORY_WORD = /必选|必填|必须传|mandatory|required|\byes\b/i;
const OPTIONAL_WORD = /可选|选填|非必选|非必填|optional|\bno\b/i;
// Markers of a condition: "in some cases", "if ...", "when ...", "对于...", "...下", "...时".
const CONDITION_WORD =
  /in some cases|conditional|depend|\bif\b|\bwhen\b|\bonly\b|\bfor\b|\bunless\b|对于|时[，,。]|下[，,]|情况|场景|无意义|不传/i;

const MAX_TEXT = 400;

export function parseRequired(text: string): boolean | undefined {
  return parseRequiredDetail(text).required;
}

export function parseRequiredDetail(text: string): RequiredDetail {
  if (text.length > MAX_TEXT * 4) return { conditional: false };
  const t = text
    .replace(/[\u00a0\u3000\s]+/g, " ")
    .replace(/[*`]/g, "")
    .replace(/^[ |]+|[ |]+$/g, "")
    .trim();
  if (t.length === 0 || t.length > MAX_TEXT) return { conditional: false };

  const word = t
    .toLowerCase()
    .replace(/[.。]$/, "")
    .trim();
  if (YES.has(word)) return { required: true, conditional: false };
  if (NO.has(word)) return { required: false, conditional: false };

  // "Yes (in some cases)", "Yes, for cluster instances", "No (see Table 5)".
  const lead = /^(yes|no|是|否|mandatory|optional|必选|可选)\s?[(（,，:：;；]/i.exec(t);
  if (lead) {
    const yes = /^(yes|是|mandatory|必选)$/i.test(lead[1] ?? "");
    const rest = t.slice((lead[0] ?? "").length);
    if (!yes) return { required: false, conditional: CONDITION_WORD.test(rest) };
    return CONDITION_WORD.test(rest) ? { required: false, conditional: true } : { required: true, conditional: false };
  }

  // A sentence: "增强版实例下，该参数必选。社区版实例下，该参数无意义。"
  const mandatory = MANDATORY_WORD.test(t);
  const optional = OPTIONAL_WORD.test(t);
  if (!mandatory && !optional) return { conditional: false };
  const conditional = CONDITION_WORD.test(t) || (mandatory && optional);
  if (mandatory && !conditional) return { required: true, conditional: false };
  return { required: false, conditional };
}
