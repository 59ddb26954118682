/**
 * Rule sets are data: YAML or JSON files in `rules/`, each validated by the
 * zod schema of the code that interprets it. A broken file stops the run with
 * the file, the rule and the field named.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { ConfigError } from '../core/errors.js';
import { DEFAULT_RULES_DIR } from './location.js';
import { parseYamlCached } from './yaml-cache.js';

export { DEFAULT_RULES_DIR } from './location.js';

const RULE_FILE = /\.(ya?ml|json)$/;

export interface RuleSetOptions {
  /**
   * Rewrites a rule file's parsed data (a copy) before it is validated: the
   * rule-examples test runs a rule set without one entry this way
   * (rules/entries.ts withoutEntry) to see what the entry changes.
   */
  edit?: (name: string, data: unknown) => unknown;
}

export class RuleSet {
  private readonly cache = new Map<string, unknown>();
  /** Short hash over every rule file: stored with each record. */
  readonly version: string;

  constructor(
    readonly dir: string = DEFAULT_RULES_DIR,
    private readonly options: RuleSetOptions = {},
  ) {
    if (!existsSync(dir)) throw new ConfigError(dir, 'rules directory not found');
    const hash = createHash('sha256');
    // Rule files of sub-folders too (rules/indicators/<domain>.yaml): a changed catalogue is a changed rule set.
    for (const name of ruleFilesUnder(dir)) {
      hash
        .update(name)
        .update('\0')
        .update(readFileSync(join(dir, name)))
        .update('\0');
    }
    this.version = hash.digest('hex').slice(0, 12);
  }

  /** Path of rule file `name` (without extension) in this rule set. */
  pathOf(name: string): string {
    for (const ext of ['.yaml', '.yml', '.json']) {
      const candidate = join(this.dir, name + ext);
      if (existsSync(candidate)) return candidate;
    }
    throw new ConfigError(join(this.dir, name + '.yaml'), 'rule file not found');
  }

  /** Loads, validates and caches rule file `name`. */
  get<Schema extends z.ZodType>(name: string, schema: Schema): z.infer<Schema> {
    const cached = this.cache.get(name);
    if (cached !== undefined) return cached as z.infer<Schema>;
    const { edit } = this.options;
    const value = loadRuleFile(this.pathOf(name), schema, edit && ((data) => edit(name, data)));
    this.cache.set(name, value);
    return value;
  }

  /** Path of a plain (non-YAML) rule resource such as a jieba user dictionary. */
  resource(fileName: string): string {
    const path = join(this.dir, fileName);
    if (!existsSync(path)) throw new ConfigError(path, 'rule resource not found');
    return path;
  }
}

export function loadRuleFile<Schema extends z.ZodType>(path: string, schema: Schema, edit?: (data: unknown) => unknown): z.infer<Schema> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(path, `cannot read rule file (${(error as Error).message})`);
  }
  let data: unknown;
  try {
    data = path.endsWith('.json') ? JSON.parse(text) : parseYamlCached(text);
  } catch (error) {
    throw new ConfigError(path, `not valid ${path.endsWith('.json') ? 'JSON' : 'YAML'}: ${firstLine((error as Error).message)}`);
  }
  // A copy: the parse may be shared (yaml-cache.ts).
  if (edit) data = edit(structuredClone(data));
  const result = schema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ConfigError(path, `${describePath(data, issue.path)}: ${issue.message}`);
  }
  return result.data;
}

/**
 * 'units[3] (万件).multiplier' — names an array entry by its label (a rule's
 * id or name by default) so a person finds it without counting entries.
 */
export function describePath(data: unknown, path: PropertyKey[], label: (node: unknown) => string | undefined = labelOf): string {
  let out = '';
  let node: unknown = data;
  for (const key of path) {
    if (typeof key === 'number') {
      out += `[${key}]`;
      node = Array.isArray(node) ? node[key] : undefined;
      const name = label(node);
      if (name) out += ` (${name})`;
    } else {
      out += (out ? '.' : '') + String(key);
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key as string] : undefined;
    }
  }
  return out || '(top level)';
}

function labelOf(node: unknown): string | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const record = node as Record<string, unknown>;
  for (const key of ['id', 'name', 'unit', 'word']) {
    if (typeof record[key] === 'string') return record[key] as string;
  }
  return undefined;
}

/** Rule files in `dir` and its sub-folders, as sorted relative paths. */
function ruleFilesUnder(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...ruleFilesUnder(dir, relative));
    else if (RULE_FILE.test(entry.name)) out.push(relative);
  }
  return out.sort();
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
