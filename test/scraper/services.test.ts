// Whole services from their committed doc snapshots in sources/: every page accounted for (an
// operation, a shared page, or left out with its reason), specs valid, examples checked.
// A page that stops producing its operation fails here.
import { beforeAll, describe, expect, test } from "vitest";
import SwaggerParser from "@apidevtools/swagger-parser";
import { Ajv2020 } from "ajv/dist/2020.js";
import type { ScrapeResult } from "../../scraper/index.ts";
import { scrapeConfiguredService } from "./service-helpers.ts";

/** [page file, operationId | "shared:<kind>" | "left-out:<reason>"] */
const expectedPages: Record<"dds" | "elb", [string, string][]> = {
  dds: [
    ["Token认证.md", "shared:authentication"],
    ["index.md", "shared:index"],
    ["创建实例.md", "createInstance"],
    ["创建手动备份.md", "createManualBackup"],
    ["删除实例.md", "deleteInstance"],
    ["删除手动备份.md", "deleteManualBackup"],
    ["变更实例规格.md", "changeInstanceFlavor"],
    ["快速入门.md", "left-out:no request line (method and URI)"],
    ["扩容实例存储容量.md", "expandInstanceStorageVolume"],
    ["扩容集群实例的节点数量.md", "expandClusterInstanceNodeCount"],
    ["批量添加或删除资源标签.md", "batchAddOrDeleteResourceTags"],
    ["文档数据库服务监控指标说明.md", "left-out:no request line (method and URI)"],
    ["构造请求.md", "shared:request"],
    ["查询API版本信息.md", "showApiVersion"],
    ["查询API版本列表.md", "listApiVersions"],
    ["查询备份列表.md", "listBackups"],
    ["查询实例列表.md", "listInstances"],
    ["查询所有实例规格信息.md", "listInstanceFlavors"],
    ["查询数据库版本信息.md", "listDatabaseVersions"],
    ["查询自动备份策略.md", "showAutoBackupPolicy"],
    ["查询资源实例.md", "listResourceInstances"],
    ["查询资源标签.md", "listResourceTags"],
    ["查询项目标签.md", "listProjectTags"],
    ["状态码.md", "shared:status-codes"],
    ["获取项目ID.md", "shared:project-id"],
    ["设置自动备份策略.md", "setAutoBackupPolicy"],
    ["返回结果.md", "shared:request"],
    ["重启实例.md", "restartInstance"],
    ["错误码.md", "shared:error-codes"],
  ],
  elb: [
    ["CreateCertificate.html", "createCertificateV3"],
    ["CreateHealthMonitor.html", "configureHealthCheckV3"],
    ["CreateL7Policy.html", "addForwardingPolicyV3"],
    ["CreateL7Rule.html", "addForwardingRuleV3"],
    ["CreateListener.html", "addListenerV3"],
    ["CreateLoadBalancer.html", "createLoadBalancerV3"],
    ["CreateMember.html", "addBackendServerV3"],
    ["CreatePool.html", "createBackendServerGroupV3"],
    ["CreatePool1.html", "left-out:page-not-in-toc"],
    ["DeleteCertificate.html", "deleteCertificateV3"],
    ["DeleteHealthMonitor.html", "deleteHealthCheckV3"],
    ["DeleteL7Policy.html", "deleteForwardingPolicyV3"],
    ["DeleteL7Rule.html", "deleteForwardingRuleV3"],
    ["DeleteListener.html", "deleteListenerV3"],
    ["DeleteLoadBalancer.html", "deleteLoadBalancerV3"],
    ["DeleteMember.html", "removeBackendServerV3"],
    ["DeletePool.html", "deleteBackendServerGroupV3"],
    ["ListAvailabilityZones.html", "listAzsV3"],
    ["ListCertificates.html", "listCertificatesV3"],
    ["ListFlavors.html", "listFlavorsV3"],
    ["ListHealthMonitors.html", "listHealthChecksV3"],
    ["ListL7Policies.html", "listForwardingPoliciesV3"],
    ["ListL7Rules.html", "listForwardingRulesV3"],
    ["ListListeners.html", "listListenersV3"],
    ["ListLoadBalancers.html", "listLoadBalancersV3"],
    ["ListMembers.html", "listBackendServersV3"],
    ["ListPools.html", "listBackendServerGroupsV3"],
    ["ShowCertificate.html", "viewCertificateV3"],
    ["ShowFlavor.html", "viewFlavorV3"],
    ["ShowHealthMonitor.html", "viewHealthCheckV3"],
    ["ShowL7Policy.html", "viewForwardingPolicyV3"],
    ["ShowL7Rule.html", "viewForwardingRuleV3"],
    ["ShowListener.html", "viewListenerV3"],
    ["ShowLoadBalancer.html", "viewLoadBalancerV3"],
    ["ShowLoadBalancerStatus.html", "showLoadBalancerStatusTreeV3"],
    ["ShowMember.html", "viewBackendServerV3"],
    ["ShowPool.html", "viewBackendServerGroupV3"],
    ["ShowQuota.html", "listQuotasV3"],
    ["UpdateCertificate.html", "updateCertificateV3"],
    ["UpdateHealthMonitor.html", "updateHealthCheckV3"],
    ["UpdateL7Policy.html", "updateForwardingPolicyV3"],
    ["UpdateL7Rule.html", "updateForwardingRuleV3"],
    ["UpdateListener.html", "updateListenerV3"],
    ["UpdateLoadBalancer.html", "updateLoadBalancerV3"],
    ["UpdateMember.html", "updateBackendServerV3"],
    ["UpdatePool.html", "updateBackendServerGroupV3"],
    ["elb_dx_0000.html", "shared:toc"],
    ["elb_eg_v3_0000.html", "shared:toc"],
    ["elb_eg_v3_0002.html", "left-out:no request line (method and URI)"],
    ["elb_eg_v3_0003.html", "left-out:no request line (method and URI)"],
    ["elb_fl_0000.html", "shared:toc"],
    ["elb_fl_0002.html", "shared:request"],
    ["elb_fl_0003.html", "shared:toc"],
    ["elb_fl_0004.html", "shared:request"],
    ["elb_fl_0005.html", "shared:request"],
    ["elb_fl_0006.html", "listVersions"],
    ["elb_fl_0007.html", "shared:request"],
    ["elb_gc_0000.html", "shared:request"],
    ["elb_gc_0001.html", "shared:error-codes"],
    ["elb_gc_0002.html", "shared:status-codes"],
    ["elb_gc_1102.html", "shared:status-codes"],
    ["elb_jd_0000.html", "shared:toc"],
    ["elb_jd_bg_0000.html", "shared:toc"],
    ["elb_jd_bg_0001.html", "listVersions"],
    ["elb_jd_bg_0002.html", "showApiVersion"],
    ["elb_jd_cj_0000.html", "listMonitoringMetricsV1"],
    ["elb_jd_fz_0000.html", "shared:toc"],
    ["elb_jd_fz_0001.html", "createLoadBalancerV1"],
    ["elb_jd_fz_0002.html", "deleteLoadBalancerV1"],
    ["elb_jd_fz_0003.html", "deletePublicNetworkLoadBalancerV1"],
    ["elb_jd_fz_0004.html", "modifyLoadBalancerV1"],
    ["elb_jd_fz_0005.html", "showLoadBalancerV1"],
    ["elb_jd_hd_0000.html", "shared:toc"],
    ["elb_jd_hd_0001.html", "addBackendEcssV1"],
    ["elb_jd_hd_0002.html", "removeBackendEcssV1"],
    ["elb_jd_hd_0003.html", "listBackendEcssV1"],
    ["elb_jd_jk_0000.html", "shared:toc"],
    ["elb_jd_jk_0001.html", "configureHealthCheckV1"],
    ["elb_jd_jk_0002.html", "deleteHealthCheckV1"],
    ["elb_jd_jk_0003.html", "modifyHealthCheckV1"],
    ["elb_jd_jk_0004.html", "showHealthCheckV1"],
    ["elb_jd_job_0000.html", "showJobStatusV1"],
    ["elb_jd_jt_0000.html", "shared:toc"],
    ["elb_jd_jt_0001.html", "addListenerV1"],
    ["elb_jd_jt_0002.html", "deleteListenerV1"],
    ["elb_jd_jt_0003.html", "modifyListenerV1"],
    ["elb_jd_jt_0004.html", "showListenerV1"],
    ["elb_jd_jt_0005.html", "listListenersV1"],
    ["elb_jd_pe_0000.html", "shared:toc"],
    ["elb_jd_pe_0001.html", "listLoadBalancerOrListenerQuotasV1"],
    ["elb_jd_zs_0000.html", "shared:toc"],
    ["elb_jd_zs_0001.html", "createCertificateV1"],
    ["elb_jd_zs_0002.html", "deleteCertificateV1"],
    ["elb_jd_zs_0003.html", "modifyCertificateV1"],
    ["elb_jd_zs_0004.html", "listCertificatesV1"],
    ["elb_xd_0000.html", "left-out:no request line (method and URI)"],
    ["elb_zq_0000.html", "shared:toc"],
    ["elb_zq_bm_0000.html", "shared:toc"],
    ["elb_zq_bm_0001.html", "addWhitelistV2"],
    ["elb_zq_bm_0002.html", "listWhitelistsV2"],
    ["elb_zq_bm_0003.html", "showWhitelistV2"],
    ["elb_zq_bm_0004.html", "updateWhitelistV2"],
    ["elb_zq_bm_0005.html", "deleteWhitelistV2"],
    ["elb_zq_bq_0000.html", "shared:toc"],
    ["elb_zq_bq_0001.html", "addTagToLoadBalancerV2"],
    ["elb_zq_bq_0002.html", "batchAddOrDeleteLoadBalancerTagsV2"],
    ["elb_zq_bq_0003.html", "listLoadBalancerTagsV2"],
    ["elb_zq_bq_0004.html", "listLoadBalancersTagsV2"],
    ["elb_zq_bq_0005.html", "listLoadBalancersByTagV2"],
    ["elb_zq_bq_0006.html", "deleteTagFromLoadBalancerV2"],
    ["elb_zq_bq_0007.html", "addTagToListenerV2"],
    ["elb_zq_bq_0008.html", "batchAddOrDeleteListenerTagsV2"],
    ["elb_zq_bq_0009.html", "listListenerTagsV2"],
    ["elb_zq_bq_0010.html", "listListenersTagsV2"],
    ["elb_zq_bq_0011.html", "listListenersByTagV2"],
    ["elb_zq_bq_0012.html", "deleteTagFromListenerV2"],
    ["elb_zq_bq_0013.html", "shared:status-codes"],
    ["elb_zq_fz_0000.html", "shared:toc"],
    ["elb_zq_fz_0002.html", "listLoadBalancersV2"],
    ["elb_zq_fz_0004.html", "showLoadBalancerStatusTreeV2"],
    ["elb_zq_fz_0005.html", "updateLoadBalancerV2"],
    ["elb_zq_fz_0006.html", "deleteLoadBalancerV2"],
    ["elb_zq_hd_0000.html", "shared:toc"],
    ["elb_zq_hd_0001.html", "addBackendServerV2"],
    ["elb_zq_hd_0002.html", "listBackendServersV2"],
    ["elb_zq_hd_0003.html", "showBackendServerV2"],
    ["elb_zq_hd_0004.html", "updateBackendServerV2"],
    ["elb_zq_hd_0005.html", "removeBackendServerV2"],
    ["elb_zq_hd_0006.html", "listBackendServersExtensionApiV2"],
    ["elb_zq_hd_0007.html", "batchUpdateBackendServersV2"],
    ["elb_zq_hz_0000.html", "shared:toc"],
    ["elb_zq_hz_0001.html", "addBackendServerGroupV2"],
    ["elb_zq_hz_0003.html", "showBackendServerGroupV2"],
    ["elb_zq_hz_0004.html", "updateBackendServerGroupV2"],
    ["elb_zq_hz_0005.html", "deleteBackendServerGroupV2"],
    ["elb_zq_jk_0000.html", "shared:toc"],
    ["elb_zq_jk_0001.html", "configureHealthCheckV2"],
    ["elb_zq_jk_0002.html", "listHealthChecksV2"],
    ["elb_zq_jk_0003.html", "showHealthCheckV2"],
    ["elb_zq_jk_0004.html", "updateHealthCheckV2"],
    ["elb_zq_jk_0005.html", "deleteHealthCheckV2"],
    ["elb_zq_jt_0000.html", "shared:toc"],
    ["elb_zq_jt_0001.html", "addListenerV2"],
    ["elb_zq_jt_0002.html", "listListenersV2"],
    ["elb_zq_jt_0003.html", "showListenerV2"],
    ["elb_zq_jt_0004.html", "updateListenerV2"],
    ["elb_zq_jt_0005.html", "deleteListenerV2"],
    ["elb_zq_zf_0000.html", "shared:toc"],
    ["elb_zq_zf_0001.html", "addForwardingPolicyV2"],
    ["elb_zq_zf_0002.html", "listForwardingPoliciesV2"],
    ["elb_zq_zf_0003.html", "showForwardingPolicyV2"],
    ["elb_zq_zf_0004.html", "updateForwardingPolicyV2"],
    ["elb_zq_zf_0005.html", "deleteForwardingPolicyV2"],
    ["elb_zq_zg_0000.html", "shared:toc"],
    ["elb_zq_zg_0001.html", "addForwardingRuleV2"],
    ["elb_zq_zg_0002.html", "listForwardingRulesV2"],
    ["elb_zq_zg_0003.html", "showForwardingRuleV2"],
    ["elb_zq_zg_0004.html", "updateForwardingRuleV2"],
    ["elb_zq_zg_0005.html", "deleteForwardingRuleV2"],
    ["elb_zq_zs_0000.html", "shared:toc"],
    ["elb_zq_zs_0001.html", "createCertificateV2"],
    ["elb_zq_zs_0002.html", "listCertificatesV2"],
    ["elb_zq_zs_0003.html", "showCertificateV2"],
    ["elb_zq_zs_0004.html", "updateCertificateV2"],
    ["elb_zq_zs_0005.html", "deleteCertificateV2"],
    ["en-us_topic_0000001088310753.html", "left-out:no request line (method and URI)"],
    ["en-us_topic_0000001088335195.html", "left-out:no request line (method and URI)"],
    ["en-us_topic_0000001124568811.html", "left-out:no request line (method and URI)"],
    ["en-us_topic_0000001127879251.html", "left-out:no request line (method and URI)"],
    ["en-us_topic_0022480177.html", "shared:request"],
    ["en-us_topic_0096561504.html", "listLoadBalancersV1"],
    ["en-us_topic_0096561535.html", "createLoadBalancerV2"],
    ["en-us_topic_0096561547.html", "listBackendServerGroupsV2"],
    ["en-us_topic_0141008271.html", "left-out:no request line (method and URI)"],
    ["errorcode.html", "shared:status-codes"],
    ["l7.html", "left-out:page-not-in-toc"],
    ["topic_300000000.html", "shared:toc"],
    ["topic_300000001.html", "shared:toc"],
    ["topic_300000002.html", "shared:toc"],
    ["topic_300000003.html", "shared:toc"],
    ["topic_300000004.html", "shared:toc"],
    ["topic_300000005.html", "shared:toc"],
    ["topic_300000006.html", "shared:toc"],
    ["topic_300000007.html", "shared:toc"],
    ["topic_300000008.html", "shared:toc"],
    ["topic_300000009.html", "shared:toc"],
    ["topic_300000010.html", "shared:toc"],
  ],
};

