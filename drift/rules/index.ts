// Every drift rule, registered once. A rule lives in drift/rules/<id>.ts, is tested in
// test/drift/rules/<id>.test.ts with the fixture pair test/fixtures/drift/<id>/{base,revision}.openapi.json.

import { rule as descriptionChanged } from "./description-changed.ts";
import { rule as operationAdded } from "./operation-added.ts";
import { rule as operationIdChanged } from "./operation-id-changed.ts";
import { rule as operationMoved } from "./operation-moved.ts";
import { rule as operationRemoved } from "./operation-removed.ts";
import { rule as optionalParameterAdded } from "./optional-parameter-added.ts";
import { rule as parameterBecameRequired } from "./parameter-became-required.ts";
import { rule as parameterLocationChanged } from "./parameter-location-changed.ts";
import { rule as parameterRemoved } from "./parameter-removed.ts";
import { rule as parameterTypeChanged } from "./parameter-type-changed.ts";
import { rule as propertyAdded } from "./property-added.ts";
import { rule as propertyTypeChanged } from "./property-type-changed.ts";
import { rule as requestConstraintLoosened } from "./request-constraint-loosened.ts";
import { rule as requestConstraintTightened } from "./request-constraint-tightened.ts";
import { rule as requestEnumAdded } from "./request-enum-added.ts";
import { rule as requestEnumValueRemoved } from "./request-enum-value-removed.ts";
import { rule as requestPropertyAddedRequired } from "./request-property-added-required.ts";
import { rule as requestPropertyBecameRequired } from "./request-property-became-required.ts";
import { rule as requestPropertyRemoved } from "./request-property-removed.ts";
import { rule as requestPropertyRemovedOpenSchema } from "./request-property-removed-open-schema.ts";
import { rule as requiredParameterAdded } from "./required-parameter-added.ts";
import { rule as responseConstraintLoosened } from "./response-constraint-loosened.ts";
import { rule as responseEnumValueAdded } from "./response-enum-value-added.ts";
import { rule as responsePropertyBecameOptional } from "./response-property-became-optional.ts";
import { rule as responsePropertyRemoved } from "./response-property-removed.ts";
import { rule as responseStatusAdded } from "./response-status-added.ts";
import { rule as responseStatusRemoved } from "./response-status-removed.ts";
import type { DriftRule } from "./define.ts";

export type { DriftRule } from "./define.ts";

export const RULES: readonly DriftRule[] = [
  descriptionChanged,
  operationAdded,
  operationIdChanged,
  operationMoved,
  operationRemoved,
  optionalParameterAdded,
  parameterBecameRequired,
  parameterLocationChanged,
  parameterRemoved,
  parameterTypeChanged,
  propertyAdded,
  propertyTypeChanged,
  requestConstraintLoosened,
  requestConstraintTightened,
  requestEnumAdded,
  requestEnumValueRemoved,
  requestPropertyAddedRequired,
  requestPropertyBecameRequired,
  requestPropertyRemoved,
  requestPropertyRemovedOpenSchema,
  requiredParameterAdded,
  responseConstraintLoosened,
  responseEnumValueAdded,
  responsePropertyBecameOptional,
  responsePropertyRemoved,
  responseStatusAdded,
  responseStatusRemoved,
];
