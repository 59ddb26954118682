/**
 * Parsing the rule files' YAML is most of the time it takes to load them in a
 * fresh process (the parser is cold: ~0.2 s for rules/ on every `planlens
 * ingest`), while JSON.parse of the same data takes a few milliseconds. So
 * the parsed data of a YAML text is kept as JSON in the system's temp folder,
 * named by a hash of the text and of the parser's version: changed text is a
 * new name, never a stale hit. Only the parse is cached — every load still
 * validates the data with the rule file's schema, so a broken rule stops the
 * run exactly as before; text that does not parse is never cached and keeps
 * failing with the parser's message.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const YAML_VERSION = (require('yaml/package.json') as { version: string }).version;

/**
 * The parser is required on a cache miss only: loading it (some sixty
 * modules) costs more than reading every cached rule file, and a run whose
 * rules are all cached never needs it.
 */
function parseYaml(text: string): unknown {
  return (require('yaml') as typeof import('yaml')).parse(text);
}

/** Where parsed rule texts are kept; PLANLENS_RULES_CACHE overrides it, and 'off' turns the cache off. */
export function yamlCacheDir(): string | null {
  const configured = process.env.PLANLENS_RULES_CACHE;
  if (configured === 'off') return null;
  return configured || join(tmpdir(), 'planlens-rules-cache');
}

/** The data of a YAML text, from the cache when this text was parsed before; throws the parser's error otherwise. */
export function parseYamlCached(text: string): unknown {
  const dir = yamlCacheDir();
  if (dir === null) return parseYaml(text);
  const file = join(dir, createHash('sha256').update(YAML_VERSION).update('\0').update(text).digest('hex') + '.json');
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // Not cached yet (or unreadable): parse and try to keep it.
  }
  const data: unknown = parseYaml(text);
  if (survivesJson(data)) keep(dir, file, JSON.stringify(data));
  return data;
}

/** A failed write only costs the next run the parse; concurrent runs each write a whole file and rename it into place. */
function keep(dir: string, file: string, json: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, json);
    renameSync(partial, file);
  } catch {
    // The cache is an optimisation; the data is already in hand.
  }
}

/** Whether JSON gives back the same data (YAML's .inf, .nan and -0 would not survive, nor anything but plain values). */
function survivesJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(survivesJson);
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) return Object.values(value).every(survivesJson);
  return false;
}
