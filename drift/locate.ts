// Where an operation sits in a spec file, for SARIF regions. JSON is YAML 1.2, so the yaml
// package's CST gives key positions without another parser.

import { isMap, isScalar, LineCounter, parseDocument } from "yaml";

/** Line (1-based) of each operation key, keyed "method path"; "* path" for the path item itself. */
export function operationLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  if (doc.errors.length > 0) return lines;
  const paths = doc.get("paths", true);
  if (!isMap(paths)) return lines;
  for (const pathPair of paths.items) {
    if (!isScalar(pathPair.key) || typeof pathPair.key.value !== "string") continue;
    const path = pathPair.key.value;
    const pathLine = lineOf(lineCounter, pathPair.key.range?.[0]);
    if (pathLine !== undefined) lines.set(`* ${path}`, pathLine);
    if (!isMap(pathPair.value)) continue;
    for (const methodPair of pathPair.value.items) {
      if (!isScalar(methodPair.key) || typeof methodPair.key.value !== "string") continue;
      const line = lineOf(lineCounter, methodPair.key.range?.[0]);
      if (line !== undefined) lines.set(`${methodPair.key.value} ${path}`, line);
    }
  }
  return lines;
}

function lineOf(lineCounter: LineCounter, offset: number | undefined): number | undefined {
  return offset === undefined ? undefined : lineCounter.linePos(offset).line;
}
