// Overlay 1.0 action semantics, one row per rule: recursive merge, replace, append, remove.
import { expect, test } from "vitest";
import { applyOverlay } from "../../scraper/overlay/apply.ts";

const file = "specs/overlays/x.overlay.yaml";
const overlay = (...actions: object[]) => ({ overlay: "1.0.0", info: { title: "t", version: "1" }, actions });

const cases: [string, { given: object; actions: object[]; want: object }][] = [
  [
    "objects merge recursively, primitives are replaced",
    {
      given: { a: { b: { c: 1, d: "keep" }, e: "old" } },
      actions: [{ target: "$.a", update: { b: { c: 2, f: true }, e: "new" } }],
      want: { a: { b: { c: 2, d: "keep", f: true }, e: "new" } },
    },
  ],
  [
    "arrays inside an update are appended",
    {
      given: { schema: { required: ["name"] } },
      actions: [{ target: "$.schema", update: { required: ["description"] } }],
      want: { schema: { required: ["name", "description"] } },
    },
  ],
  [
    "an update on a selected array appends one entry",
    {
      given: { tags: [{ name: "a" }] },
      actions: [{ target: "$.tags", update: { name: "b" } }],
      want: { tags: [{ name: "a" }, { name: "b" }] },
    },
  ],
  [
    "null replaces (it is a value, not a deletion)",
    { given: { a: { b: 1 } }, actions: [{ target: "$.a", update: { b: null } }], want: { a: { b: null } } },
  ],
  [
    "a type mismatch replaces the value",
    { given: { a: { b: [1] } }, actions: [{ target: "$.a", update: { b: { c: 1 } } }], want: { a: { b: { c: 1 } } } },
  ],
  ["the root can be updated", { given: { a: 1 }, actions: [{ target: "$", update: { b: 2 } }], want: { a: 1, b: 2 } }],
  [
    "every match is updated",
    {
      given: { paths: { "/a": { get: {} }, "/b": { get: {} } } },
      actions: [{ target: "$.paths.*.get", update: { security: [] } }],
      want: { paths: { "/a": { get: { security: [] } }, "/b": { get: { security: [] } } } },
    },
  ],
  [
    "remove wins over update",
    { given: { a: { b: 1 }, c: 2 }, actions: [{ target: "$.a", remove: true, update: { b: 2 } }], want: { c: 2 } },
  ],
  [
    "several items of one array are removed without shifting",
    {
      given: { p: [{ in: "header" }, { in: "path" }, { in: "header" }, { in: "query" }] },
      actions: [{ target: "$.p[?(@.in == 'header')]", remove: true }],
      want: { p: [{ in: "path" }, { in: "query" }] },
    },
  ],
  [
    "actions apply in order, each on the previous result",
    {
      given: { a: {} },
      actions: [
        { target: "$.a", update: { b: { c: 1 } } },
        { target: "$.a.b", update: { d: 2 } },
        { target: "$.a.b.c", remove: true },
      ],
      want: { a: { b: { d: 2 } } },
    },
  ],
];

test.each(cases)("%s", (_name, { given, actions, want }) => {
  const result = applyOverlay(given, overlay(...actions), file);
  expect(result.diagnostics).toEqual([]);
  expect(result.spec).toEqual(want);
});

test("update values are copied, not shared with the overlay", () => {
  const update = { b: { c: 1 } };
  const result = applyOverlay({ a: {} }, overlay({ target: "$.a", update }), file);
  update.b.c = 2;
  expect(result.spec).toEqual({ a: { b: { c: 1 } } });
});

test("an update on a primitive is an error diagnostic, the rest still applies", () => {
  const result = applyOverlay(
    { a: { b: "x" }, c: {} },
    overlay({ target: "$.a.b", update: "y" }, { target: "$.c", update: { d: 1 } }),
    file,
    {
      actionLines: [6, 8],
    },
  );
  expect(result.spec).toEqual({ a: { b: "x" }, c: { d: 1 } });
  expect(result.diagnostics).toEqual([
    {
      ruleId: "overlay-target-not-object",
      severity: "error",
      message: "overlay action 0: $['a']['b'] is not an object or array; select the object that contains it",
      file,
      line: 6,
    },
  ]);
});

test("filters run in jsonpath-plus safe mode: no access to JavaScript", () => {
  const hostile = "$.a[?(@.constructor.constructor('return process')().exit(3))]";
  expect(() => applyOverlay({ a: { b: {} } }, overlay({ target: hostile, remove: true }), file)).toThrow(
    /cannot be evaluated/,
  );
});

test("a __proto__ key in an update stays an ordinary property", () => {
  const loaded = JSON.parse('{"__proto__": {"polluted": true}, "x": 1}') as object;
  const result = applyOverlay({ a: {} }, overlay({ target: "$.a", update: loaded }), file);
  expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  expect(Object.getPrototypeOf((result.spec as { a: object }).a)).toBe(Object.prototype);
  expect(Object.keys((result.spec as { a: object }).a)).toEqual(["__proto__", "x"]);
});
