// Splits a page's flat blocks into the sections every API reference page has (DITA
// "sectiontitle"s, Markdown "##" headings, headings recognised by the plain-text reader).
// Pages that lost their headings (pipe-cells) get sections inferred from the example request
// line: what comes before it is request, what comes after it is response.
import type { Block, PageModel } from "../page-model.ts";

export type SectionKind =
  | "intro"
  | "function"
  | "constraints"
  | "uri"
  | "request"
  | "response"
  | "example-request"
  | "example-response"
  | "status-codes"
  | "error-codes"
  | "other";

export interface Section {
  kind: SectionKind;
  heading?: string;
  line: number;
  blocks: Block[];
}

const headingVocabulary: [RegExp, SectionKind][] = [
  [/^(function|description|功能介绍|接口说明)$/, "function"],
  [/^(constraints?|restrictions?|接口约束|约束限制|使用限制)$/, "constraints"],
  [/^(uri|uri格式)$/, "uri"],
  [/^(request( parameters?| message| body)?|请求消息|请求参数|请求)$/, "request"],
  [/^(response( parameters?| message| body)?|响应消息|响应参数|响应)$/, "response"],
  [/^(example requests?|request examples?|请求示例|请求样例)$/, "example-request"],
  [/^(example responses?|response examples?|响应示例|响应样例)$/, "example-response"],
  [/^(status codes?|状态码)$/, "status-codes"],
  [/^(error codes?|错误码)$/, "error-codes"],
];

export function sectionKindOf(heading: string): SectionKind | undefined {
  const normalized = heading.trim().toLowerCase().replace(/\s+/g, " ");
  for (const [pattern, kind] of headingVocabulary) if (pattern.test(normalized)) return kind;
  return undefined;
}

/** "Status code: 200", "状态码：201". */
export const statusPattern = /(?:status code|状态码)\s*[:：]?\s*(\d{3})\b/i;

/** A request line as written in URI sections and example requests: `POST https://host/v3/...`. */
export const requestLinePattern = /^(GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS)[ \t]+(\S{1,2000})/;

export function splitSections(page: PageModel): Section[] {
  const sections: Section[] = [];
  let current: Section = { kind: "intro", line: 1, blocks: [] };
  sections.push(current);
  let sawKnownHeading = false;
  for (const block of page.blocks) {
    if (block.kind === "heading") {
      if (page.title !== undefined && block.level <= 1 && block.text === page.title) continue;
      const kind = sectionKindOf(block.text);
      if (kind) {
        sawKnownHeading = true;
        current = { kind, heading: block.text, line: block.line, blocks: [] };
        sections.push(current);
        continue;
      }
    }
    current.blocks.push(block);
  }
  if (sawKnownHeading) return sections.filter((s) => s.blocks.length > 0 || s.kind !== "intro");
  return inferSectionsWithoutHeadings(page.blocks);
}

function inferSectionsWithoutHeadings(blocks: Block[]): Section[] {
  const requestLineAt = blocks.findIndex((b) => requestLinePattern.test(blockText(b).trim()));
  if (requestLineAt < 0) return [{ kind: "request", line: 1, blocks }];
  const before = blocks.slice(0, requestLineAt);
  const exampleEnd = requestLineAt + 1 + (blocks[requestLineAt + 1]?.kind === "code" ? 1 : 0);
  const example = blocks.slice(requestLineAt, exampleEnd);
  const after = blocks.slice(exampleEnd);
  return [
    { kind: "request", line: before[0]?.line ?? 1, blocks: before },
    { kind: "example-request", line: example[0]?.line ?? 1, blocks: example },
    { kind: "response", line: after[0]?.line ?? 1, blocks: after },
  ];
}

export function blockText(block: Block): string {
  switch (block.kind) {
    case "heading":
    case "paragraph":
    case "code":
      return block.text;
    case "list":
      return block.items.map((i) => i.text).join("\n");
    case "table":
      return "";
  }
}
