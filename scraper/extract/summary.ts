// The prose of an operation: its summary sentence, description (function and constraints
// sections) and the error-code page its "Error Codes" section links to.
import { posix } from "node:path";
import { blockText, type Section } from "./sections.ts";

/** The page an operation's "Error Codes" section points at, resolved against the page's folder. */
export function errorCodesLink(file: string, sections: Section[]): { errorCodesPage?: string } {
  for (const section of sections) {
    if (section.kind !== "error-codes") continue;
    for (const block of section.blocks) {
      const links = block.kind === "paragraph" ? block.links : block.kind === "list" ? block.items.flatMap((i) => i.links) : [];
      for (const link of links) {
        const target = link.href.split("#")[0]!;
        if (!target || /^[a-z]+:/i.test(target)) continue;
        return { errorCodesPage: posix.normalize(posix.join(posix.dirname(file), decodeURIComponentSafe(target))) };
      }
    }
  }
  return {};
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function functionText(sections: Section[]): string | undefined {
  // Pages that lost their headings start with the function sentence in whatever section they got.
  const fn = sections.find((s) => s.kind === "function") ?? sections.find((s) => s.kind === "intro") ?? sections[0];
  if (!fn) return undefined;
  const texts = fn.blocks.filter((b) => b.kind === "paragraph" || b.kind === "list").map(blockText);
  const text = texts.join("\n").trim();
  return text || undefined;
}

/** The "Constraints" section is part of what a caller must know: it joins the description. */
export function constraintsText(sections: Section[]): string | undefined {
  const section = sections.find((s) => s.kind === "constraints");
  if (!section) return undefined;
  const text = section.blocks
    .filter((b) => b.kind === "paragraph" || b.kind === "list")
    .map(blockText)
    .join("\n")
    .trim();
  return text ? `${section.heading ?? "Constraints"}:\n${text}` : undefined;
}

export function functionSentence(sections: Section[]): string | undefined {
  const text = functionText(sections);
  if (!text) return undefined;
  return text.split(/\n/)[0]!.trim();
}
