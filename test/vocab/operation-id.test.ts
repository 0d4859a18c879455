import { describe, expect, test } from "vitest";
import { camelCase, operationIdFromTitle } from "../../scraper/vocab/operation-id.ts";

// Every page title of the DDS Chinese API reference (corpus dds-zh/); shared pages give undefined.
const ddsTitles: [string, string | undefined][] = [
  ["创建实例", "createInstance"],
  ["创建手动备份", "createManualBackup"],
  ["删除实例", "deleteInstance"],
  ["删除手动备份", "deleteManualBackup"],
  ["变更实例规格", "changeInstanceFlavor"],
  ["扩容实例存储容量", "expandInstanceStorageVolume"],
  ["扩容集群实例的节点数量", "expandClusterInstanceNodeCount"],
  ["批量添加或删除资源标签", "batchAddOrDeleteResourceTags"],
  ["查询API版本信息", "showApiVersion"],
  ["查询API版本列表", "listApiVersions"],
  ["查询备份列表", "listBackups"],
  ["查询实例列表", "listInstances"],
  ["查询所有实例规格信息", "listInstanceFlavors"],
  ["查询数据库版本信息", "listDatabaseVersions"],
  ["查询自动备份策略", "showAutoBackupPolicy"],
  ["查询资源实例", "listResourceInstances"],
  ["查询资源标签", "listResourceTags"],
  ["查询项目标签", "listProjectTags"],
  ["设置自动备份策略", "setAutoBackupPolicy"],
  ["重启实例", "restartInstance"],
  ["获取项目ID", "getProjectId"],
  ["Token认证", "tokenAuthentication"],
  ["API参考", undefined],
  ["快速入门", undefined],
  ["构造请求", undefined],
  ["状态码", undefined],
  ["错误码", undefined],
  ["返回结果", undefined],
  ["文档数据库服务监控指标说明", undefined],
];

