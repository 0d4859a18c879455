import { describe, expect, test } from "vitest";
import { parseEnumValues, type EnumInfo } from "../../scraper/vocab/enums.ts";

// `text` is the cell text as the readers give it: paragraphs and list items on their own lines,
// list items prefixed "- "; `lists` the same list items.
const cases: [string, { given: { text: string; lists: string[][] }; want: EnumInfo }][] = [
  [
    "Value: followed by a list (GaussDB openGauss)",
    {
      given: {
        text: "Backup status. Value:\n- BUILDING: Backup in progress\n- COMPLETED: Backup completed\n- FAILED: Backup failed",
        lists: [["BUILDING: Backup in progress", "COMPLETED: Backup completed", "FAILED: Backup failed"]],
      },
      want: { values: ["BUILDING", "COMPLETED", "FAILED"], declaredButMissing: false },
    },
  ],
  [
    "Valid value: after a paragraph (TaurusDB)",
    {
      given: {
        text: "Backup status\nValid value:\n- BUILDING: Backup in progress\n- COMPLETED: Backup completed\n- FAILED: Backup failed\n- AVAILABLE: Backup available",
        lists: [
          [
            "BUILDING: Backup in progress",
            "COMPLETED: Backup completed",
            "FAILED: Backup failed",
            "AVAILABLE: Backup available",
          ],
        ],
      },
      want: { values: ["BUILDING", "COMPLETED", "FAILED", "AVAILABLE"], declaredButMissing: false },
    },
  ],
  [
    "Value: Valid value: then one paragraph (TaurusDB type)",
    {
      given: { text: "Backup type. Value:\nValid value:\nmanual: manual full backup", lists: [] },
      want: { values: ["manual"], declaredButMissing: false },
    },
  ],
  [
    "markup around the value",
    {
      given: {
        text: "Backup type. Value:\n- **manual**: manual full backup",
        lists: [["**manual**: manual full backup"]],
      },
      want: { values: ["manual"], declaredButMissing: false },
    },
  ],
  [
    "lists kept out of the text",
    {
      given: {
        text: "Backup status. Value:",
        lists: [["BUILDING: Backup in progress", "COMPLETED: Backup completed"]],
      },
      want: { values: ["BUILDING", "COMPLETED"], declaredButMissing: false },
    },
  ],
  [
    "inline single value with its meaning",
    {
      given: { text: "Backup type. Value: manual (manual full backup).", lists: [] },
      want: { values: ["manual"], declaredButMissing: false },
    },
  ],
  [
    "The value can be A or B.",
    {
      given: { text: "The value can be manual or auto.", lists: [] },
      want: { values: ["manual", "auto"], declaredButMissing: false },
    },
  ],
  [
    "The value can be A, B, or C.",
    {
      given: {
        text: "Specifies the sticky session type. The value can be SOURCE_IP, HTTP_COOKIE, or APP_COOKIE.",
        lists: [],
      },
      want: { values: ["SOURCE_IP", "HTTP_COOKIE", "APP_COOKIE"], declaredButMissing: false },
    },
  ],
  [
    "values with parenthesised meanings",
    {
      given: {
        text: "The value can be ROUND_ROBIN (weighted round robin), LEAST_CONNECTIONS (weighted least connections), or SOURCE_IP (source IP hash).",
        lists: [],
      },
      want: { values: ["ROUND_ROBIN", "LEAST_CONNECTIONS", "SOURCE_IP"], declaredButMissing: false },
    },
  ],
  [
    "the list ends at a comma that continues the sentence",
    {
      given: {
        text: "The value can be tls-1-0, tls-1-1, tls-1-2, or tls-1-2-strict, and the default value is tls-1-0.",
        lists: [],
      },
      want: { values: ["tls-1-0", "tls-1-1", "tls-1-2", "tls-1-2-strict"], declaredButMissing: false },
    },
  ],
  [
    "boolean-like values are returned; the caller decides by type",
    {
      given: { text: "Value: **true** / **false**", lists: [] },
      want: { values: ["true", "false"], declaredButMissing: false },
    },
  ],
  [
    "The value can be one of the following: + list with (default)",
    {
      given: {
        text: "It specifies the operating status. The value can be one of the following:\n- ONLINE (default): running normally.\n- DEGRADED: partly failed.",
        lists: [["ONLINE (default): running normally.", "DEGRADED: partly failed."]],
      },
      want: { values: ["ONLINE", "DEGRADED"], declaredButMissing: false },
    },
  ],
  [
    "values as paragraphs after Value options:",
    {
      given: {
        text: "Specifies whether to display all forwarding rules.\nValue options:\nfalse: Forwarding rules will not be displayed.\ntrue: Forwarding rules will be displayed.",
        lists: [],
      },
      want: { values: ["false", "true"], declaredButMissing: false },
    },
  ],
  [
    "two conditional lists",
    {
      given: {
        text: "Specifies the match mode. The options are as follows:\nWhen type is set to HOST_NAME, the value of this parameter can only be the following:\n- EQUAL_TO: indicates exact match.\nWhen type is set to PATH, the value of this parameter can be one of the following:\n- REGEX: indicates regular expression match.\n- STARTS_WITH: indicates prefix match.\n- EQUAL_TO: indicates exact match.",
        lists: [
          ["EQUAL_TO: indicates exact match."],
          [
            "REGEX: indicates regular expression match.",
            "STARTS_WITH: indicates prefix match.",
            "EQUAL_TO: indicates exact match.",
          ],
        ],
      },
      want: { values: ["EQUAL_TO", "REGEX", "STARTS_WITH"], declaredButMissing: false },
    },
  ],

  // Chinese.
  [
    "取值： + list of bare tokens",
    {
      given: {
        text: "实例类型。支持集群、副本集、以及单节点。\n取值：\n- Sharding\n- ReplicaSet\n- Single",
        lists: [["Sharding", "ReplicaSet", "Single"]],
      },
      want: { values: ["Sharding", "ReplicaSet", "Single"], declaredButMissing: false },
    },
  ],
  [
    "取值： + TOKEN：meaning",
    {
      given: {
        text: "备份状态。取值：\n- BUILDING：备份中。\n- COMPLETED：备份完成。\n- FAILED：备份失败。\n- DISABLED：备份删除中。",
        lists: [["BUILDING：备份中。", "COMPLETED：备份完成。", "FAILED：备份失败。", "DISABLED：备份删除中。"]],
      },
      want: { values: ["BUILDING", "COMPLETED", "FAILED", "DISABLED"], declaredButMissing: false },
    },
  ],
  [
    "取值： + TOKEN，表示…",
    {
      given: {
        text: "操作标识。取值：\n- create，表示添加标签。\n- delete，表示删除标签。",
        lists: [["create，表示添加标签。", "delete，表示删除标签。"]],
      },
      want: { values: ["create", "delete"], declaredButMissing: false },
    },
  ],
  [
    "items that declare their own values, and a 'not passed' item",
    {
      given: {
        text: "SSL开关选项。\n取值：\n- 取“0”，表示DDS实例默认不启用SSL连接。\n- 取“1”，表示DDS实例默认启用SSL连接。\n- 不传该参数时，默认启用SSL连接。",
        lists: [
          [
            "取“0”，表示DDS实例默认不启用SSL连接。",
            "取“1”，表示DDS实例默认启用SSL连接。",
            "不传该参数时，默认启用SSL连接。",
          ],
        ],
      },
      want: { values: ["0", "1"], declaredButMissing: false },
    },
  ],
  [
    "a list with no declaration whose items say 取值为“X”",
    {
      given: {
        text: "备份类型。\n- 取值为“Auto”，表示自动全量备份。\n- 取值为“Manual”，表示手动全量备份。",
        lists: [["取值为“Auto”，表示自动全量备份。", "取值为“Manual”，表示手动全量备份。"]],
      },
      want: { values: ["Auto", "Manual"], declaredButMissing: false },
    },
  ],
  [
    "several quoted values in one item",
    {
      given: {
        text: "数据库版本。取值：\n- 社区版引擎取“4.0”、“3.4”或“3.2”。\n- 增强版引擎取“3.4”。",
        lists: [["社区版引擎取“4.0”、“3.4”或“3.2”。", "增强版引擎取“3.4”。"]],
      },
      want: { values: ["4.0", "3.4", "3.2"], declaredButMissing: false },
    },
  ],
  [
    "取值为“manual”或“auto”",
    {
      given: { text: "备份类型，取值为“manual”或“auto”。", lists: [] },
      want: { values: ["manual", "auto"], declaredButMissing: false },
    },
  ],
  [
    "取值：A，或B。",
    {
      given: { text: "数据库引擎。\n取值：DDS-Community，或DDS-Enhanced。", lists: [] },
      want: { values: ["DDS-Community", "DDS-Enhanced"], declaredButMissing: false },
    },
  ],
  [
    "取值：TOKEN，表示…",
    {
      given: { text: "磁盘类型。\n取值：ULTRAHIGH，表示SSD。", lists: [] },
      want: { values: ["ULTRAHIGH"], declaredButMissing: false },
    },
  ],
  [
    "枚举值",
    {
      given: { text: "排序方式。枚举值：\n- asc\n- desc", lists: [["asc", "desc"]] },
      want: { values: ["asc", "desc"], declaredButMissing: false },
    },
  ],

  // The list was lost.
  [
    "Value: followed by nothing (RDS pipes)",
    { given: { text: "Indicates the backup status. Value:", lists: [] }, want: { declaredButMissing: true } },
  ],
  [
    "取值： followed by nothing",
    { given: { text: "备份状态。取值：", lists: [] }, want: { declaredButMissing: true } },
  ],

  // Not enums.
  ["no declaration", { given: { text: "Backup ID.", lists: [] }, want: { declaredButMissing: false } }],
  [
    "a list of prose",
    {
      given: {
        text: "Specifies the tag key.\n- Cannot be left blank.\n- Can contain a maximum of 36 characters.",
        lists: [["Cannot be left blank.", "Can contain a maximum of 36 characters."]],
      },
      want: { declaredButMissing: false },
    },
  ],
  [
    "a declared list whose items are not tokens",
    {
      given: {
        text: "节点数量。\n取值：\n- 社区版集群实例下“mongos”类型的节点数量可取2~16。",
        lists: [["社区版集群实例下“mongos”类型的节点数量可取2~16。"]],
      },
      want: { declaredButMissing: false },
    },
  ],
  [
    "values that are not tokens",
    {
      given: { text: "Value options:\n- HTTP\n- HTTPS\n- ${protocol}", lists: [["HTTP", "HTTPS", "${protocol}"]] },
      want: { declaredButMissing: false },
    },
  ],
  [
    "a value range is not an enum",
    { given: { text: "取值范围：1~100", lists: [] }, want: { declaredButMissing: false } },
  ],
  [
    "any integer in a range",
    {
      given: { text: "The value can be any integer in the range of 200–299.", lists: [] },
      want: { declaredButMissing: false },
    },
  ],
  [
    "0 or a string",
    {
      given: { text: "The value is 0 or a string that contains a maximum of 36 characters.", lists: [] },
      want: { declaredButMissing: false },
    },
  ],
  [
    "If the value is null, …",
    {
      given: { text: "If the value is null, the listener has no default backend server group.", lists: [] },
      want: { declaredButMissing: false },
    },
  ],
  [
    "The value is left blank by default",
    { given: { text: "The value is left blank by default.", lists: [] }, want: { declaredButMissing: false } },
  ],
  ["value is empty.", { given: { text: "value is empty.", lists: [] }, want: { declaredButMissing: false } }],
  [
    "取值为实例ID",
    { given: { text: "重启整个实例时，取值为实例ID。", lists: [] }, want: { declaredButMissing: false } },
  ],
  [
    "a comma-separated format",
    { given: { text: "取值为：1,2,3,4,5,6,7。", lists: [] }, want: { declaredButMissing: false } },
  ],
  [
    "取值示例 is an example, not values",
    {
      given: { text: "取值示例：\n- 08:15-09:15\n- 23:00-00:00", lists: [["08:15-09:15", "23:00-00:00"]] },
      want: { declaredButMissing: false },
    },
  ],
  [
    "a pair with one meaning",
    {
      given: { text: "Optional values:\n0 or false: indicates that the load balancer is stopped.", lists: [] },
      want: { declaredButMissing: false },
    },
  ],
];

describe("parseEnumValues", () => {
  test.each(cases)("%s", (_name, { given, want }) => {
    expect(parseEnumValues(given.text, given.lists)).toEqual(want);
  });
});
