// Readers: a documentation page (whatever its format) -> the page model.
// The format is detected from the content, never from the file name.

import type { PageFormat, PageModel } from "../page-model.ts";
import { readDitaHtml } from "./dita-html.ts";
import { readMarkdownHtml } from "./markdown-html.ts";
import { readPipeCells } from "./pipe-cells.ts";
import { readPlainText } from "./plain-text.ts";
import { stripBom } from "./text.ts";

export { readDitaHtml } from "./dita-html.ts";
export { readMarkdownHtml, inlineMarkdown } from "./markdown-html.ts";
export { readPipeCells } from "./pipe-cells.ts";
export { readPlainText } from "./plain-text.ts";
export { LineIndex, lineStarts, splitLines } from "./lines.ts";
export { normalizeText, stripBom } from "./text.ts";

const HTML_BLOCK = /<(?:table|h[1-6]|div|p|ul|ol|pre|html|body)[\s>]/i;
const DITA_MARKERS = /<h1[\s>]|class="(?:topictitle1|sectiontitle|section|tablenoborder)"/i;
const MD_HEADING_LINE = /^#{1,6}[ \t]+\S/;
const MD_SECTION = /^#{2,6}[ \t]+\S/m;
const MD_CAPTION = /^[ \t]*\*\*(?:表|Table) ?\d+\*\*/m;
const MD_LINK = /\]\([^)\s]+\)/;
// Not `[ \t]*\|?[ \t]*`: two runs over the same class around an optional `|` backtrack
// quadratically on a long line of spaces.
const PIPE_SEPARATOR = /^[ \t]*(?:\|[ \t]*)?:?-{2,}:?[ \t]*\|/m;
const PIPE_CELL = /[^|\s][ \t]*\|[ \t]*$/m;

function firstContentLine(s: string): string {
  let start = 0;
  while (start < s.length) {
    let end = s.indexOf("\n", start);
    if (end < 0) end = s.length;
    const line = s.slice(start, end).replace(/\r/g, "");
    if (line.trim() !== "") return line;
    start = end + 1;
  }
  return "";
}

/** The page format, from the content alone. */
export function detectFormat(content: string): PageFormat {
  const s = stripBom(content);
  const first = firstContentLine(s);
  const mdHeadingFirst = MD_HEADING_LINE.test(first.trimStart());
  if (HTML_BLOCK.test(s)) {
    // Markdown with embedded HTML tables: starts with an ATX heading or has `**表 N**` captions.
    if (mdHeadingFirst || MD_CAPTION.test(s)) return "markdown-html";
    if (DITA_MARKERS.test(s)) return "dita-html";
    if (MD_SECTION.test(s) && MD_LINK.test(s)) return "markdown-html";
    return "dita-html";
  }
  if (mdHeadingFirst || MD_CAPTION.test(s) || (MD_SECTION.test(s) && MD_LINK.test(s))) return "markdown-html";
  if (PIPE_SEPARATOR.test(s) && PIPE_CELL.test(s)) return "pipe-cells";
  return "plain-text";
}

/**
 * Reads one page. `file` is only copied into the model. Never throws: odd input (empty,
 * truncated, binary) gives whatever blocks could be read.
 */
export function readPage(file: string, content: string): PageModel {
  const text = stripBom(typeof content === "string" ? content : String(content ?? ""));
  let format: PageFormat = "plain-text";
  try {
    format = detectFormat(text);
    switch (format) {
      case "dita-html":
        return readDitaHtml(file, text);
      case "markdown-html":
        return readMarkdownHtml(file, text);
      case "pipe-cells":
        return readPipeCells(file, text);
      case "plain-text":
        return readPlainText(file, text);
    }
  } catch {
    // Readers catch their own failures; this is the last resort.
  }
  return { file, format, blocks: [] };
}
