// Identifier planning and escaping of untrusted doc text (tables: [name, given, want]).

import { describe, expect, it } from "vitest";
import { camelName, fileStem, NameAllocator, pascalName, propertyKey, stringLiteral, words } from "../../generator/names.ts";
import { jsDocText, markdownCell, markdownCodeCell, markdownText, renderDoc } from "../../generator/text.ts";

describe("names", () => {
  it.each([
    ["createManualBackup", "createManualBackup", "CreateManualBackup"],
    ["create_manual_backup", "createManualBackup", "CreateManualBackup"],
    ["create-backup", "createBackup", "CreateBackup"],
    ["DDSInstance", "ddsInstance", "DDSInstance"],
    ["list DDS instances", "listDdsInstances", "ListDdsInstances"],
    ["1st op", "_1stOp", "_1stOp"],
    ["名称", "名称", "名称"],
    ["__proto__", "proto", "Proto"],
    ["x\"; require('fs')", "xRequireFs", "XRequireFs"],
    ["", "operation", "Schema"],
    ["$$$", "operation", "Schema"],
  ])("%j -> camel %j, pascal %j", (given, camel, pascal) => {
    expect(camelName(given)).toBe(camel);
    expect(pascalName(given)).toBe(pascal);
  });

  it("never puts '_' inside a public name (internal names own that space)", () => {
    for (const given of ["a_b", "A_B_C", "__x__", "_1", "x_1y", "snake_case_name"]) {
      expect(camelName(given).slice(1)).not.toContain("_");
      expect(pascalName(given).slice(1)).not.toContain("_");
    }
  });

  it.each([
    ["createManualBackup", "create-manual-backup"],
    ["名称", "名称"],
    ["HTTPServer", "http-server"],
  ])("file stem of %j is %j", (given, stem) => expect(fileStem(given)).toBe(stem));

  it("splits words on case and punctuation", () => {
    expect(words("listV3ProjectIDBackups")).toEqual(["list", "V3", "Project", "ID", "Backups"]);
  });

  it.each([
    ["name", "name"],
    ["名称", "名称"],
    ["a-b", '"a-b"'],
    ["1st", '"1st"'],
    ["__proto__", '"__proto__"'],
    ["default", "default"],
    ["x\"; require('fs')", "\"x\\\"; require('fs')\""],
    ["\u2028", '"\\u2028"'],
  ])("property key %j -> %s", (given, want) => expect(propertyKey(given)).toBe(want));

  it("string literals survive any input", () => {
    for (const s of ["`${x}`", "\u2028\u2029", "\ud800", "</script>", '"\\', "\u0000"]) {
      const literal = stringLiteral(s);
      expect(literal).not.toMatch(/[\u2028\u2029]/);
      expect(new Function(`return ${literal};`)()).toBe(s);
    }
  });

  it("allocates unique names, suffixing all related names together", () => {
    const names = NameAllocator.forPublicNames(["ApiError"]);
    expect(names.claimOne("ApiError")).toBe("ApiError2");
    expect(names.claimOne("Promise")).toBe("Promise2");
    expect(names.claimOne("delete")).toBe("delete2");
    expect(names.claimOne("client")).toBe("client2");
    names.claimOne("FooRequest");
    const claimed = names.claim("foo", (b) => ({ fn: b, request: `${b[0]!.toUpperCase()}${b.slice(1)}Request` }));
    expect(claimed.names).toEqual({ fn: "foo2", request: "Foo2Request" });
    const files = new NameAllocator({ foldCase: true });
    expect([files.claimOne("list-a", "-"), files.claimOne("List-A", "-")]).toEqual(["list-a", "List-A-2"]);
  });
});

describe("doc text", () => {
  it("cannot close a JSDoc comment or start a tag", () => {
    expect(jsDocText("a */ b\n@param x\u2028c\r\nd")).toBe("a *\\/ b\n\\@param x\nc\nd");
    const doc = renderDoc({ text: "x */ y", tags: [{ name: "pattern", text: "^[^*/]*$" }, { name: "see", text: "a\nb" }] });
    expect(doc).toBe("/**\n * x *\\/ y\n *\n * @pattern ^[^*\\/]*$\n * @see a b\n */\n");
    expect(() => new Function(`${doc}return 1;`)).not.toThrow();
  });

  it("keeps Markdown literal", () => {
    expect(markdownCell("a | b <script> *x* [l](u)\nnext")).toBe("a \\| b &lt;script&gt; \\*x\\* \\[l\\](u) next");
    expect(markdownCodeCell("/v1/{id}|`x`")).toBe("`` /v1/{id}\\|`x` ``");
    expect(markdownCodeCell("/v3/{project_id}/backups")).toBe("`/v3/{project_id}/backups`");
    expect(markdownText("# title\n1. item\n<b>*x*</b> (DDS) &amp;\n- list")).toBe("\\# title\n1\\. item\n&lt;b&gt;\\*x\\*&lt;/b&gt; (DDS) &amp;amp;\n\\- list");
  });
});
