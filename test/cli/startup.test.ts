/**
 * Start-up: describing the commands must not load the library behind them.
 * The defaults and choices the CLI shows are copies (src/cli/choices.ts),
 * checked here against the modules that own them; and the CLI's static
 * import graph, followed from main.ts, must reach none of the heavy modules
 * (pipeline stages, ingest, exporters, web server, SQLite…) — those are
 * imported inside the actions that use them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as choices from '../../src/cli/choices.js';
import { ROOT } from '../support/cli.js';

describe('src/cli/choices.ts matches the library', () => {
  it('every copied value equals the original', async () => {
    const [rules, pipeline, exporters, compare, server, batch] = await Promise.all([
      import('../../src/rules/index.js'),
      import('../../src/core/pipeline.js'),
      import('../../src/export/index.js'),
      import('../../src/analyst/index.js'),
      import('../../src/server/app.js'),
      import('../../src/batch/default-jobs.js'),
    ]);
    expect(choices.DEFAULT_RULES_DIR).toBe(rules.DEFAULT_RULES_DIR);
    expect(choices.DEFAULT_PIPELINE).toBe(pipeline.DEFAULT_PIPELINE);
    expect([...choices.EXPORT_FORMATS]).toEqual([...exporters.EXPORTERS.keys()]);
    expect([...choices.ANALYST_TABLE_NAMES]).toEqual(compare.ANALYST_TABLES.map((t) => t.name));
    expect(choices.DEFAULT_MAX_UPLOAD_BYTES).toBe(server.DEFAULT_MAX_UPLOAD_BYTES);
    expect(choices.DEFAULT_JOBS).toBe(batch.defaultJobs());
  });
});

/** Specifiers a module imports at load time (not `import type`, not `await import()`). */
function staticImports(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const found: string[] = [];
  const statement = /^\s*(?:import|export)\s+(type\s+)?(?:[\s\S]*?\s+from\s+)?'([^']+)'/gm;
  for (const m of source.matchAll(statement)) if (!m[1]) found.push(m[2]!);
  return found;
}

/** Every source file and package main.ts loads before any action runs. */
function loadedAtStartup(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const spec of staticImports(file)) {
      if (!spec.startsWith('.')) {
        packages.add(spec.startsWith('node:') ? 'node:' : spec.split('/')[0]!);
        continue;
      }
      const target = resolve(dirname(file), spec.replace(/\.js$/, '.ts'));
      if (existsSync(target)) visit(target);
    }
  };
  visit(entry);
  return { files, packages };
}

describe('planlens --help and light commands load no heavy module', () => {
  const { files, packages } = loadedAtStartup(resolve(ROOT, 'src/cli/main.ts'));
  const loaded = [...files].map((f) => relative(ROOT, f));

  it('reaches only the CLI itself and the light core', () => {
    const outside = loaded.filter((f) => !f.startsWith('src/cli/'));
    // core/errors.ts: ConfigError, for the exit status of a broken configuration (type-only imports otherwise);
    // core/printable.ts: escaping control characters in printed paths and errors (one function, no imports);
    // records/index.ts: the record kinds and the fields `review` takes as options (plain data), with
    // records/plan-label.ts: how a plan without a title is named (plain data and one function, no imports).
    expect(outside).toEqual(['src/core/errors.ts', 'src/core/printable.ts', 'src/records/plan-label.ts', 'src/records/index.ts']);
  });

  it('loads no heavy package', () => {
    expect([...packages].sort()).toEqual(['commander', 'node:', 'string-width']);
  });

  it('the test sees imports (it would fail if every command were eager)', () => {
    expect(staticImports(resolve(ROOT, 'src/cli/commands/docs.ts'))).toContain('../options.js');
    expect(staticImports(resolve(ROOT, 'src/cli/options.ts'))).not.toContain('../stages.js');
    expect(staticImports(resolve(ROOT, 'src/stages.ts')).length).toBeGreaterThan(0);
  });
});

/**
 * What a command's action imports must not drag in a library it never uses:
 * the reading commands (docs, show, search → store; query → analyst) no
 * dictionaries, rule parser or readers; ingest no PDF or Word reader and no
 * xlsx writer until a file of that kind is read or written. Those libraries
 * are imported (or, for jieba, required) at their first use.
 */
describe('a command loads only the libraries it uses', () => {
  const packagesOf = (entry: string) => [...loadedAtStartup(resolve(ROOT, entry)).packages].sort();
  const HEAVY_READERS = ['pdfjs-dist', 'pdf-parse', '@napi-rs', 'mammoth', 'node-html-parser', 'exceljs'];

  it.each(['src/store/index.ts', 'src/analyst/index.ts'])('reading commands: %s needs only SQLite', (entry) => {
    expect(packagesOf(entry).filter((p) => p !== 'node:' && p !== 'better-sqlite3')).toEqual([]);
  });

  it.each(['src/batch/index.ts', 'src/stages.ts'])('ingest: %s loads no PDF, Word or xlsx library up front', (entry) => {
    const packages = packagesOf(entry);
    expect(packages.filter((p) => HEAVY_READERS.includes(p))).toEqual([]);
    // The test sees packages: the ingest path does import its text decoding statically.
    expect(packages).toContain('iconv-lite');
    // The encoding detector is required only for a text file that is not UTF-8.
    expect(packages).not.toContain('jschardet');
    // Rule files and the pipeline are read through the parse cache (rules/yaml-cache.ts), which requires the YAML parser on a miss only.
    expect(packages).not.toContain('yaml');
  });

  it('jieba is nobody’s static import (text/jieba.ts requires it at the first cut)', () => {
    const everything = loadedAtStartup(resolve(ROOT, 'src/batch/index.ts'));
    expect([...everything.packages]).not.toContain('@node-rs/jieba');
    expect([...everything.files].map((f) => relative(ROOT, f))).toContain('src/text/jieba.ts');
  });

  it('the PDF and Word readers are reached only through a dynamic import', () => {
    const formats = staticImports(resolve(ROOT, 'src/ingest/formats.ts'));
    expect(formats).not.toContain('./read-pdf.js');
    expect(formats).not.toContain('./read-docx.js');
    expect(readFileSync(resolve(ROOT, 'src/ingest/formats.ts'), 'utf8')).toContain("await import('./read-pdf.js')");
  });
});
