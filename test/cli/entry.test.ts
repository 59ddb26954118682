/**
 * bin/planlens.js runs the compiled dist/ only while it is at least as new as
 * every file in src/, else the TypeScript sources (bin/entry.js). Each case
 * lays out a root folder with files at given times and expects the choice;
 * and when this checkout has a fresh build, its paths to rules/ and
 * pipelines/ resolve as the sources' do.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILD_STAMP, chooseEntry, FORCE_SOURCE_ENV } from '../../bin/entry.js';
import { ROOT } from '../support/cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'planlens-entry-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A file at `path` under `root` last modified `secondsAgo` seconds ago. */
function touch(root: string, path: string, secondsAgo: number): void {
  const file = join(root, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, '');
  const time = Date.now() / 1000 - secondsAgo;
  utimesSync(file, time, time);
}

const STAMP = `dist/${BUILD_STAMP}`;

const cases: Array<{ name: string; files: Record<string, number>; env?: Record<string, string>; expected: 'dist' | 'source' }> = [
  { name: 'a build newer than every source', files: { 'src/cli/main.ts': 100, 'src/text/jieba.ts': 90, [STAMP]: 60 }, expected: 'dist' },
  { name: 'a build stamped when the newest source was saved', files: { 'src/cli/main.ts': 60, [STAMP]: 60 }, expected: 'dist' },
  { name: 'a source edited after the build', files: { 'src/cli/main.ts': 100, 'src/text/jieba.ts': 10, [STAMP]: 60 }, expected: 'source' },
  { name: 'a deeply nested source edited after the build', files: { 'src/extract/quantities/prose.ts': 5, [STAMP]: 60 }, expected: 'source' },
  { name: 'a web asset edited after the build (dist holds a copy)', files: { 'src/server/static/app.js': 5, [STAMP]: 60 }, expected: 'source' },
  { name: 'compiled output but no stamp (a build that failed or is running)', files: { 'src/cli/main.ts': 100, 'dist/cli/main.js': 60 }, expected: 'source' },
  { name: 'no dist/ at all', files: { 'src/cli/main.ts': 100 }, expected: 'source' },
  {
    name: 'a fresh build, but the sources are asked for',
    files: { 'src/cli/main.ts': 100, [STAMP]: 60 },
    env: { [FORCE_SOURCE_ENV]: '1' },
    expected: 'source',
  },
  {
    name: 'a fresh build, the variable set to something else',
    files: { 'src/cli/main.ts': 100, [STAMP]: 60 },
    env: { [FORCE_SOURCE_ENV]: '0' },
    expected: 'dist',
  },
];

/** Lays out `files`, then dates every folder under src/ (and src/ itself) `foldersSecondsAgo` ago, as a checkout leaves them. */
function layOut(root: string, files: Record<string, number>, foldersSecondsAgo = 200): void {
  for (const [path, secondsAgo] of Object.entries(files)) touch(root, path, secondsAgo);
  const time = Date.now() / 1000 - foldersSecondsAgo;
  const src = join(root, 'src');
  if (!existsSync(src)) return;
  for (const entry of readdirSync(src, { recursive: true, withFileTypes: true })) {
    if (entry.isDirectory()) utimesSync(join(entry.parentPath, entry.name), time, time);
  }
  utimesSync(src, time, time);
}

describe('bin/entry.js: dist or sources', () => {
  it.each(cases)('$name → $expected', ({ name, files, env, expected }) => {
    const root = join(scratch, name.replace(/\W+/g, '-'));
    layOut(root, files);
    expect(chooseEntry(root, env ?? {})).toBe(expected);
  });

  it.each([
    { name: 'a source deleted after the build', change: (root: string) => rmSync(join(root, 'src/text/old.ts')), expected: 'source' },
    {
      name: 'a source renamed after the build',
      change: (root: string) => renameSync(join(root, 'src/text/old.ts'), join(root, 'src/text/new.ts')),
      expected: 'source',
    },
    { name: 'nothing changed after the build', change: () => {}, expected: 'dist' },
  ])('$name → $expected', ({ name, change, expected }) => {
    const root = join(scratch, name.replace(/\W+/g, '-'));
    layOut(root, { 'src/text/old.ts': 100, 'src/text/kept.ts': 100, [STAMP]: 60 });
    change(root);
    expect(chooseEntry(root, {})).toBe(expected);
  });
});

describe.skipIf(chooseEntry(ROOT, {}) !== 'dist')('the fresh build of this checkout', () => {
  it('resolves the rules directory and the default pipeline to the same files as the sources', async () => {
    const dist = (await import(join(ROOT, 'dist/cli/choices.js'))) as typeof import('../../src/cli/choices.js');
    const source = await import('../../src/cli/choices.js');
    expect(dist.DEFAULT_RULES_DIR).toBe(source.DEFAULT_RULES_DIR);
    expect(dist.DEFAULT_PIPELINE).toBe(source.DEFAULT_PIPELINE);
    const rules = (await import(join(ROOT, 'dist/rules/location.js'))) as typeof import('../../src/rules/location.js');
    expect(rules.DEFAULT_RULES_DIR).toBe(join(ROOT, 'rules'));
  });
});
