import path from "node:path";
import { loadConfig, type ServiceConfig } from "../core/config.ts";
import { formatDiagnostic, type Diagnostic } from "../core/diagnostics.ts";
import { scrapeService, type ScrapeResult } from "../scraper/index.ts";
import { serializeJson } from "../core/stable-json.ts";
import { collectPages, findToc, readPage, UsageError, writeText } from "./io.ts";
import type { ParsedArgs } from "./main.ts";

export async function scrapeCommand(args: ParsedArgs, rootDir: string): Promise<number> {
  const serviceName = args.values.service;
  if (typeof serviceName !== "string") throw new UsageError("--service <name> is required");
  if (args.positionals.length === 0) throw new UsageError("name at least one page file or folder");
  const failOn = args.values["fail-on"];
  if (failOn !== undefined && failOn !== "warning" && failOn !== "error") throw new UsageError(`--fail-on must be "warning" or "error"`);

  const service = await serviceConfig(serviceName, rootDir);
  const pages = await collectPages(args.positionals, rootDir);
  if (pages.length === 0) throw new UsageError(`no doc pages (.html, .htm, .md, .txt) in ${args.positionals.join(", ")}`);
  const tocPath = typeof args.values.toc === "string" ? args.values.toc : await findToc(args.positionals, rootDir);
  const toc = tocPath ? await readPage(tocPath, rootDir) : undefined;
  const result = scrapeService(service, pages, { ...(toc ? { toc } : {}) });

  const spec = serializeJson(result.spec);
  if (typeof args.values.out === "string") await writeText(path.resolve(rootDir, args.values.out), spec);
  else process.stdout.write(spec);
  if (typeof args.values.report === "string") await writeText(path.resolve(rootDir, args.values.report), serializeJson(result.diagnostics));
  printDiagnostics(result.diagnostics);
  process.stderr.write(`${summaryLine(service.name, result)}\n`);
  return exitCodeFor(result.diagnostics, failOn);
}

async function serviceConfig(name: string, rootDir: string): Promise<ServiceConfig> {
  let configured: ServiceConfig | undefined;
  try {
    configured = (await loadConfig(rootDir)).services.find((s) => s.name === name);
  } catch {
    configured = undefined;
  }
  return configured ?? { name, title: name, cloud: "", language: "en", pages: [], server: "https://{endpoint}", version: "0.1.0" };
}

export function printDiagnostics(diagnostics: Diagnostic[]): void {
  for (const d of diagnostics) if (d.severity !== "info") process.stderr.write(`${formatDiagnostic(d)}\n`);
}

/** One line per service: pages read, operations, shared pages, pages left out with the reason. */
export function summaryLine(service: string, result: Pick<ScrapeResult, "pages" | "diagnostics">): string {
  const operationPages = result.pages.flatMap((p) => (p.kind === "operation" ? [p] : []));
  const operations = new Set(operationPages.map((p) => p.operationId)).size;
  const shared = result.pages.filter((p) => p.kind === "shared").length;
  const leftOut = result.pages.flatMap((p) => (p.kind === "left-out" ? [p] : []));
  const reasons = new Map<string, string[]>();
  for (const page of leftOut) reasons.set(page.reason, [...(reasons.get(page.reason) ?? []), page.file.replace(/^.*\//, "")]);
  const why = [...reasons].map(([reason, files]) => `${files.length} ${reason}: ${files.join(", ")}`).join("; ");
  const warnings = result.diagnostics.filter((d) => d.severity === "warning").length;
  return (
    `${service}: ${result.pages.length} pages read, ${operations} operations from ${operationPages.length} pages, ${shared} shared pages, ` +
    `${leftOut.length} left out${why ? ` (${why})` : ""}, ${warnings} warnings`
  );
}

export function exitCodeFor(diagnostics: Diagnostic[], failOn: string | boolean | undefined): number {
  if (failOn === "warning" && diagnostics.some((d) => d.severity !== "info")) return 1;
  if (failOn === "error" && diagnostics.some((d) => d.severity === "error")) return 1;
  return 0;
}
