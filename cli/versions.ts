// A generated package's version follows what changed in its spec: breaking -> major,
// additions -> minor, description-only -> patch, nothing -> unchanged.
import type { Finding } from "../drift/types.ts";

export type BumpLevel = "major" | "minor" | "patch" | "none";

export function bumpLevel(findings: readonly Finding[]): BumpLevel {
  if (findings.some((f) => f.level === "breaking")) return "major";
  if (findings.some((f) => f.ruleId !== "description-changed")) return "minor";
  return findings.length > 0 ? "patch" : "none";
}

export function bumpVersion(version: string, level: BumpLevel): string {
  const match = /^(\d+)\.(\d+)\.(\d+)(.*)$/.exec(version);
  if (!match || level === "none") return version;
  const [major, minor, patch] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (level === "major") return `${major + 1}.0.0`;
  if (level === "minor") return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}
