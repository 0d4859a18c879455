// Timing helpers for the bench: runs alternate between contenders so machine noise hits both
// alike, and medians are reported.
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Runs each contender `rounds` times, interleaved, after one warm-up each; returns median ms. The
 * order rotates every round: no contender always runs right after the same one (and pays for
 * the garbage it left).
 */
export function alternate(contenders: Record<string, () => void>, rounds: number): Record<string, number> {
  const names = Object.keys(contenders);
  for (const name of names) contenders[name]!();
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = 0; round < rounds; round++) {
    for (const name of names.map((_, i) => names[(i + round) % names.length]!)) {
      const start = performance.now();
      contenders[name]!();
      samples[name]!.push(performance.now() - start);
    }
  }
  return Object.fromEntries(names.map((n) => [n, median(samples[n]!)]));
}

/** Like `alternate`, for async contenders; the order rotates every round (no one always goes first). */
export async function alternateAsync(contenders: Record<string, () => Promise<void>>, rounds: number): Promise<Record<string, number>> {
  const names = Object.keys(contenders);
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = 0; round < rounds; round++) {
    for (const name of names.map((_, i) => names[(i + round) % names.length]!)) {
      const start = performance.now();
      await contenders[name]!();
      samples[name]!.push(performance.now() - start);
    }
  }
  return Object.fromEntries(names.map((n) => [n, median(samples[n]!)]));
}

export function fmt(value: number, digits = 1): string {
  return value.toFixed(digits);
}
