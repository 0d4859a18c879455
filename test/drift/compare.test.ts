// Comparison behaviour shared by all rules: what counts as the same contract.
import { expect, test } from "vitest";
import { diffSpecs } from "../../drift/diff.ts";

const P = "/v3/{project_id}/instances/{instance_id}/backups";

function specWith(op: object, components?: object, path = P): object {
  return {
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    paths: { [path]: { post: op } },
    ...(components ? { components } : {}),
  };
}

function op(body: object, extra: object = {}, instanceParam = "instance_id"): object {
  return {
    operationId: "createBackup",
    parameters: [
      { name: "project_id", in: "path", required: true, schema: { type: "string" } },
      { name: instanceParam, in: "path", required: true, schema: { type: "string" } },
    ],
    requestBody: { content: { "application/json": { schema: body } } },
    responses: { "202": { description: "Accepted" } },
    ...extra,
  };
}

const backup = {
  type: "object",
  properties: {
    backup: { type: "object", properties: { name: { type: "string", maxLength: 64 } }, required: ["name"] },
  },
};

const cases: [string, { base: object; revision: object; want: { ruleId: string; location: string }[] }][] = [
  ["identical specs", { base: specWith(op(backup)), revision: specWith(op(backup)), want: [] }],
  [
    "a $ref and the same schema inline are one contract",
    {
      base: specWith(op(backup)),
      revision: specWith(op({ $ref: "#/components/schemas/CreateBackup" }), { schemas: { CreateBackup: backup } }),
      want: [],
    },
  ],
  [
    "allOf is flattened before comparing",
    {
      base: specWith(op(backup)),
      revision: specWith(
        op({
          allOf: [{ type: "object" }, { properties: { backup: { $ref: "#/components/schemas/Backup" } } }],
        }),
        { schemas: { Backup: backup.properties.backup } },
      ),
      want: [],
    },
  ],
  [
    "x-docs2ts-source is provenance, not contract",
    {
      base: specWith(op(backup, { "x-docs2ts-source": { page: "a.html", section: "URI" } })),
      revision: specWith(op(backup, { "x-docs2ts-source": { page: "b.html", section: "Request" } })),
      want: [],
    },
  ],
  [
    "a renamed path parameter keeps the operation matched",
    {
      base: specWith(op(backup, {}, "id"), undefined, "/v3/{project_id}/instances/{id}/backups"),
      revision: specWith(op(backup)),
      want: [
        { ruleId: "parameter-removed", location: "parameter path id" },
        { ruleId: "required-parameter-added", location: "parameter path instance_id" },
      ],
    },
  ],
  [
    "a recursive schema terminates",
    {
      base: specWith(op({ $ref: "#/components/schemas/Node" }), {
        schemas: { Node: { type: "object", properties: { child: { $ref: "#/components/schemas/Node" } } } },
      }),
      revision: specWith(op({ $ref: "#/components/schemas/Node" }), {
        schemas: {
          Node: {
            type: "object",
            properties: { child: { $ref: "#/components/schemas/Node" }, name: { type: "string" } },
          },
        },
      }),
      want: [{ ruleId: "property-added", location: "request.body name" }],
    },
  ],
  [
    "oneOf variants are matched by title",
    {
      base: specWith(
        op({
          oneOf: [
            { title: "ByName", type: "object", properties: { name: { type: "string" } } },
            { title: "ById", type: "object", properties: { id: { type: "string" } } },
          ],
        }),
      ),
      revision: specWith(
        op({
          oneOf: [
            { title: "ById", type: "object", properties: { id: { type: "string", maxLength: 36 } } },
            { title: "ByName", type: "object", properties: { name: { type: "string" } } },
          ],
        }),
      ),
      want: [{ ruleId: "request-constraint-tightened", location: "request.body oneOf[ById].id" }],
    },
  ],
  [
    "a request body that appears shows as properties added, not a type change",
    {
      base: specWith(
        { operationId: "createBackup", responses: { "202": { description: "Accepted" } } },
        undefined,
        "/v3/backups",
      ),
      revision: specWith(
        {
          operationId: "createBackup",
          requestBody: {
            content: {
              "application/json": {
                schema: { type: "object", properties: { name: { type: "string" } }, required: ["name"] },
              },
            },
          },
          responses: { "202": { description: "Accepted" } },
        },
        undefined,
        "/v3/backups",
      ),
      want: [{ ruleId: "request-property-added-required", location: "request.body name" }],
    },
  ],
  [
    "a service that appeared: every operation added",
    { base: {}, revision: specWith(op(backup)), want: [{ ruleId: "operation-added", location: "operation" }] },
  ],
];

test.each(cases)("%s", (_name, { base, revision, want }) => {
  const got = diffSpecs(base, revision, { service: "svc" }).map((f) => ({ ruleId: f.ruleId, location: f.location }));
  expect(got).toEqual(want);
});

test("diffSpecs does not mutate its inputs", () => {
  const base = specWith(op(backup));
  const revision = specWith(op({ $ref: "#/components/schemas/B" }), { schemas: { B: backup } });
  const before = JSON.stringify([base, revision]);
  diffSpecs(base, revision, { service: "svc" });
  expect(JSON.stringify([base, revision])).toBe(before);
});

test("a property named like an Object.prototype member is an ordinary property", () => {
  const schema = (props: object) => ({ type: "object", properties: props });
  const base = specWith(op(schema({ name: { type: "string" } })));
  const revision = specWith(op(schema({ name: { type: "string" }, constructor: { type: "string" } })));
  expect(diffSpecs(base, revision, { service: "svc" }).map((f) => `${f.ruleId} ${f.location}`)).toEqual([
    "property-added request.body constructor",
  ]);
});
