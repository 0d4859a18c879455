// The generated READMEs as prettier's markdown printer leaves them, without loading it: the only
// thing it changes in what emit-package.ts writes is the alignment of table columns (cell text
// is kept verbatim; test/generator/layout.test.ts checks every README against prettier). Columns
// are padded to the widest cell as prettier measures it (get-string-width: East Asian wide and
// fullwidth characters count two columns); a cell with a character outside the ranges below makes
// `alignTables` return undefined, and prettier formats that README.

/** Display width of text as prettier counts it, or undefined for characters not classified here. */
export function textWidth(text: string): number | undefined {
  let width = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x20 && c <= 0x7e) width += 1;
    else if (
      (c >= 0x4e00 && c <= 0x9fff) || // CJK unified ideographs
      (c >= 0x3400 && c <= 0x4dbf) || // extension A
      (c >= 0xff01 && c <= 0xff60) || // fullwidth forms
      (c >= 0x3000 && c <= 0x3029) || // ideographic space and punctuation (not the marks from U+302A)
      (c >= 0x3031 && c <= 0x303c) // (U+3030 and U+303D are emoji)
    )
      width += 2;
    else if ((c >= 0xa1 && c <= 0xff) || (c >= 0x2010 && c <= 0x2027)) width += 1;
    else return undefined;
  }
  return width;
}

/**
 * Aligns every table (`| a | b |` rows after a `| --- | --- |` delimiter row, left-aligned
 * columns, as emit-package.ts writes them): prettier's printTable with proseWrap "preserve".
 */
export function alignTables(markdown: string): string | undefined {
  const lines = markdown.split("\n");
  for (let start = 0; start < lines.length; start++) {
    if (!lines[start]!.startsWith("| ") || !/^\| -+( \| -+)* \|$/.test(lines[start + 1] ?? "")) continue;
    let end = start + 2;
    while (end < lines.length && lines[end]!.startsWith("| ")) end++;
    // Cells are separated by " | "; a "|" inside a cell is always escaped ("\|").
    const rows = lines.slice(start, end).map((l) => l.slice(2, -2).split(" | "));
    const columns = rows[0]!.length;
    if (rows.some((r) => r.length !== columns)) return undefined;
    const widths: number[][] = [];
    for (const row of rows) {
      const w = row.map(textWidth);
      if (w.some((x) => x === undefined)) return undefined;
      widths.push(w as number[]);
    }
    const max = Array.from({ length: columns }, (_, c) => Math.max(3, ...widths.filter((_, r) => r !== 1).map((w) => w[c]!)));
    rows.forEach((row, r) => {
      const cells = r === 1 ? max.map((m) => "-".repeat(m)) : row.map((cell, c) => cell + " ".repeat(max[c]! - widths[r]![c]!));
      lines[start + r] = `| ${cells.join(" | ")} |`;
    });
    start = end;
  }
  return lines.join("\n");
}
