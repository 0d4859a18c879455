// Which column of a parameter table holds what, from the header cells' words (English and
// Chinese). A table without a name column is not a parameter table.
import type { Table } from "../page-model.ts";

export interface ColumnMap {
  name: number;
  required?: number;
  type?: number;
  description?: number;
}

const columnWords: [keyof ColumnMap, RegExp][] = [
  ["required", /^(mandatory|required|是否必选|必选|是否必填|必填|optional\/mandatory)$/],
  ["type", /^(type|data type|parameter type|参数类型|类型|数据类型)$/],
  ["description", /^(description|descriptions|remarks?|说明|描述|参数说明|含义)$/],
  ["name", /^(parameter|parameters|name|field|parameter name|参数|名称|参数名|参数名称|字段|字段名)$/],
];

export function mapColumns(table: Table): ColumnMap | undefined {
  const map: Partial<ColumnMap> = {};
  table.header.forEach((cell, index) => {
    const word = cell.text.trim().toLowerCase().replace(/\s+/g, " ");
    for (const [role, pattern] of columnWords) {
      if (map[role] === undefined && pattern.test(word)) {
        map[role] = index;
        return;
      }
    }
  });
  if (map.name === undefined) return undefined;
  return map as ColumnMap;
}
