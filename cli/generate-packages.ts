// Client packages for a set of specs, in memory, through the content-hash cache: a package whose
// spec, config entry and generator code are unchanged is read from the cache.
import { emitAll } from "../generator/index.ts";
import { runtimeNames, type EmittedFile } from "../generator/emit.ts";
import { planPackage } from "../generator/plan.ts";
import { loadRuntime } from "../generator/runtime-files.ts";
import type { OpenApiDocument } from "../generator/spec.ts";
import type { Docs2tsConfig } from "../core/config.ts";
import { codeFingerprint, hashOf, type ContentCache } from "./cache.ts";

export interface SpecForGeneration {
  service: string;
  specText: string;
}

export async function generatePackages(
  config: Docs2tsConfig,
  specs: SpecForGeneration[],
  cache?: ContentCache,
): Promise<Map<string, EmittedFile[]>> {
  const fingerprint = cache ? await codeFingerprint(["generator", "core"]) : "";
  const out = new Map<string, EmittedFile[]>();
  const toEmit: { key: string; spec: SpecForGeneration }[] = [];
  for (const spec of specs) {
    const service = config.services.find((s) => s.name === spec.service);
    const key = hashOf([fingerprint, config.scope, JSON.stringify(service ?? null), spec.specText]);
    const cached = cache ? await cache.get(key) : undefined;
    if (cached) out.set(spec.service, JSON.parse(cached) as EmittedFile[]);
    else toEmit.push({ key, spec });
  }
  if (toEmit.length > 0) {
    const runtime = await loadRuntime();
    const reservedNames = runtimeNames(runtime);
    const models = toEmit.map(({ spec }) => {
      const service = config.services.find((s) => s.name === spec.service);
      return planPackage(JSON.parse(spec.specText) as OpenApiDocument, {
        service: spec.service,
        scope: config.scope,
        specPath: `specs/${spec.service}.openapi.json`,
        reservedNames,
        ...(service ? { version: service.version, title: service.title } : {}),
      });
    });
    const emitted = await emitAll(models);
    for (const { key, spec } of toEmit) {
      const files = emitted.get(spec.service)!;
      out.set(spec.service, files);
      await cache?.set(key, JSON.stringify(files));
    }
  }
  return out;
}
