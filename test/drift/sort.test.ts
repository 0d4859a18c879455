// Findings are sorted by a total order (level, path, method, rule id, then location, message,
// service, old, new): any permutation of the same findings prints the same.
import fc from "fast-check";
import { expect, test } from "vitest";
import { compareFindings, sortFindings } from "../../drift/diff.ts";
import type { Finding } from "../../drift/types.ts";

const finding: fc.Arbitrary<Finding> = fc.record(
  {
    ruleId: fc.constantFrom("operation-removed", "property-added", "request-property-removed"),
    level: fc.constantFrom("breaking", "warning", "info"),
    service: fc.constantFrom("rds", "dds"),
    method: fc.constantFrom("get", "post"),
    path: fc.constantFrom("/a", "/b", "/a/{id}"),
    location: fc.constantFrom("operation", "request.body name", "response 200 items[].id"),
    message: fc.constantFrom("x", "y"),
    old: fc.constantFrom(1, "a", ["a"]),
    new: fc.constantFrom(2, "b"),
  },
  { requiredKeys: ["ruleId", "level", "service", "method", "path", "location", "message"] },
);

test("sorting is independent of input order", () => {
  fc.assert(
    fc.property(fc.array(finding, { maxLength: 30 }), fc.infiniteStream(fc.nat()), (findings, stream) => {
      const shuffled = [...findings];
      for (let i = shuffled.length - 1; i > 0; i -= 1) {
        const j = stream.next().value % (i + 1);
        [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
      }
      expect(JSON.stringify(sortFindings(shuffled))).toBe(JSON.stringify(sortFindings(findings)));
    }),
  );
});

test("the order is total: compare is 0 only for identical findings, and antisymmetric", () => {
  fc.assert(
    fc.property(finding, finding, (a, b) => {
      const ab = compareFindings(a, b);
      expect(Math.sign(ab) + Math.sign(compareFindings(b, a))).toBe(0);
      if (ab === 0) expect(JSON.stringify(sortFindings([a]))).toBe(JSON.stringify(sortFindings([b])));
    }),
  );
});

test("level comes first, then path, method and rule id", () => {
  const base = { service: "s", location: "operation", message: "m" };
  const list: Finding[] = [
    { ...base, ruleId: "b", level: "info", method: "get", path: "/a" },
    { ...base, ruleId: "a", level: "breaking", method: "post", path: "/b" },
    { ...base, ruleId: "z", level: "breaking", method: "get", path: "/b" },
    { ...base, ruleId: "a", level: "breaking", method: "get", path: "/b" },
    { ...base, ruleId: "c", level: "warning", method: "get", path: "/a" },
  ];
  expect(sortFindings(list).map((f) => `${f.level} ${f.path} ${f.method} ${f.ruleId}`)).toEqual([
    "breaking /b get a",
    "breaking /b get z",
    "breaking /b post a",
    "warning /a get c",
    "info /a get b",
  ]);
});
