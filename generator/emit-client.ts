// Operations -> client code: per operation a descriptor, a standalone (tree-shakeable) function,
// a page iterator for offset/marker lists and a typed error guard; per package the factory.

import {
  arrayLiteral,
  arrow,
  call,
  constStatement,
  functionDeclaration,
  interfaceDeclaration,
  logical,
  methodSignature,
  objectLiteral,
  property,
  propertySignature,
  returnStatement,
  strict,
  switchStatement,
  typeDoc,
  comparison,
  type Doc,
  type TypeNode,
} from "./layout.ts";
import type { OperationModel, PackageModel } from "./plan.ts";
import { requestIsOptional, sourceText } from "./emit-types.ts";
import { str } from "./emit-validators.ts";
import { renderDoc, type Doc as DocText } from "./text.ts";

/** Internal name of the descriptor constant in each operation file. */
export const descriptorName = "OPERATION_DESCRIPTOR";

export type ClientHelper = "Client" | "RequestOptions" | "OperationDescriptor" | "ApiError" | "paginate";

const token = (text: string): TypeNode => ({ kind: "token", text });
const ref = (name: string, args: TypeNode[]): TypeNode => ({ kind: "ref", name, args });

export function operationDoc(op: OperationModel): DocText {
  const text = [op.summary, op.description !== op.summary ? op.description : undefined, `\`${op.method} ${op.path}\``]
    .filter((t): t is string => t !== undefined && t.trim() !== "")
    .join("\n\n");
  const tags: DocText["tags"] = [];
  if (op.deprecated) tags.push({ name: "deprecated" });
  const see = sourceText(op.source);
  if (see !== undefined) tags.push({ name: "see", text: see });
  tags.push({
    name: "throws",
    text: `{ApiError} on a non-2xx response${op.responses.some((r) => !r.success) ? ` (documented ones: \`${op.errorGuardName}\`)` : ""}`,
  });
  return { text, tags };
}

/** The iterator's return type: `AsyncGenerator<XResponse, void, undefined>`. */
function pagesType(op: OperationModel): TypeNode {
  return ref("AsyncGenerator", [token(op.responseTypeName), token("void"), token("undefined")]);
}

export function operationCode(op: OperationModel, use: (helper: ClientHelper) => void): Doc[] {
  use("Client");
  use("RequestOptions");
  use("OperationDescriptor");
  const out: Doc[] = [];
  const list = (names: string[]) => arrayLiteral(names.map(str));
  const byIn = (where: string) => op.params.filter((p) => p.in === where).map((p) => p.name);
  const successUnits = op.responses.filter((r) => r.success && r.unit && /^\d+$/.test(r.status));
  const validateResponse =
    successUnits.length === 0
      ? arrow([], { expression: "undefined" })
      : arrow(["status", "body", "options"], {
          block: [
            switchStatement("status", [
              ...successUnits.map((r): [Doc, Doc[]] => [r.status, [returnStatement(strict(call(r.unit!.validateName, ["body", "options"])))]]),
              [undefined, ["return undefined;"]],
            ]),
          ],
        });
  const fields: Doc[] = [
    strict(property("operationId", str(op.operationId), "string")),
    strict(property("method", str(op.method), "string")),
    property("path", str(op.path), "string"),
    property("pathParams", list(byIn("path")), "other"),
    property("queryParams", list(byIn("query")), "other"),
    property("headerParams", list(byIn("header")), "other"),
    property("hasBody", String(op.bodyUnit !== undefined), "literal"),
    ...(op.projectIdParam !== undefined ? [strict(property("projectIdParam", str(op.projectIdParam), "string"))] : []),
    strict(property("validateRequest", op.requestValidateName, "other")),
    property("validateResponse", validateResponse, "other"),
  ];
  out.push(constStatement(descriptorName, objectLiteral(fields, true), "fluid", "OperationDescriptor"));

  const optional = requestIsOptional(op);
  const params = ["client: Client", `input${optional ? "?" : ""}: ${op.requestTypeName}`, "options?: RequestOptions"];
  out.push(
    functionDeclaration({
      doc: renderDoc(operationDoc(op)),
      exported: true,
      name: op.functionName,
      params,
      returnType: typeDoc(ref("Promise", [token(op.responseTypeName)]), "annotation"),
      body: [returnStatement([call("client.send", [descriptorName, "input", "options"]), " as ", strict(`Promise<${op.responseTypeName}>`)])],
    }),
  );

  if (op.pagination) {
    use("paginate");
    const p = op.pagination;
    const spec: Doc[] = [
      property("kind", str(p.kind), "string"),
      property("cursorParam", str(p.cursorParam), "string"),
      property("limitParam", str(p.limitParam), "string"),
    ];
    if (p.itemsKey !== undefined) spec.push(property("itemsKey", str(p.itemsKey), "string"));
    if (p.totalKey !== undefined) spec.push(property("totalKey", str(p.totalKey), "string"));
    if (p.nextMarkerKey !== undefined) spec.push(property("nextMarkerKey", str(p.nextMarkerKey), "string"));
    if (p.itemIdKey !== undefined) spec.push(property("itemIdKey", str(p.itemIdKey), "string"));
    const how =
      p.kind === "offset"
        ? `advancing \`${p.cursorParam}\` by the number of items received`
        : `passing the ${p.nextMarkerKey !== undefined ? `\`${p.nextMarkerKey}\` of each page` : `\`${p.itemIdKey ?? "id"}\` of the last item`} as \`${p.cursorParam}\``;
    const items = p.itemsKey !== undefined ? ` Items are in \`${p.itemsKey}\`.` : " (The page has no item list the generator recognised: only the first page is fetched.)";
    const fetchPage = arrow([`pageInput: ${op.requestTypeName}`], { expression: call(op.functionName, ["client", "pageInput", "options"]) });
    out.push(
      functionDeclaration({
        doc: renderDoc({
          text: `Every page of \`${op.functionName}\`, ${how}, until a page is empty or shorter than \`${p.limitParam}\`${p.totalKey !== undefined ? ` or \`${p.totalKey}\` is reached` : ""}.${items}`,
        }),
        exported: true,
        name: p.pagesName,
        params,
        returnType: typeDoc(pagesType(op), "annotation"),
        body: [returnStatement(call("paginate", [{ doc: fetchPage, kind: "arrow" }, "input", { doc: objectLiteral(spec, false), kind: "object" }]))],
      }),
    );
  }

  const errors = op.responses.filter((r) => !r.success);
  if (errors.length > 0) {
    use("ApiError");
    const anyStatus = errors.some((r) => r.status === "default");
    const statuses = errors.map((r) => r.status).join(", ");
    const operands = [{ doc: comparison("error", "instanceof", "ApiError") }, { doc: comparison("error.operationId", "===", str(op.operationId)) }];
    if (!anyStatus) {
      const each = errors.map((r) => ({ doc: comparison("error.status", "===", r.status) }));
      operands.push(each.length === 1 ? each[0]! : { doc: ["(", logical("||", each, "nested"), ")"], logical: true } as { doc: Doc });
    }
    out.push(
      functionDeclaration({
        doc: `/** True for an ApiError of \`${op.functionName}\` with a documented status (${statuses}); then \`status\` narrows \`body\`. */\n`,
        exported: true,
        name: op.errorGuardName,
        params: ["error: unknown"],
        returnType: `error is ${op.errorTypeName}`,
        body: [returnStatement(logical("&&", operands, "return"), true)],
      }),
    );
  }
  return out;
}

/** The `<Service>Client` interface and `create<Service>Client` factory. */
export function factoryCode(model: PackageModel): Doc[] {
  const members: Doc[] = [
    propertySignature(
      { doc: "/** The underlying client, for calling the standalone operation functions directly. */\n", key: "client", optional: false, type: token("Client") },
      true,
    ),
  ];
  const entries: Doc[] = ["client"];
  const method = (name: string) => property(name, arrow(["input", "options"], { expression: call(name, ["client", "input", "options"]) }), "other");
  for (const op of model.operations) {
    const optional = requestIsOptional(op) ? "?" : "";
    const params = [`input${optional}: ${op.requestTypeName}`, "options?: RequestOptions"];
    members.push(methodSignature(renderDoc(operationDoc(op)), op.functionName, params, ref("Promise", [token(op.responseTypeName)])));
    entries.push(method(op.functionName));
    if (op.pagination) {
      const p = op.pagination;
      members.push(methodSignature(renderDoc({ text: `Every page of \`${op.functionName}\` (see \`${p.pagesName}\`).` }), p.pagesName, params, pagesType(op)));
      entries.push(method(p.pagesName));
    }
  }
  const title = model.title;
  return [
    interfaceDeclaration(renderDoc({ text: `Client for ${title}: one method per operation.` }), model.clientTypeName, members),
    functionDeclaration({
      doc: renderDoc({
        text: `Creates a client for ${title}.\n\nAuthentication: \`auth: { token }\` sends X-Auth-Token; \`auth: { accessKey, secretKey }\` signs every request (SDK-HMAC-SHA256); or pass a signer function.`,
      }),
      exported: true,
      name: model.factoryName,
      params: ["config: ClientConfig"],
      returnType: model.clientTypeName,
      body: [constStatement("client", "createClient(config)", "break-after-operator"), returnStatement(objectLiteral(entries, true))],
    }),
  ];
}
