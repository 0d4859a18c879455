// Text lines for a sync report: one summary line per service, then `  + added`, `  ~ changed`,
// `  - removed` pages (unchanged pages are only counted).

import type { ServiceSyncReport, SyncReport } from "./types.ts";

export function summaryLine(s: ServiceSyncReport): string {
  const counts = `${s.added.length} added, ${s.changed.length} changed, ${s.removed.length} removed, ${s.unchanged.length} unchanged`;
  return `${s.service}: ${counts} (${s.upstream}${s.commit ? ` @ ${s.commit.slice(0, 12)}` : ""})`;
}

export function serviceLines(s: ServiceSyncReport): string[] {
  return [
    summaryLine(s),
    ...s.added.map((p) => `  + ${p}`),
    ...s.changed.map((p) => `  ~ ${p}`),
    ...s.removed.map((p) => `  - ${p}`),
  ];
}

export function hasPageChanges(s: ServiceSyncReport): boolean {
  return s.added.length + s.changed.length + s.removed.length > 0;
}

/** The closing line: what was written, or in --check mode whether sources/ is current. */
export function closingLine(report: SyncReport, check: boolean): string {
  const differing = report.services.filter(hasPageChanges).map((s) => s.service);
  if (check) {
    return differing.length > 0
      ? `upstream differs from sources/ for ${differing.join(", ")} (run \`docs2ts sync\`, then \`docs2ts regenerate\`)`
      : "sources/ is up to date with upstream";
  }
  const written = report.services.filter((s) => s.written).map((s) => s.service);
  if (written.length === 0) return "sources/ is up to date with upstream; nothing written";
  const lockOnly = report.services.filter((s) => s.written && !hasPageChanges(s)).map((s) => s.service);
  return `updated sources/ for ${written.join(", ")}${lockOnly.length > 0 ? ` (lock file only: ${lockOnly.join(", ")})` : ""}${differing.length > 0 ? "; run `docs2ts regenerate` and review the diff" : ""}`;
}

export function formatReport(report: SyncReport, check: boolean): string[] {
  return [...report.services.flatMap(serviceLines), closingLine(report, check)];
}
