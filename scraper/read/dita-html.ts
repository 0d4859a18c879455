// DITA HTML (as exported by the documentation system), optionally wrapped in a Gitea file view:
// lines of repository chrome before the HTML, and in some copies a line holding just `|`
// between every HTML line and entities already decoded.

import type { PageModel } from "../page-model.ts";
import { HtmlBlockReader, parseHtml, prepareHtmlLines, type PreparedHtml } from "./html.ts";
import { splitLines, type SourceLine } from "./lines.ts";
import { readToPage } from "./page.ts";

/** How many leading lines may be repository chrome before the HTML starts. */
const MAX_CHROME_LINES = 60;

function startsWithTag(line: string): boolean {
  return /^\s*<[A-Za-z!]/.test(line);
}

function isPipeLine(line: string): boolean {
  return line.trim() === "|";
}

/** Index of the first HTML line: everything before it is Gitea chrome (path, commit, size...). */
export function htmlStartIndex(lines: readonly SourceLine[]): number {
  const limit = Math.min(lines.length, MAX_CHROME_LINES);
  for (let i = 0; i < limit; i++) if (startsWithTag(lines[i]!.text)) return i;
  return 0;
}

/**
 * Drops chrome and interleaved `|` lines, escapes stray `<`/`&`, and keeps a map from the
 * prepared text back to the original lines.
 */
export function prepareDitaHtml(content: string): PreparedHtml {
  const lines = splitLines(content);
  const start = htmlStartIndex(lines);
  let pipeLines = 0;
  let nonEmpty = 0;
  for (let i = start; i < lines.length; i++) {
    const t = lines[i]!.text;
    if (t.trim() === "") continue;
    nonEmpty++;
    if (isPipeLine(t)) pipeLines++;
  }
  // Only when the `|` lines are the interleaving pattern, not a stray `|` in a <pre>.
  const dropPipes = pipeLines >= 3 && pipeLines * 4 >= nonEmpty;
  const kept = lines.slice(start).filter((l) => !(dropPipes && isPipeLine(l.text)));
  return prepareHtmlLines(kept);
}

export function readDitaHtml(file: string, content: string): PageModel {
  const { html, lines } = prepareDitaHtml(content);
  const reader = new HtmlBlockReader((offset) => lines.lineAt(offset));
  return readToPage(file, "dita-html", reader, () => reader.walk(parseHtml(html)));
}
