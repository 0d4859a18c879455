// A small, fixed set of findings across two services for the format tests.
import { diffSpecs, sortFindings } from "../../../drift/diff.ts";
import type { Finding } from "../../../drift/types.ts";
import { loadFixture } from "../fixture.ts";

export function sampleFindings(): Finding[] {
  const pair = (fixture: string, service: string) =>
    diffSpecs(loadFixture(fixture, "base"), loadFixture(fixture, "revision"), { service });
  return sortFindings([...pair("request-property-removed", "taurusdb"), ...pair("property-added", "rds")]);
}
