// Offset -> 1-based line mapping. CRLF, LF and a lone CR each end one line.

export interface SourceLine {
  /** Line text without its terminator. */
  text: string;
  /** 1-based line number in the original file. */
  line: number;
  /** Offset of the first character of the line. */
  start: number;
  /** Offset just past the line terminator (or the end of the text). */
  end: number;
}

/** Offsets at which each line starts (index 0 is line 1). Linear. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      starts.push(i + 1);
    } else if (c === 13) {
      if (i + 1 < n && text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Index of the greatest element of a sorted array that is <= value (0 when none). */
export function floorIndex(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((sorted[mid] ?? 0) <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Maps offsets of one text to 1-based line numbers. */
export class LineIndex {
  readonly starts: number[];
  constructor(text: string) {
    this.starts = lineStarts(text);
  }
  /** 1-based line of an offset (offsets past the end map to the last line). */
  lineAt(offset: number): number {
    return floorIndex(this.starts, offset) + 1;
  }
  get lineCount(): number {
    return this.starts.length;
  }
}

/** Splits text into lines (terminators removed), keeping 1-based numbers and offsets. */
export function splitLines(text: string): SourceLine[] {
  const out: SourceLine[] = [];
  const n = text.length;
  let start = 0;
  let line = 1;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      const contentEnd = i;
      if (c === 13 && i + 1 < n && text.charCodeAt(i + 1) === 10) i++;
      out.push({ text: text.slice(start, contentEnd), line, start, end: i + 1 });
      start = i + 1;
      line++;
    }
  }
  // The last line (even if empty, so a text of "" still has one line, like an editor shows).
  if (start < n || out.length === 0) out.push({ text: text.slice(start), line, start, end: n });
  return out;
}

/**
 * Maps offsets of a derived text (built from whole or partial copies of original lines) back
 * to original lines: each segment records where it starts in the derived text and the original
 * line it came from.
 */
export class SegmentLineMap {
  private readonly derivedStarts: number[] = [];
  private readonly originalLines: number[] = [];
  /** Declare that derived text from `derivedOffset` on comes from original line `line`. */
  add(derivedOffset: number, line: number): void {
    const last = this.derivedStarts.length - 1;
    if (last >= 0 && this.derivedStarts[last] === derivedOffset) {
      this.originalLines[last] = line;
      return;
    }
    this.derivedStarts.push(derivedOffset);
    this.originalLines.push(line);
  }
  lineAt(derivedOffset: number): number {
    if (this.derivedStarts.length === 0) return 1;
    return this.originalLines[floorIndex(this.derivedStarts, derivedOffset)] ?? 1;
  }
}
