// Operations -> client code: per operation a descriptor, a standalone (tree-shakeable) function,
// a page iterator for offset/marker lists and a typed error guard; per package the factory.

import { stringLiteral } from "./names.ts";
import type { OperationModel, PackageModel } from "./plan.ts";
import { requestIsOptional, sourceText } from "./emit-types.ts";
import { renderDoc, type Doc } from "./text.ts";

/** Internal name of the descriptor constant in each operation file. */
export const descriptorName = "OPERATION_DESCRIPTOR";

export type ClientHelper = "Client" | "RequestOptions" | "OperationDescriptor" | "ApiError" | "paginate";

export function operationDoc(op: OperationModel): Doc {
  const text = [op.summary, op.description !== op.summary ? op.description : undefined, `\`${op.method} ${op.path}\``]
    .filter((t): t is string => t !== undefined && t.trim() !== "")
    .join("\n\n");
  const tags: Doc["tags"] = [];
  if (op.deprecated) tags.push({ name: "deprecated" });
  const see = sourceText(op.source);
  if (see !== undefined) tags.push({ name: "see", text: see });
  tags.push({
    name: "throws",
    text: `{ApiError} on a non-2xx response${op.responses.some((r) => !r.success) ? ` (documented ones: \`${op.errorGuardName}\`)` : ""}`,
  });
  return { text, tags };
}

export function operationCode(op: OperationModel, use: (helper: ClientHelper) => void): string[] {
  use("Client");
  use("RequestOptions");
  use("OperationDescriptor");
  const out: string[] = [];
  const list = (names: string[]) => `[${names.map(stringLiteral).join(", ")}]`;
  const byIn = (where: string) => op.params.filter((p) => p.in === where).map((p) => p.name);
  const successUnits = op.responses.filter((r) => r.success && r.unit && /^\d+$/.test(r.status));
  const validateResponse =
    successUnits.length === 0
      ? "() => undefined"
      : `(status, body, options) => {\nswitch (status) {\n${successUnits
          .map((r) => `case ${r.status}:\nreturn ${r.unit!.validateName}(body, options);`)
          .join("\n")}\ndefault:\nreturn undefined;\n}\n}`;
  const fields = [
    `operationId: ${stringLiteral(op.operationId)}`,
    `method: ${stringLiteral(op.method)}`,
    `path: ${stringLiteral(op.path)}`,
    `pathParams: ${list(byIn("path"))}`,
    `queryParams: ${list(byIn("query"))}`,
    `headerParams: ${list(byIn("header"))}`,
    `hasBody: ${op.bodyUnit !== undefined}`,
    ...(op.projectIdParam !== undefined ? [`projectIdParam: ${stringLiteral(op.projectIdParam)}`] : []),
    `validateRequest: ${op.requestValidateName}`,
    `validateResponse: ${validateResponse}`,
  ];
  out.push(`const ${descriptorName}: OperationDescriptor = {\n${fields.join(",\n")},\n};`);

  const optional = requestIsOptional(op);
  const inputParam = `input${optional ? "?" : ""}: ${op.requestTypeName}`;
  out.push(
    `${renderDoc(operationDoc(op))}export function ${op.functionName}(client: Client, ${inputParam}, options?: RequestOptions): Promise<${op.responseTypeName}> {\nreturn client.send(${descriptorName}, input, options) as Promise<${op.responseTypeName}>;\n}`,
  );

  if (op.pagination) {
    use("paginate");
    const p = op.pagination;
    const spec: string[] = [
      `kind: ${stringLiteral(p.kind)}`,
      `cursorParam: ${stringLiteral(p.cursorParam)}`,
      `limitParam: ${stringLiteral(p.limitParam)}`,
    ];
    if (p.itemsKey !== undefined) spec.push(`itemsKey: ${stringLiteral(p.itemsKey)}`);
    if (p.totalKey !== undefined) spec.push(`totalKey: ${stringLiteral(p.totalKey)}`);
    if (p.nextMarkerKey !== undefined) spec.push(`nextMarkerKey: ${stringLiteral(p.nextMarkerKey)}`);
    if (p.itemIdKey !== undefined) spec.push(`itemIdKey: ${stringLiteral(p.itemIdKey)}`);
    const how =
      p.kind === "offset"
        ? `advancing \`${p.cursorParam}\` by the number of items received`
        : `passing the ${p.nextMarkerKey !== undefined ? `\`${p.nextMarkerKey}\` of each page` : `\`${p.itemIdKey ?? "id"}\` of the last item`} as \`${p.cursorParam}\``;
    const items = p.itemsKey !== undefined ? ` Items are in \`${p.itemsKey}\`.` : " (The page has no item list the generator recognised: only the first page is fetched.)";
    out.push(
      `${renderDoc({ text: `Every page of \`${op.functionName}\`, ${how}, until a page is empty or shorter than \`${p.limitParam}\`${p.totalKey !== undefined ? ` or \`${p.totalKey}\` is reached` : ""}.${items}` })}export function ${p.pagesName}(client: Client, ${inputParam}, options?: RequestOptions): AsyncGenerator<${op.responseTypeName}, void, undefined> {\nreturn paginate((pageInput: ${op.requestTypeName}) => ${op.functionName}(client, pageInput, options), input, { ${spec.join(", ")} });\n}`,
    );
  }

  const errors = op.responses.filter((r) => !r.success);
  if (errors.length > 0) {
    use("ApiError");
    const anyStatus = errors.some((r) => r.status === "default");
    const statuses = errors.map((r) => r.status).join(", ");
    const condition = anyStatus ? "" : ` && (${errors.map((r) => `error.status === ${r.status}`).join(" || ")})`;
    out.push(
      `/** True for an ApiError of \`${op.functionName}\` with a documented status (${statuses}); then \`status\` narrows \`body\`. */\nexport function ${op.errorGuardName}(error: unknown): error is ${op.errorTypeName} {\nreturn error instanceof ApiError && error.operationId === ${stringLiteral(op.operationId)}${condition};\n}`,
    );
  }
  return out;
}

