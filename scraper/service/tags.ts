// Tags: from the table of contents where there is one (the page's parent chain), otherwise by
// the first resource segment of the path (`/v3/{project_id}/backups` -> "backups").
import type { OperationNode } from "../operation-model.ts";
import type { TocNode } from "./toc.ts";

export function tagFromToc(node: TocNode | undefined): string | undefined {
  if (!node || node.parents.length === 0) return undefined;
  return node.parents.join(" > ");
}

export function tagFromPath(op: OperationNode): string {
  const segments = op.path.split("/").filter(Boolean);
  const resource = segments.find((s) => !s.startsWith("{") && !/^v\d+(\.\d+)?$/.test(s));
  return resource ?? "versions";
}
