// Doc text from the spec is untrusted: these helpers make it safe inside JSDoc comments and
// Markdown tables. (String literals go through `stringLiteral` in names.ts.)

/** A documentation block: free text plus tags (`@minLength 4`). */
export interface Doc {
  text?: string;
  tags?: { name: string; text?: string }[];
}

/** Normalise line breaks (CRLF, CR, U+2028, U+2029, NEL) to "\n" and make the string well-formed. */
export function normalizeText(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, "\n")
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD")
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "\uFFFD");
}

/**
 * Text made safe for a JSDoc block: cannot close the comment (`*\/`), cannot start a tag at the
 * beginning of a word (`\@`), cannot end an HTML <script> element the code may be inlined in
 * (`<\/`, which Markdown hovers still show as "</"), has no trailing spaces and no blank lines at
 * either end.
 */
export function jsDocText(text: string): string {
  const lines = normalizeText(text)
    .replace(/\*\//g, "*\\/")
    .replace(/<(\/|!--)/g, "<\\$1")
    .replace(/(^|\s)@/g, "$1\\@")
    .split("\n")
    .map((l) => l.replace(/\s+$/u, ""));
  while (lines.length > 0 && lines[0] === "") lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines.join("\n");
}

/** Renders a JSDoc comment (with a trailing newline), or "" when there is nothing to say. */
export function renderDoc(doc: Doc | undefined): string {
  if (doc === undefined) return "";
  const body: string[] = [];
  const text = doc.text === undefined ? "" : jsDocText(doc.text);
  if (text !== "") body.push(...text.split("\n"));
  const tags = doc.tags ?? [];
  if (tags.length > 0 && body.length > 0) body.push("");
  for (const tag of tags) {
    const tagText = tag.text === undefined ? "" : jsDocText(tag.text).replace(/\n/g, " ");
    body.push(tagText === "" ? `@${tag.name}` : `@${tag.name} ${tagText}`);
  }
  if (body.length === 0) return "";
  return `/**\n${body.map((l) => (l === "" ? " *" : ` * ${l}`)).join("\n")}\n */\n`;
}

/** Text safe in one Markdown table cell: one line, no pipes, no HTML. */
export function markdownCell(text: string): string {
  return normalizeText(text)
    .replace(/\s+/g, " ")
    .trim()
    .replace(/\\/g, "\\\\")
    .replace(/\|/g, "\\|")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([`*_[\]])/g, "\\$1");
}

/**
 * Text safe as a Markdown paragraph: line breaks kept, everything else literal (no HTML, no
 * markup). Angle brackets and ampersands become entities, which also hold where the text is read
 * as HTML rather than Markdown.
 */
export function markdownText(text: string): string {
  return normalizeText(text)
    .split("\n")
    .map((line) =>
      line
        .trim()
        .replace(/&/g, "&amp;")
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        .replace(/[\\`*_{}[\]#|~]/g, "\\$&")
        .replace(/^([-+=])/, "\\$1")
        .replace(/^(\d+)([.)])/, "$1\\$2"),
    )
    .join("\n")
    .trim();
}

/** Text as a Markdown code span inside a table cell (delimiters longer than any backtick run). */
export function markdownCodeCell(text: string): string {
  const flat = normalizeText(text).replace(/\s+/g, " ").trim().replace(/\|/g, "\\|");
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = "`".repeat(longest + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${ticks}${pad}${flat}${pad}${ticks}`;
}
