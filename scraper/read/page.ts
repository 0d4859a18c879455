// The one way every reader ends: run it as far as it gets, then wrap what it read as a page model.
import type { Block, PageFormat, PageModel } from "../page-model.ts";

export interface BlockSink {
  readonly blocks: Block[];
  title?: string;
  titleLine?: number;
}

/** A reader never throws: whatever was read before an unexpected failure is kept. */
export function readToPage(file: string, format: PageFormat, reader: BlockSink, read: () => void): PageModel {
  try {
    read();
  } catch {
    // Keep what was read before the failure.
  }
  const model: PageModel = { file, format, blocks: reader.blocks };
  if (reader.title !== undefined) {
    model.title = reader.title;
    if (reader.titleLine !== undefined) model.titleLine = reader.titleLine;
  }
  return model;
}
