/**
 * A folder that cannot be read mid-walk (as root, chmod 000 does not stop
 * opendir; a folder removed or replaced by a file after its parent was
 * listed fails opendir the same way, with ENOENT/ENOTDIR): one line names
 * the folder, the walk and the batch go on, the run is closed properly.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { expandPaths } from '../../src/batch/expand-paths.js';
import { ingestPaths } from '../../src/batch/index.js';
import { DEFAULT_PIPELINE, loadPipeline } from '../../src/core/pipeline.js';
import { RuleSet } from '../../src/rules/index.js';
import { STAGES } from '../../src/stages.js';
import { openStore } from '../../src/store/index.js';
import { ROOT } from './support.js';

const CORPORA = join(ROOT, 'corpora');
let dir: string;
let root: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'planlens-folders-'));
  root = join(dir, 'plans');
  for (const sub of ['', 'a-sub', 'b-sub']) mkdirSync(join(root, sub), { recursive: true });
  copyFileSync(join(CORPORA, 'nanjing-ip-14fyp-midterm-review.txt'), join(root, 'top.txt'));
  copyFileSync(join(CORPORA, 'lianyungang-ip-city-pilot-2024-2026.txt'), join(root, 'a-sub', 'lost.txt'));
  copyFileSync(join(CORPORA, 'xuanwu-ip-14fyp-plan.txt'), join(root, 'b-sub', 'later.txt'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const makeUnreadable = {
  removed: (folder: string) => rmSync(folder, { recursive: true }),
  'replaced by a file': (folder: string) => {
    rmSync(folder, { recursive: true });
    writeFileSync(folder, 'not a folder any more');
  },
};

it.each(Object.entries(makeUnreadable))('the walker reports a subfolder %s after listing, and walks on', async (_, spoil) => {
  const unreadable: string[] = [];
  const found: string[] = [];
  for await (const path of expandPaths([root], (folder, problem) => unreadable.push(`${folder}: ${problem}`))) {
    found.push(path);
    if (found.length === 1) spoil(join(root, 'a-sub'));
  }
  expect(found).toEqual([join(root, 'top.txt'), join(root, 'b-sub', 'later.txt')]);
  expect(unreadable).toEqual([
    expect.stringMatching(new RegExp(`^${join(root, 'a-sub')}: cannot read the folder \\((ENOENT|ENOTDIR)\\); files in it were not ingested$`)),
  ]);
});

it('the batch names the folder in one line, stores the other files and closes the run', async () => {
  const db = join(dir, 'folders.db');
  const store = openStore(db);
  const lines: string[] = [];
  const summary = await ingestPaths([root], {
    db: store.db,
    pipeline: loadPipeline(DEFAULT_PIPELINE, STAGES),
    rules: new RuleSet(),
    onProgress: (e) => {
      if (e.kind === 'found' && e.found === 1) makeUnreadable.removed(join(root, 'a-sub'));
      if (e.kind === 'failed') lines.push(e.error);
    },
  });
  expect(lines).toEqual([expect.stringMatching(/a-sub: cannot read the folder \(ENOENT\)/)]);
  expect(summary).toMatchObject({ found: 2, stored: 2, failed: 1 });
  const run = store.db.prepare('SELECT ok, failed, finished_at FROM runs').get() as Record<string, unknown>;
  expect(run).toMatchObject({ ok: 2, failed: 1 });
  expect(run.finished_at).not.toBeNull();
  const failed = store.db.prepare("SELECT path, code FROM messages WHERE severity = 'fatal'").all();
  expect(failed).toEqual([{ path: join(root, 'a-sub'), code: 'unreadable-folder' }]);
  expect(() => store.close()).not.toThrow();
});

it('a walk that throws still lets started files finish and closes the run before returning', async () => {
  const store = openStore(join(dir, 'throws.db'));
  async function* paths() {
    yield join(root, 'top.txt');
    throw new Error('the list of paths broke');
  }
  await expect(ingestPaths(paths(), { db: store.db, pipeline: loadPipeline(DEFAULT_PIPELINE, STAGES), rules: new RuleSet() })).rejects.toThrow(
    'the list of paths broke',
  );
  const run = store.db.prepare('SELECT ok, finished_at FROM runs').get() as Record<string, unknown>;
  expect(run.ok).toBe(1);
  expect(run.finished_at).not.toBeNull();
  store.close();
});
