// The registry of doc rules: every diagnostic the scraper (and overlays) can report has one file
// here with its id, severity and summary. `report()` takes only a registered id (checked at
// compile time), and the README's rule table lists exactly these.
import type { Diagnostic } from "../../core/diagnostics.ts";
import constraintConflict from "./constraint-conflict.ts";
import defaultTypeMismatch from "./default-type-mismatch.ts";
import duplicateField from "./duplicate-field.ts";
import enumValuesMissing from "./enum-values-missing.ts";
import exampleInvalidJson from "./example-invalid-json.ts";
import exampleOtherApi from "./example-other-api.ts";
import exampleSchemaMismatch from "./example-schema-mismatch.ts";
import exampleTooDeep from "./example-too-deep.ts";
import operationIdClash from "./operation-id-clash.ts";
import operationIdFallback from "./operation-id-fallback.ts";
import operationWithoutUri from "./operation-without-uri.ts";
import operationsMerged from "./operations-merged.ts";
import overlayTargetNotObject from "./overlay-target-not-object.ts";
import overlayTargetUnmatched from "./overlay-target-unmatched.ts";
import pageNotInToc from "./page-not-in-toc.ts";
import pageNotOperation from "./page-not-operation.ts";
import pathParameterUndocumented from "./path-parameter-undocumented.ts";
import patternUnsafe from "./pattern-unsafe.ts";
import responseArrayRoot from "./response-array-root.ts";
import statusCodeMissing from "./status-code-missing.ts";
import tableInExample from "./table-in-example.ts";
import tableNotRecognised from "./table-not-recognised.ts";
import tableReferenceCycle from "./table-reference-cycle.ts";
import tableReferenceMismatch from "./table-reference-mismatch.ts";
import tableReferenceMissing from "./table-reference-missing.ts";
import tableReferenceTooDeep from "./table-reference-too-deep.ts";
import tableUnclaimed from "./table-unclaimed.ts";
import unknownType from "./unknown-type.ts";
import unparsedTableRow from "./unparsed-table-row.ts";
import uriFromExample from "./uri-from-example.ts";
import uriTableBodyField from "./uri-table-body-field.ts";

export const docRules = [
  constraintConflict,
  defaultTypeMismatch,
  duplicateField,
  enumValuesMissing,
  exampleInvalidJson,
  exampleOtherApi,
  exampleSchemaMismatch,
  exampleTooDeep,
  operationIdClash,
  operationIdFallback,
  operationWithoutUri,
  operationsMerged,
  overlayTargetNotObject,
  overlayTargetUnmatched,
  pageNotInToc,
  pageNotOperation,
  pathParameterUndocumented,
  patternUnsafe,
  responseArrayRoot,
  statusCodeMissing,
  tableInExample,
  tableNotRecognised,
  tableReferenceCycle,
  tableReferenceMismatch,
  tableReferenceMissing,
  tableReferenceTooDeep,
  tableUnclaimed,
  unknownType,
  unparsedTableRow,
  uriFromExample,
  uriTableBodyField,
] as const;

export type DocRuleId = (typeof docRules)[number]["id"];

const byId = new Map<string, (typeof docRules)[number]>(docRules.map((rule) => [rule.id, rule]));

export function docRule(id: DocRuleId): (typeof docRules)[number] {
  return byId.get(id)!;
}

/** A diagnostic of a registered doc rule; its severity is the rule's. */
export function docDiagnostic(ruleId: DocRuleId, file: string, line: number, message: string): Diagnostic {
  return { ruleId, severity: docRule(ruleId).severity, message, file, line };
}
