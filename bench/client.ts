// Client overhead: requests per second through our generated DDS client vs openapi-fetch (typed
// with openapi-typescript's output for the same spec), same operation (list backups: GET with a
// path and two query parameters, token header, JSON response), against one in-process
// http.createServer on 127.0.0.1. Both use the global fetch with its default keep-alive agent;
// request validation off for both (openapi-fetch has none), and for the goal row no timeout
// either (openapi-fetch sets none); contenders alternate in batches, the order rotating.
import http from "node:http";
import type { AddressInfo } from "node:net";
import createFetchClient from "openapi-fetch";
import { createClient, listBackups } from "../generated/dds/src/index.ts";
import { alternateAsync, fmt } from "./measure.ts";
import { verdict, type GoalResult, type Row } from "./work.ts";

export interface ClientResult {
  rows: Row[];
  goals: GoalResult[];
}

const projectId = "0b5a3d4fb200102d2f79c0185ab3e8f1";
const responseBody = JSON.stringify({
  backups: Array.from({ length: 10 }, (_, i) => ({
    id: `43e4feaab48f11e89039fa163ebaa7e4br${String(i).padStart(2, "0")}`,
    name: `backup-${i}`,
    instance_id: "43e4feaab48f11e89039fa163ebaa7e4in02",
    instance_name: "cluster-test",
    datastore: { type: "DDS-Community", version: "3.4" },
    type: "Auto",
    begin_time: "2018-08-06 12:41:14",
    end_time: "2018-08-06 12:43:14",
    status: "COMPLETED",
    size: 2803,
    description: "backup description",
  })),
  total_count: 10,
});

export async function benchClient(rounds: number, batch: number): Promise<ClientResult> {
  const server = http.createServer((req, res) => {
    if (req.method !== "GET" || !req.url?.startsWith(`/v3/${projectId}/backups?`) || req.headers["x-auth-token"] !== "token") {
      res.writeHead(400).end();
      return;
    }
    res.writeHead(200, { "Content-Type": "application/json", "X-Request-Id": "bench" });
    res.end(responseBody);
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const ours = createClient({ endpoint, projectId, auth: { token: "token" }, validation: { request: false } });
  // openapi-fetch sets no timeout; ours aborts an attempt after 30 s by default (an AbortController
  // and a timer per request). Without it, the two do the same work.
  const oursNoTimeout = createClient({ endpoint, projectId, auth: { token: "token" }, validation: { request: false }, timeoutMs: 0 });
  const oursValidating = createClient({
    endpoint,
    projectId,
    auth: { token: "token" },
    validation: { request: true, response: "strict", onWarning: () => { throw new Error("bench: unexpected validation warning"); } },
  });
  // openapi-typescript's `paths` type only narrows at compile time; the call is the same at run time.
  const peer = createFetchClient<any>({ baseUrl: endpoint, headers: { "X-Auth-Token": "token" } });
  const query = { offset: 0, limit: 10 };

  const calls: Record<string, () => Promise<unknown>> = {
    docs2ts: () => listBackups(oursNoTimeout, { query }),
    "docs2ts, default 30 s timeout": () => listBackups(ours, { query }),
    "openapi-fetch": async () => {
      const { data, error } = await peer.GET("/v3/{project_id}/backups", { params: { path: { project_id: projectId }, query } });
      if (error !== undefined) throw new Error("bench: openapi-fetch got an error response");
      return data;
    },
    "docs2ts, request and response validation on": () => listBackups(oursValidating, { query }),
  };
  for (const call of Object.values(calls)) {
    const body = (await call()) as { total_count?: number };
    if (body.total_count !== 10) throw new Error("bench: unexpected response");
  }

  const sequential = (call: () => Promise<unknown>) => async () => {
    for (let i = 0; i < batch; i++) await call();
  };
  const concurrent = (call: () => Promise<unknown>) => async () => {
    let next = 0;
    const worker = async () => {
      while (next++ < batch) await call();
    };
    await Promise.all(Array.from({ length: 8 }, worker));
  };

  const rows: Row[] = [];
  const goals: GoalResult[] = [];
  try {
    for (const [label, shape] of [["sequential", sequential], ["concurrency 8", concurrent]] as const) {
      // Warm-up: connections open, code optimised.
      for (const call of Object.values(calls)) await shape(call)();
      const ms = await alternateAsync(Object.fromEntries(Object.entries(calls).map(([name, call]) => [name, shape(call)])), rounds);
      const rps = (name: string) => (batch / ms[name]!) * 1000;
      const met = rps("docs2ts") >= rps("openapi-fetch");
      const vsPeer = (name: string) => `${fmt(rps(name) / rps("openapi-fetch"), 2)}x openapi-fetch`;
      rows.push([`client, DDS listBackups GET, ${label}: docs2ts (validation off, no timeout: as openapi-fetch)`, `${fmt(rps("docs2ts"), 0)} req/s`, vsPeer("docs2ts"), verdict(met, "goal >= openapi-fetch")]);
      rows.push([`client, DDS listBackups GET, ${label}: openapi-fetch`, `${fmt(rps("openapi-fetch"), 0)} req/s`, "", ""]);
      rows.push([`client, DDS listBackups GET, ${label}: docs2ts (validation off, default 30 s timeout)`, `${fmt(rps("docs2ts, default 30 s timeout"), 0)} req/s`, vsPeer("docs2ts, default 30 s timeout"), ""]);
      rows.push([`client, DDS listBackups GET, ${label}: docs2ts with request and response validation (default timeout)`, `${fmt(rps("docs2ts, request and response validation on"), 0)} req/s`, vsPeer("docs2ts, request and response validation on"), ""]);
      goals.push({ goal: `client >= openapi-fetch (${label})`, met, detail: `${fmt(rps("docs2ts") / rps("openapi-fetch"), 2)}x` });
    }
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  return { rows, goals };
}