// Every distinct <h1 class="topictitle1"> of the ELB English API reference (corpus elb-en/);
// section and reference pages without a verb give undefined.
const elbTitles: [string, string | undefined][] = [
  ["API Call Precaution", undefined],
  ["API Usage Guidelines", undefined],
  ["API Version", undefined],
  ["AZ", undefined],
  ["Adding Backend ECSs", "addBackendEcss"],
  ["Adding a Backend Server", "addBackendServer"],
  ["Adding a Backend Server Group", "addBackendServerGroup"],
  ["Adding a Forwarding Policy", "addForwardingPolicy"],
  ["Adding a Forwarding Rule", "addForwardingRule"],
  ["Adding a Listener", "addListener"],
  ["Adding a Listener to a Dedicated Load Balancer", "addListenerToDedicatedLoadBalancer"],
  ["Adding a Tag to a Listener", "addTagToListener"],
  ["Adding a Tag to a Load Balancer", "addTagToLoadBalancer"],
  ["Adding a Whitelist", "addWhitelist"],
  ["Appendix", undefined],
  ["Backend ECS", undefined],
  ["Backend Server", undefined],
  ["Backend Server Group", undefined],
  ["Basic Workflow", undefined],
  ["Batch Adding or Deleting Listener Tags", "batchAddOrDeleteListenerTags"],
  ["Batch Adding or Deleting Load Balancer Tags", "batchAddOrDeleteLoadBalancerTags"],
  ["Batch Updating Backend Servers", "batchUpdateBackendServers"],
  ["Certificate", undefined],
  ["Change History", undefined],
  ["Classic Load Balancer APIs", undefined],
  ["Common Parameters", undefined],
  ["Configuring a Health Check", "configureHealthCheck"],
  ["Creating a Backend Server Group", "createBackendServerGroup"],
  ["Creating a Certificate", "createCertificate"],
  ["Creating a Dedicated Load Balancer and Binding a New EIP to It", "createDedicatedLoadBalancerAndBindNewEip"],
  ["Creating a Load Balancer", "createLoadBalancer"],
  ["Dedicated Load Balancer APIs", undefined],
  ["Deleting a Backend Server Group", "deleteBackendServerGroup"],
  ["Deleting a Certificate", "deleteCertificate"],
  ["Deleting a Dedicated Load Balancer", "deleteDedicatedLoadBalancer"],
  ["Deleting a Forwarding Policy", "deleteForwardingPolicy"],
  ["Deleting a Forwarding Rule", "deleteForwardingRule"],
  ["Deleting a Health Check", "deleteHealthCheck"],
  ["Deleting a Listener", "deleteListener"],
  ["Deleting a Load Balancer", "deleteLoadBalancer"],
  ["Deleting a Public Network Load Balancer", "deletePublicNetworkLoadBalancer"],
  ["Deleting a Tag from a Listener", "deleteTagFromListener"],
  ["Deleting a Tag from a Load Balancer", "deleteTagFromLoadBalancer"],
  ["Deleting a Whitelist", "deleteWhitelist"],
  ["ELB Metrics", undefined],
  ["Error Codes", undefined],
  ["Examples", undefined],
  ["Forwarding Policy", undefined],
  ["Forwarding Rule", undefined],
  ["HTTP Status Codes for Dedicated Load Balancers", undefined],
  ["HTTP Status Codes of Shared Load Balancers", undefined],
  ["Health Check", undefined],
  ["Listener", undefined],
  ["Load Balancer", undefined],
  ["Load Balancer Flavor", undefined],
  ["Modifying a Certificate", "modifyCertificate"],
  ["Modifying a Health Check", "modifyHealthCheck"],
  ["Modifying a Listener", "modifyListener"],
  ["Modifying a Load Balancer", "modifyLoadBalancer"],
  ["Querying AZs", "listAzs"],
  ["Querying All API Versions", "listApiVersions"],
  ["Querying All Backend Servers (Extension API)", "listBackendServersExtensionApi"],
  ["Querying All Tags of a Listener", "listListenerTags"],
  ["Querying All Tags of a Load Balancer", "listLoadBalancerTags"],
  ["Querying Backend ECSs", "listBackendEcss"],
  ["Querying Backend Server Groups", "listBackendServerGroups"],
  ["Querying Backend Servers", "listBackendServers"],
  ["Querying Certificates", "listCertificates"],
  ["Querying Data in Pages", "showDataInPages"],
  ["Querying Details of a Backend Server", "showBackendServer"],
  ["Querying Details of a Backend Server Group", "showBackendServerGroup"],
  ["Querying Details of a Certificate", "showCertificate"],
  ["Querying Details of a Forwarding Policy", "showForwardingPolicy"],
  ["Querying Details of a Forwarding Rule", "showForwardingRule"],
  ["Querying Details of a Health Check", "showHealthCheck"],
  ["Querying Details of a Listener", "showListener"],
  ["Querying Details of a Load Balancer", "showLoadBalancer"],
  ["Querying Details of a Whitelist", "showWhitelist"],
  ["Querying Flavors", "listFlavors"],
  ["Querying Forwarding Policies", "listForwardingPolicies"],
  ["Querying Forwarding Rules", "listForwardingRules"],
  ["Querying Health Checks", "listHealthChecks"],
  ["Querying Listeners", "listListeners"],
  ["Querying Listeners by Tag", "listListenersByTag"],
  ["Querying Load Balancer or Listener Quotas", "listLoadBalancerOrListenerQuotas"],
  ["Querying Load Balancers", "listLoadBalancers"],
  ["Querying Load Balancers by Tag", "listLoadBalancersByTag"],
  ["Querying Monitoring Metrics", "listMonitoringMetrics"],
  ["Querying Quotas", "listQuotas"],
  ["Querying Versions", "listVersions"],
  ["Querying Whitelists", "listWhitelists"],
  ["Querying a Specific API Version", "showApiVersion"],
  ["Querying the Job Status", "showJobStatus"],
  ["Querying the Status Tree of a Load Balancer", "showLoadBalancerStatusTree"],
  ["Querying the Tags of All Listeners", "listListenersTags"],
  ["Querying the Tags of All Load Balancers", "listLoadBalancersTags"],
  ["Quota", undefined],
  ["Removing Backend ECSs", "removeBackendEcss"],
  ["Removing a Backend Server", "removeBackendServer"],
  ["Sequencing Query Results", undefined],
  ["Shared Load Balancer APIs", undefined],
  ["Status Codes", undefined],
  ["Tag", undefined],
  ["Updating a Backend Server", "updateBackendServer"],
  ["Updating a Backend Server Group", "updateBackendServerGroup"],
  ["Updating a Certificate", "updateCertificate"],
  ["Updating a Forwarding Policy", "updateForwardingPolicy"],
  ["Updating a Forwarding Rule", "updateForwardingRule"],
  ["Updating a Health Check", "updateHealthCheck"],
  ["Updating a Listener", "updateListener"],
  ["Updating a Load Balancer", "updateLoadBalancer"],
  ["Updating a Whitelist", "updateWhitelist"],
  ["Viewing Details of a Backend Server", "viewBackendServer"],
  ["Viewing Details of a Backend Server Group", "viewBackendServerGroup"],
  ["Viewing Details of a Certificate", "viewCertificate"],
  ["Viewing Details of a Flavor", "viewFlavor"],
  ["Viewing Details of a Forwarding Policy", "viewForwardingPolicy"],
  ["Viewing Details of a Forwarding Rule", "viewForwardingRule"],
  ["Viewing Details of a Health Check", "viewHealthCheck"],
  ["Viewing Details of a Listener", "viewListener"],
  ["Viewing Details of a Load Balancer", "viewLoadBalancer"],
  ["Whitelist", undefined],
];

