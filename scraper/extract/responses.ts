// Responses per status: response tables by the "Status code: N" text before them, examples by
// theirs, the codes a "Status Codes" section lists; 200 assumed (and reported) where no success
// code is stated.
import type { Table } from "../page-model.ts";
import type { ResponseNode } from "../operation-model.ts";
import { buildBody } from "./body.ts";
import { report, type PageContext } from "./context.ts";
import { checkExample, collectExamples } from "./examples.ts";
import type { FieldBuilder } from "./fields.ts";
import { blockText, statusPattern, type Section } from "./sections.ts";
import type { TableEntry } from "./table-linking.ts";

export function statusesByTable(sections: Section[]): Map<Table, string> {
  const map = new Map<Table, string>();
  for (const section of sections) {
    if (section.kind !== "response" && section.kind !== "example-response") continue;
    let current: string | undefined;
    for (const block of section.blocks) {
      if (block.kind === "table") {
        if (current) map.set(block.table, current);
        continue;
      }
      const status = statusPattern.exec(blockText(block));
      if (status) current = status[1];
    }
  }
  return map;
}

export function buildResponses(
  ctx: PageContext,
  builder: FieldBuilder,
  roots: { entry: TableEntry; status?: string }[],
  sections: Section[],
): ResponseNode[] {
  const examples = collectExamples(ctx, sections, "response");
  const statuses = new Set<string>();
  for (const root of roots) if (root.status) statuses.add(root.status);
  for (const e of examples) if (e.status) statuses.add(e.status);
  const listed = statusCodeSection(sections);
  for (const code of listed.keys()) statuses.add(code);
  const stated = [...statuses];
  if (!stated.some((s) => s.startsWith("2"))) {
    const line = sections.find((s) => s.kind === "response")?.line ?? sections.find((s) => s.kind === "status-codes")?.line ?? 1;
    report(ctx, "status-code-missing", line, "the page names no success status code; assumed 200 (generated clients accept any 2xx)");
    statuses.add("200");
  }
  const success = [...statuses].filter((s) => s.startsWith("2")).sort()[0]!;
  const responses: ResponseNode[] = [];
  for (const status of [...statuses].sort()) {
    const rootsHere = roots.filter((r) => (r.status ?? success) === status).map((r) => r.entry);
    const exampleHere = examples.filter((e) => (e.status ?? success) === status);
    const description = exampleHere.find((e) => e.description)?.description ?? listed.get(status) ?? reasonPhrase(status);
    const response: ResponseNode = { status, description };
    if (rootsHere.length > 0) {
      const body = buildBody(builder, rootsHere, "application/json", `${status} response`);
      body.examples = exampleHere.map((e) => e.example);
      if (exampleHere.length > 0 && exampleHere.every((e) => Array.isArray(e.example.value))) {
        // Classic (v1.0) list APIs answer with a bare array; the table describes its items.
        body.schema = { kind: "array", items: body.schema };
        report(ctx, "response-array-root", exampleHere[0]!.line, `the ${status} example is an array: the response table describes its items`);
      }
      for (const e of exampleHere) checkExample(ctx, body.schema, e.example.value, e.line, `example ${status} response`, false);
      response.body = body;
    } else if (exampleHere.length > 0) {
      response.body = {
        mediaType: "application/json",
        schema: { kind: "unknown" },
        examples: exampleHere.map((e) => e.example),
        source: { page: ctx.file, section: "Example Response" },
      };
    }
    responses.push(response);
  }
  return responses;
}

/** Status codes a page's "Status Codes" section lists, with their descriptions. */
function statusCodeSection(sections: Section[]): Map<string, string> {
  const codes = new Map<string, string>();
  const add = (code: string, description: string) => {
    if (/^[1-5]\d\d$/.test(code) && !codes.has(code)) codes.set(code, description || reasonPhrase(code));
  };
  for (const section of sections) {
    if (section.kind !== "status-codes") continue;
    for (const block of section.blocks) {
      if (block.kind === "table") {
        for (const row of block.table.rows) add(row.cells[0]?.text.trim() ?? "", row.cells.slice(1).map((c) => c.text.trim()).filter(Boolean).at(-1) ?? "");
      } else {
        for (const line of blockText(block).split(/\n/)) add(line.trim(), "");
      }
    }
  }
  return codes;
}

function reasonPhrase(status: string): string {
  const phrases: Record<string, string> = {
    "200": "OK", "201": "Created", "202": "Accepted", "204": "No Content", "400": "Bad Request",
    "401": "Unauthorized", "403": "Forbidden", "404": "Not Found", "409": "Conflict", "500": "Internal Server Error",
  };
  return phrases[status] ?? `Status ${status}`;
}
