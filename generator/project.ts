// All TypeScript a package's generation emits goes into one in-memory ts-morph Project: it is the one
// place emitted files live until a single save(), and its parser checks every file before anything is
// written (emitted text that does not parse would be a generator bug, e.g. doc text escaping a
// string or comment). Printing is done before (prettier's document printer); ts-morph does no
// per-node manipulation here.
import { Project, ts } from "ts-morph";
import type { EmittedFile } from "./emit.ts";
import { GenerateError } from "./spec.ts";

export class EmittedProject {
  private readonly project = new Project({
    useInMemoryFileSystem: true,
    skipAddingFilesFromTsConfig: true,
    compilerOptions: { noLib: true, noResolve: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  });
  private readonly files: { service: string; path: string; specPath: string }[] = [];

  add(service: string, specPath: string, file: EmittedFile): void {
    this.project.createSourceFile(this.fullPath(service, file.path), file.content, { overwrite: true });
    this.files.push({ service, path: file.path, specPath });
  }

  /** Checks every file parses, saves once, and returns the saved contents per service. */
  async save(): Promise<Map<string, EmittedFile[]>> {
    for (const file of this.files) {
      const source = this.project.getSourceFileOrThrow(this.fullPath(file.service, file.path));
      // The parser's own diagnostics, kept on the source file: no program (and no re-parse) needed.
      const [first] = (source.compilerNode as ts.SourceFile & { parseDiagnostics?: readonly ts.Diagnostic[] }).parseDiagnostics ?? [];
      if (first) {
        const text = ts.flattenDiagnosticMessageText(first.messageText, " ");
        throw new GenerateError(`generated ${file.path} does not parse (${text}); this is a docs2ts bug`, file.specPath, "");
      }
    }
    await this.project.save();
    const fs = this.project.getFileSystem();
    const out = new Map<string, EmittedFile[]>();
    for (const file of this.files) {
      const list = out.get(file.service) ?? [];
      list.push({ path: file.path, content: fs.readFileSync(this.fullPath(file.service, file.path)) });
      out.set(file.service, list);
    }
    return out;
  }

  private fullPath(service: string, file: string): string {
    return `/${service}/${file}`;
  }
}