const seedTitles: [string, string | undefined][] = [
  ["Creating a Manual Backup", "createManualBackup"],
  ["Querying Backups", "listBackups"],
  ["Querying Details of a Load Balancer", "showLoadBalancer"],
  ["  Restarting a DB Instance ", "restartDbInstance"],
  ["Resizing the Storage Space of an Instance", "resizeInstanceStorageSpace"],
  ["Obtaining a Project ID", "getProjectId"],
  ["Binding an EIP", "bindEip"],
  ["Unbinding an EIP", "unbindEip"],
  ["Enabling SSL", "enableSsl"],
  ["Disabling SSL", "disableSsl"],
  ["Scaling Up Storage Space", "scaleUpStorageSpace"],
  ["Expanding Storage", "expandStorage"],
  ["Changing a DB Instance Name", "changeDbInstanceName"],
  ["Setting the Backup Policy", "setBackupPolicy"],
];

describe("operationIdFromTitle", () => {
  test.each([...seedTitles, ...ddsTitles, ...elbTitles])("%s", (given, want) => {
    expect(operationIdFromTitle(given)).toBe(want);
  });

  test("ids are camelCase ASCII", () => {
    for (const [given] of [...seedTitles, ...ddsTitles, ...elbTitles]) {
      const id = operationIdFromTitle(given);
      if (id !== undefined) expect(id).toMatch(/^[a-z][A-Za-z0-9]*$/);
    }
  });

  test.each([
    ["DDS", ddsTitles],
    ["ELB", elbTitles],
  ] as const)("different %s titles give different ids", (_service, titles) => {
    const byId = new Map<string, string>();
    for (const [title] of titles) {
      const id = operationIdFromTitle(title);
      if (id === undefined) continue;
      expect(byId.get(id) ?? title, `${title} and ${byId.get(id)} both give ${id}`).toBe(title);
      byId.set(id, title);
    }
  });

  test("a character outside the glossary gives undefined (never pinyin)", () => {
    expect(operationIdFromTitle("查询实例慢查询日志")).toBeUndefined();
    expect(operationIdFromTitle("")).toBeUndefined();
  });
});

describe("camelCase", () => {
  const cases: [string, { given: string[]; want: string }][] = [
    ["words", { given: ["create", "manual", "backup"], want: "createManualBackup" }],
    ["mixed case", { given: ["Create", "MANUAL", "Backup"], want: "createManualBackup" }],
    ["acronyms", { given: ["list", "API", "versions"], want: "listApiVersions" }],
    ["embedded humps are kept as words", { given: ["expand", "storageVolume"], want: "expandStorageVolume" }],
    ["punctuation splits", { given: ["post", "{project_id}", "backups"], want: "postProjectIdBackups" }],
    ["digits", { given: ["get", "v3", "ipv6"], want: "getV3Ipv6" }],
    ["empty", { given: [], want: "" }],
  ];
  test.each(cases)("%s", (_name, { given, want }) => {
    expect(camelCase(given)).toBe(want);
  });
});
