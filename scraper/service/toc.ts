// The documentation system's table of contents (CLASS.TXT.json): each page's title and its parent
// chain. It decides which pages belong to the reference and gives operations their tags.
import { Docs2tsError } from "../../core/errors.ts";

export interface TocNode {
  uri: string;
  title: string;
  /** Titles from the top of the tree down to the page's parent. */
  parents: string[];
  hasChildren: boolean;
}

export class TocError extends Docs2tsError {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = "TocError";
  }
}

interface RawNode {
  uri: string;
  title: string;
  code: string;
  parentCode: string;
}

export function parseToc(text: string, file: string): Map<string, TocNode> {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new TocError(file, `not valid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(raw)) throw new TocError(file, "expected an array of {title, uri, code, p_code}");
  const nodes: RawNode[] = raw.map((entry, i) => {
    const e = entry as Record<string, unknown>;
    if (typeof e?.uri !== "string" || typeof e.title !== "string" || e.code === undefined) {
      throw new TocError(file, `entry ${i} lacks a string "uri", "title" or a "code"`);
    }
    return { uri: e.uri, title: e.title.trim(), code: String(e.code), parentCode: String(e.p_code ?? "") };
  });
  const byCode = new Map(nodes.map((n) => [n.code, n]));
  const parentsWithChildren = new Set(nodes.map((n) => n.parentCode));
  const toc = new Map<string, TocNode>();
  for (const node of nodes) {
    const parents: string[] = [];
    const seen = new Set<string>();
    for (let p = byCode.get(node.parentCode); p && !seen.has(p.code); p = byCode.get(p.parentCode)) {
      seen.add(p.code);
      parents.unshift(p.title);
    }
    toc.set(node.uri, { uri: node.uri, title: node.title, parents, hasChildren: parentsWithChildren.has(node.code) });
  }
  return toc;
}
