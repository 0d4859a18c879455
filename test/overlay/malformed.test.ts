// A malformed overlay is an OverlayError naming the file, and the action index and line when it is one.
import { expect, test } from "vitest";
import { applyOverlay, loadOverlay, OverlayError } from "../../scraper/overlay/apply.ts";
import { read } from "./fixture.ts";

const file = "specs/overlays/x.overlay.yaml";
const head = "overlay: 1.0.0\ninfo:\n  title: t\n  version: 1.0.0\n";

test("malformed: an action without a target names file, action index and line", () => {
  const text = read("malformed", "action-without-target.overlay.yaml");
  let error: unknown;
  try {
    loadOverlay(text, file);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(OverlayError);
  expect(error).toMatchObject({ file, actionIndex: 1, line: 9 });
  expect((error as Error).message).toBe(`${file}:9: actions[1] "target" must be a non-empty JSONPath string`);
});

const cases: [string, string, RegExp][] = [
  ["not YAML", "overlay: [1.0.0\n", /x\.overlay\.yaml:\d+: not valid YAML/],
  ["not a mapping", "- a\n- b\n", /x\.overlay\.yaml: an overlay document must be a mapping/],
  [
    "overlay version missing",
    "info:\n  title: t\n  version: v\nactions: []\n",
    /"overlay" must be a version string 1\.0\.x/,
  ],
  [
    "overlay version 1.1",
    head.replace("1.0.0", "1.1.0") + "actions:\n  - target: $\n    remove: true\n",
    /1\.0\.x \(got "1\.1\.0"/,
  ],
  ["version written as a YAML number", head.replace("overlay: 1.0.0", "overlay: 1.0"), /1\.0\.x \(got 1;/],
  [
    "info missing",
    "overlay: 1.0.0\nactions:\n  - target: $\n    remove: true\n",
    /"info" with "title" and "version" is required/,
  ],
  [
    "info.title missing",
    "overlay: 1.0.0\ninfo:\n  version: v\nactions: []\n",
    /"info\.title" must be a non-empty string/,
  ],
  ["no actions", head + "actions: []\n", /"actions" must be a list with at least one action/],
  ["unknown top-level field", head + "action:\n  - target: $\n", /unknown field "action"/],
  [
    "typo in an action field",
    head + "actions:\n  - target: $.info\n    udpate: {}\n",
    /:6: actions\[0\] unknown field "udpate"/,
  ],
  [
    "remove not a boolean",
    head + "actions:\n  - target: $.info\n    remove: yes\n",
    /actions\[0\] "remove" must be true or false/,
  ],
  [
    "neither update nor remove",
    head + "actions:\n  - target: $.info\n",
    /actions\[0\] an action needs "update" or "remove: true"/,
  ],
  [
    "target not starting with $",
    head + "actions:\n  - target: paths\n    remove: true\n",
    /"target" "paths" must start with \$/,
  ],
  [
    "unbalanced bracket in target",
    head + "actions:\n  - target: $.paths[\n    remove: true\n",
    /actions\[0\] "target" "\$\.paths\[" is missing "\]"/,
  ],
  [
    "unterminated quote in target",
    head + "actions:\n  - target: $.paths['/x]\n    remove: true\n",
    /unterminated string/,
  ],
];

test.each(cases)("malformed: %s", (_name, text, message) => {
  expect(() => loadOverlay(text, file)).toThrow(OverlayError);
  expect(() => loadOverlay(text, file)).toThrow(message);
});

test("malformed: applyOverlay validates an already-parsed overlay too", () => {
  expect(() =>
    applyOverlay({}, { overlay: "1.0.0", info: { title: "t", version: "1" }, actions: [{ update: {} }] }, file),
  ).toThrow(`${file}: actions[0] "target" must be a non-empty JSONPath string`);
});

test("malformed: removing the document root is an error", () => {
  expect(() =>
    applyOverlay(
      { a: 1 },
      { overlay: "1.0.0", info: { title: "t", version: "1" }, actions: [{ target: "$", remove: true }] },
      file,
    ),
  ).toThrow(/actions\[0\] cannot remove the document root/);
});
