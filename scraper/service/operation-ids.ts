// operationIds unique within a service and stable when pages are added. A service that documents
// several API generations side by side (ELB: Classic /v1.0, Shared /v2.0, Dedicated /v3) names
// every operation after its generation (createLoadBalancerV3), so a page added to one generation
// never renames an operation of another; never a counter.
import { docDiagnostic } from "../rules/index.ts";
import type { Diagnostic } from "../../core/diagnostics.ts";
import type { OperationNode } from "../operation-model.ts";
import { pascalCase } from "../../core/plain-data.ts";

export function apiGeneration(path: string): string | undefined {
  const match = /^\/v(\d+)(?:\.(\d+))?(?:\/|$)/.exec(path);
  if (!match) return undefined;
  return match[2] && match[2] !== "0" ? `V${match[1]}_${match[2]}` : `V${match[1]}`;
}

export function assignOperationIds(operations: OperationNode[], diagnostics: Diagnostic[]): void {
  const generations = new Set(operations.map((op) => apiGeneration(op.path)).filter((g) => g !== undefined));
  if (generations.size > 1) {
    for (const op of operations) {
      const generation = apiGeneration(op.path);
      if (generation && !op.operationId.endsWith(generation)) op.operationId += generation;
    }
  }
  const byId = new Map<string, OperationNode[]>();
  for (const op of operations) byId.set(op.operationId, [...(byId.get(op.operationId) ?? []), op]);
  for (const [id, clash] of byId) {
    if (clash.length < 2) continue;
    // Same name, same generation: tell them apart by what differs, the method or the last path segment.
    for (const op of clash) op.operationId = `${id}${distinguisher(op, clash)}`;
    diagnostics.push(docDiagnostic("operation-id-clash", clash[0]!.source.page, 1, `operationId ${id} would name ${clash.length} operations (${clash.map((o) => `${o.method.toUpperCase()} ${o.path} from ${o.source.page}`).join("; ")}); renamed to ${clash.map((o) => o.operationId).join(", ")}`));
  }
}

function distinguisher(op: OperationNode, clash: OperationNode[]): string {
  if (clash.filter((o) => o.method === op.method).length === 1) return pascalCase(op.method.toLowerCase());
  // The literal path segments only this operation has (among those it clashes with), the last one first.
  const literals = (o: OperationNode) => o.path.split("/").filter((s) => s && !s.startsWith("{") && !/^v\d+(\.\d+)?$/.test(s));
  const others = clash.filter((o) => o !== op).map((o) => new Set(literals(o)));
  const own = literals(op).filter((s) => others.some((set) => !set.has(s)));
  if (own.length > 0) return pascalCase(own.at(-1)!);
  // Same literal segments: one addresses an item of what the other lists.
  return op.path.endsWith("}") ? "Item" : "Collection";
}