/**
 * Doc example requests that do not validate against their own page's tables: real doc defects,
 * each reported by an example-schema-mismatch diagnostic. Any other failure fails the test.
 */
const knownExampleDefects: Record<string, string[]> = {
  "sources/elb/CreateCertificate.html": ["/certificate/name must match pattern"],
  "sources/elb/elb_jd_jk_0001.html": ["/healthcheck_uri must NOT have fewer than 1 characters"],
  "sources/elb/elb_zq_hz_0004.html": ["/pool/session_persistence must be object"],
  "sources/elb/elb_zq_bq_0005.html": ["/limit must be integer", "/offset must be integer"],
  "sources/elb/elb_zq_bq_0011.html": ["/limit must be integer", "/offset must be integer"],
};

const results: Partial<Record<"dds" | "elb", ScrapeResult>> = {};
beforeAll(async () => {
  results.dds = await scrapeConfiguredService("dds");
  results.elb = await scrapeConfiguredService("elb");
});

describe.each(["dds", "elb"] as const)("%s", (service) => {
  test("every page is an operation, a shared page, or left out with its reason", () => {
    const actual = results[service]!.pages.map((p) => [
      p.file.replace(/^sources\/[^/]+\//, ""),
      p.kind === "operation" ? p.operationId : p.kind === "shared" ? `shared:${p.shared}` : `left-out:${p.reason}`,
    ]);
    expect(actual).toEqual(expectedPages[service]);
  });

  test("operationIds are unique", () => {
    const ids = Object.values(results[service]!.spec.paths ?? {}).flatMap((item) => Object.values(item ?? {}).map((op) => (op as { operationId: string }).operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("passes the independent OpenAPI 3.1 validator", async () => {
    await expect(SwaggerParser.validate(structuredClone(results[service]!.spec) as never)).resolves.toBeDefined();
  });

  test("every doc example request validates, except the listed doc defects", () => {
    const spec = results[service]!.spec as unknown as { paths: Record<string, Record<string, any>>; components?: unknown };
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    ajv.addSchema({ $id: "spec", components: spec.components ?? {} });
    const failures: Record<string, string[]> = {};
    for (const item of Object.values(spec.paths)) {
      for (const op of Object.values(item)) {
        const media = op.requestBody?.content?.["application/json"];
        if (!media) continue;
        const validate = ajv.compile(JSON.parse(JSON.stringify(media.schema).replaceAll('"#/components/', '"spec#/components/')));
        for (const example of Object.values<any>(media.examples ?? {})) {
          if (validate(example.value)) continue;
          const page = op["x-docs2ts-source"].page as string;
          failures[page] = [...new Set([...(failures[page] ?? []), ...validate.errors!.map((e) => `${e.instancePath} ${e.message}`)])].sort();
        }
      }
    }
    const expected = Object.fromEntries(Object.entries(knownExampleDefects).filter(([page]) => page.startsWith(`sources/${service}/`)));
    expect(Object.keys(failures).sort()).toEqual(Object.keys(expected).sort());
    for (const [page, reasons] of Object.entries(expected)) {
      for (const reason of reasons) expect(failures[page]!.some((f) => f.startsWith(reason)), `${page}: ${reason}`).toBe(true);
      // ...and the scraper said so.
      expect(results[service]!.diagnostics.some((d) => d.file === page && d.ruleId === "example-schema-mismatch" && d.message.startsWith("example request"))).toBe(true);
    }
  });
});

describe("what whole services contain", () => {
  const op = (service: "dds" | "elb", method: string, path: string) => (results[service]!.spec.paths as any)[path][method];

  test("DDS: URI with the query string inline, prose defaults and ranges", () => {
    const params = op("dds", "get", "/v3/{project_id}/backups").parameters as any[];
    const byName = Object.fromEntries(params.map((p) => [p.name, p]));
    expect(Object.keys(byName)).toEqual(["project_id", "instance_id", "backup_id", "backup_type", "offset", "limit", "begin_time", "end_time", "mode"]);
    expect(byName.offset).toMatchObject({ in: "query", schema: { type: "integer", default: 0 } });
    expect(byName.limit).toMatchObject({ in: "query", schema: { type: "integer", default: 100, minimum: 1, maximum: 100 } });
  });

  test("DDS: tags by the first resource segment; error codes as a shared component", () => {
    expect(op("dds", "post", "/v3/{project_id}/backups").tags).toEqual(["backups"]);
    const components = results.dds!.spec.components as any;
    expect(components.schemas.ErrorCode.enum).toContain("DBS.200001");
    expect(op("dds", "post", "/v3/{project_id}/backups").responses.default).toEqual({ $ref: "#/components/responses/Error" });
  });

  test("ELB: tags from the TOC parent chain; same titles told apart by generation", () => {
    expect(op("elb", "post", "/v3/{project_id}/elb/loadbalancers")).toMatchObject({ operationId: "createLoadBalancerV3", tags: ["Dedicated Load Balancer APIs > Load Balancer"] });
    expect(op("elb", "post", "/v2.0/lbaas/loadbalancers").operationId).toBe("createLoadBalancerV2");
    expect(op("elb", "post", "/v1.0/{project_id}/elbaas/loadbalancers").operationId).toBe("createLoadBalancerV1");
  });

  test("ELB: a 204 DELETE, query parameters, and nested arrays of objects through $ref", () => {
    const remove = op("elb", "delete", "/v3/{project_id}/elb/loadbalancers/{loadbalancer_id}");
    expect(Object.keys(remove.responses)).toContain("204");
    expect(remove.responses["204"].content).toBeUndefined();
    const list = op("elb", "get", "/v3/{project_id}/elb/loadbalancers");
    expect(list.parameters.filter((p: any) => p.in === "query").map((p: any) => p.name)).toEqual(expect.arrayContaining(["marker", "limit", "page_reverse"]));
    const items = list.responses["200"].content["application/json"].schema.properties.loadbalancers.items;
    expect(items.$ref).toMatch(/^#\/components\/schemas\//);
  });

  test("ELB: the pages the TOC does not list are reported and left out", () => {
    const notInToc = results.elb!.diagnostics.filter((d) => d.ruleId === "page-not-in-toc").map((d) => d.file);
    expect(notInToc).toEqual(["sources/elb/CreatePool1.html", "sources/elb/l7.html"]);
  });
});
