// Several pages, one method and path (an action endpoint whose body differs per action, or a
// duplicate page): one operation with parameters united, request bodies as a oneOf of the
// variants when they differ, responses merged.
import { docDiagnostic } from "../rules/index.ts";
import type { Diagnostic } from "../../core/diagnostics.ts";
import type { BodyNode, OperationNode, ParameterNode, ResponseNode } from "../operation-model.ts";

export function mergeSameRoute(operations: OperationNode[], diagnostics: Diagnostic[]): OperationNode[] {
  const byRoute = new Map<string, OperationNode[]>();
  for (const op of operations) {
    const route = `${op.method.toUpperCase()} ${op.path}`;
    byRoute.set(route, [...(byRoute.get(route) ?? []), op]);
  }
  const merged: OperationNode[] = [];
  for (const [route, group] of byRoute) {
    if (group.length === 1) {
      merged.push(group[0]!);
      continue;
    }
    const pages = group.map((op) => op.source.page);
    diagnostics.push(docDiagnostic("operations-merged", pages[0]!, 1, `${route} is documented by ${pages.length} pages (${pages.join(", ")}); merged into one operation`));
    merged.push(mergeGroup(group));
  }
  return merged;
}

function mergeGroup(group: OperationNode[]): OperationNode {
  const [first] = group as [OperationNode, ...OperationNode[]];
  const summaries = [...new Set(group.map((op) => op.summary))];
  const requestBody = mergeBodies(group);
  return {
    ...first,
    summary: summaries.join(" / "),
    parameters: mergeParameters(group.map((op) => op.parameters)),
    ...(requestBody ? { requestBody } : {}),
    responses: mergeResponses(group),
  };
}

function mergeParameters(lists: ParameterNode[][]): ParameterNode[] {
  const merged = new Map<string, ParameterNode>();
  for (const list of lists) {
    for (const p of list) {
      const key = `${p.in} ${p.name}`;
      const known = merged.get(key);
      if (!known) merged.set(key, p);
      // Required only where every page that documents it says so; path parameters always are.
      else if (known.required && !p.required && p.in !== "path") merged.set(key, { ...known, required: false });
    }
  }
  for (const [key, p] of merged) {
    if (p.required && p.in !== "path" && !lists.every((list) => list.some((q) => `${q.in} ${q.name}` === key))) {
      merged.set(key, { ...p, required: false });
    }
  }
  return [...merged.values()];
}

function mergeBodies(group: OperationNode[]): BodyNode | undefined {
  const withBody = group.filter((op) => op.requestBody);
  if (withBody.length === 0) return undefined;
  const distinct = new Map<string, OperationNode>();
  for (const op of withBody) {
    const key = JSON.stringify(op.requestBody!.schema, withoutProvenance);
    if (!distinct.has(key)) distinct.set(key, op);
  }
  const first = withBody[0]!.requestBody!;
  const examples = withBody.flatMap((op) => op.requestBody!.examples);
  const named = examples.map((e, i) => ({ ...e, name: `example${i + 1}` }));
  if (distinct.size === 1) return { ...first, examples: named };
  return {
    ...first,
    examples: named,
    variants: [...distinct.values()].map((op) => ({ title: op.summary, schema: op.requestBody!.schema })),
  };
}

function mergeResponses(group: OperationNode[]): ResponseNode[] {
  const byStatus = new Map<string, ResponseNode>();
  for (const op of group) {
    for (const response of op.responses) {
      const known = byStatus.get(response.status);
      if (!known) byStatus.set(response.status, response);
      else if (!known.body && response.body) byStatus.set(response.status, { ...response, description: known.description });
    }
  }
  return [...byStatus.values()].sort((a, b) => (a.status < b.status ? -1 : 1));
}

function withoutProvenance(key: string, value: unknown): unknown {
  return key === "source" ? undefined : value;
}
