// The bytes docs2ts writes for JSON files (specs, diagnostics, reports): two-space indentation and a
// final newline. Key order is the order the producing stage built, which every stage keeps stable.

export function serializeJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
