/** Writing gold files: their names and their text, checked against the format. */
import { writeFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { GOLD_SUFFIX, parseGold } from './read.js';
import type { GoldFile } from './schema.js';

/** A gold file is named after the document's file: x.docx → x.gold.json. */
export function goldFileName(documentPath: string): string {
  const file = basename(documentPath);
  return file.slice(0, file.length - extname(file).length) + GOLD_SUFFIX;
}

/**
 * Writes `gold` to `path`, and writes it even when it breaks the format, so it
 * can be inspected; a file eval would reject is returned as the problem to say.
 */
export function writeGoldFile(path: string, gold: GoldFile): string | null {
  writeFileSync(path, JSON.stringify(gold, null, 2) + '\n');
  try {
    parseGold(JSON.parse(JSON.stringify(gold)), path);
    return null;
  } catch (error) {
    return `${(error as Error).message} (the extraction does not fit the gold format)`;
  }
}
