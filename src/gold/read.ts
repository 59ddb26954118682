/** Reads gold annotation files; every error names the file and the field. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ConfigError } from '../core/errors.js';
import { GoldFile } from './schema.js';
import { describePath } from '../rules/index.js';

export const GOLD_SUFFIX = '.gold.json';

/**
 * A gold file or directory that cannot be used. It is a ConfigError because,
 * like a broken rule file, it stops the run before any document (exit 2).
 */
export class GoldError extends ConfigError {
  override name = 'GoldError';
}

export interface LoadedGold {
  /** Document name: the gold file name without `.gold.json`. */
  name: string;
  path: string;
  gold: GoldFile;
}

export function parseGold(data: unknown, path: string): GoldFile {
  const result = GoldFile.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new GoldError(path, `${describePath(data, issue.path, recordLabel)}: ${issue.message}`);
  }
  return result.data;
}

export function readGoldFile(path: string): LoadedGold {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new GoldError(path, `cannot read gold file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new GoldError(path, `not valid JSON: ${(error as Error).message.split('\n')[0]}`);
  }
  const name = basename(path).slice(0, -GOLD_SUFFIX.length);
  const gold = parseGold(data, path);
  // A gold file copied from another and not renamed inside would score one
  // document against another's facts.
  if (stem(gold.file) !== name) throw new GoldError(path, `file: '${gold.file}' does not name this gold file's document (${name}.txt/.docx/.pdf)`);
  return { name, path, gold };
}

/** Every `*.gold.json` in `dir`, sorted by name. */
export function readGoldDir(dir: string): LoadedGold[] {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new GoldError(dir, 'is not a directory');
    names = readdirSync(dir);
  } catch (error) {
    if (error instanceof GoldError) throw error;
    throw new GoldError(dir, 'gold directory not found');
  }
  const files = names.filter((n) => n.endsWith(GOLD_SUFFIX)).sort();
  if (files.length === 0) throw new GoldError(dir, `no ${GOLD_SUFFIX} files in the directory`);
  return files.map((n) => readGoldFile(join(dir, n)));
}

function stem(fileName: string): string {
  const file = basename(fileName);
  const dot = file.lastIndexOf('.');
  return dot > 0 ? file.slice(0, dot) : file;
}

/** Names a gold record by its indicator, task or text: 'targets[3] (有效发明专利拥有量).year'. */
function recordLabel(node: unknown): string | undefined {
  if (typeof node === 'string') return node;
  if (!node || typeof node !== 'object') return undefined;
  const record = node as Record<string, unknown>;
  for (const key of ['indicator', 'task', 'what']) {
    if (typeof record[key] === 'string') return record[key] as string;
  }
  return undefined;
}
