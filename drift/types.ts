// Drift findings and rules: plain data shared by the differ, the rules and the formatters.

export type Level = "breaking" | "warning" | "info";

export const LEVELS: readonly Level[] = ["breaking", "warning", "info"];

/**
 * One drift finding. This is also the element type of the JSON output format
 * (`{ formatVersion: 1, summary: { breaking, warning, info }, findings: Finding[] }`).
 *
 * - `ruleId`   rule that produced it, e.g. "request-property-removed" (drift/rules/<ruleId>.ts)
 * - `level`    "breaking" | "warning" | "info"
 * - `service`  spec name, from `specs/<service>.openapi.json`
 * - `method`   lower-case HTTP method ("post"); for a moved operation, the new one
 * - `path`     path template ("/v3/{project_id}/backups"); for a moved operation, the new one
 * - `location` where inside the operation: "operation", "parameter query limit",
 *              "request.body backup.name", "response 200 flavors[].availability_zone";
 *              `[]` steps into array items, `{}` into map values (additionalProperties),
 *              `oneOf[Title]` into a variant; description-changed lists several, comma-separated
 * - `message`  human sentence
 * - `old`, `new` the values before/after when there is one (a type, an enum, a bound, ...)
 */
export interface Finding {
  ruleId: string;
  level: Level;
  service: string;
  method: string;
  path: string;
  location: string;
  message: string;
  old?: unknown;
  new?: unknown;
}

/** What a rule detects; the rule wrapper adds ruleId, level and service. */
export type Change = Omit<Finding, "ruleId" | "level" | "service">;

export interface Rule<Ctx> {
  id: string;
  level: Level;
  description: string;
  check(ctx: Ctx): Finding[];
}