/** The `<Service>Client` interface and `create<Service>Client` factory. */
export function factoryCode(model: PackageModel): string[] {
  const members: string[] = [
    "/** The underlying client, for calling the standalone operation functions directly. */\nreadonly client: Client;",
  ];
  const entries: string[] = ["client"];
  for (const op of model.operations) {
    const optional = requestIsOptional(op) ? "?" : "";
    members.push(
      `${renderDoc(operationDoc(op))}${op.functionName}(input${optional}: ${op.requestTypeName}, options?: RequestOptions): Promise<${op.responseTypeName}>;`,
    );
    entries.push(`${op.functionName}: (input, options) => ${op.functionName}(client, input, options)`);
    if (op.pagination) {
      const p = op.pagination;
      members.push(
        `${renderDoc({ text: `Every page of \`${op.functionName}\` (see \`${p.pagesName}\`).` })}${p.pagesName}(input${optional}: ${op.requestTypeName}, options?: RequestOptions): AsyncGenerator<${op.responseTypeName}, void, undefined>;`,
      );
      entries.push(`${p.pagesName}: (input, options) => ${p.pagesName}(client, input, options)`);
    }
  }
  const title = model.title;
  return [
    `${renderDoc({ text: `Client for ${title}: one method per operation.` })}export interface ${model.clientTypeName} {\n${members.join("\n")}\n}`,
    `${renderDoc({
      text: `Creates a client for ${title}.\n\nAuthentication: \`auth: { token }\` sends X-Auth-Token; \`auth: { accessKey, secretKey }\` signs every request (SDK-HMAC-SHA256); or pass a signer function.`,
    })}export function ${model.factoryName}(config: ClientConfig): ${model.clientTypeName} {\nconst client = createClient(config);\nreturn {\n${entries.join(",\n")},\n};\n}`,
  ];
}
