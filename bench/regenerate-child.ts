// Runs in its own process so peak RSS is the regenerate's own: a cold run (empty cache) and a
// warm run (same cache, nothing changed), reported as JSON on stdout.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { regenerate } from "../cli/regenerate.ts";

const rootDir = process.argv[2]!;
const cacheDir = mkdtempSync(path.join(tmpdir(), "docs2ts-bench-cache-"));
try {
  const coldStart = performance.now();
  await regenerate({ rootDir, check: true, cacheDir });
  const cold = performance.now() - coldStart;
  const warmStart = performance.now();
  await regenerate({ rootDir, check: true, cacheDir });
  const warm = performance.now() - warmStart;
  process.stdout.write(JSON.stringify({ cold, warm, maxRssKb: process.resourceUsage().maxRSS }));
} finally {
  rmSync(cacheDir, { recursive: true, force: true });
}
