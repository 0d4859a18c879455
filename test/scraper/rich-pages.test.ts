// Five rich pages of each whole service, one operation each, snapshotted so any change to what
// extraction makes of them shows up as a readable diff.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { loadConfig } from "../../core/config.ts";
import { scrapeService } from "../../scraper/index.ts";
import { serializeJson } from "../../core/stable-json.ts";
import { repoRoot } from "./service-helpers.ts";

const pages = [
  ["dds", "创建实例.md"], // deep request body, nested objects, enums and prose ranges in Chinese
  ["dds", "查询实例列表.md"], // query parameters, arrays of nested objects several levels deep
  ["dds", "查询备份列表.md"], // query string written inline in the URI, prose defaults
  ["dds", "批量添加或删除资源标签.md"], // action endpoint, arrays of objects
  ["dds", "查询所有实例规格信息.md"], // GET with query enums, nested arrays
  ["elb", "CreateLoadBalancer.html"], // v3: "Minimum/Maximum", typed object tables, 201
  ["elb", "ListLoadBalancers.html"], // v3: many query parameters, nested arrays of refs
  ["elb", "DeleteMember.html"], // v3: DELETE with 204
  ["elb", "elb_zq_fz_0002.html"], // v2: "see Table N" arrays, links
  ["elb", "elb_jd_hd_0003.html"], // v1.0: inline query string, bare-array response
] as const;

describe.each(pages)("%s %s", (service, page) => {
  test("extracted operation matches its snapshot", async () => {
    const config = (await loadConfig(repoRoot)).services.find((s) => s.name === service)!;
    const file = `sources/${service}/${page}`;
    const result = scrapeService(config, [{ file, content: readFileSync(path.join(repoRoot, file), "utf8") }]);
    expect(result.pages.map((p) => p.kind)).toEqual(["operation"]);
    const name = `${service}-${page.replace(/\.(md|html)$/, "")}`;
    await expect(serializeJson(result.spec)).toMatchFileSnapshot(`../fixtures/pages/expected/${name}.openapi.json`);
    await expect(serializeJson(result.diagnostics)).toMatchFileSnapshot(`../fixtures/pages/expected/${name}.diagnostics.json`);
  });
});
