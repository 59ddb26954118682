/**
 * Output forgery through file names: a name holding a newline, a carriage
 * return or ESC prints escaped, on its own line, wherever the CLI or the
 * server shows it.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printable } from '../../src/core/printable.js';
import { openStore } from '../../src/store/index.js';
import { runCliInProcess } from '../support/cli.js';
import { appOver, ROOT } from './support.js';

const FORGED = 'evil\nINJECTED: stored as document 99.txt';
const BAD = 'bad\r\x1b[31mred\x07.txt';
let dir: string;
let batch: string;
let db: string;
let ingest: Awaited<ReturnType<typeof runCliInProcess>>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'planlens-names-'));
  batch = join(dir, 'batch');
  mkdirSync(batch);
  copyFileSync(join(ROOT, 'corpora', 'nanjing-ip-14fyp-midterm-review.txt'), join(batch, FORGED));
  writeFileSync(join(batch, BAD), '');
  db = join(dir, 'names.db');
  ingest = await runCliInProcess(['ingest', batch, '--db', db]);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('printable', () => {
  it.each([
    ['plain 规划.txt', 'plain 规划.txt'],
    ['a\nb', 'a\\nb'],
    ['a\r\tb', 'a\\r\\tb'],
    ['\x1b[31m', '\\x1b[31m'],
    ['\x7f\x85', '\\x7f\\x85'],
    ['a\u2028b\u202ec', 'a\\u2028b\\u202ec'],
  ])('%j → %j', (text, shown) => expect(printable(text)).toBe(shown));
});

describe('the CLI', () => {
  it('prints a stored file with a newline in its name on one line', () => {
    const lines = ingest.stdout.split('\n');
    expect(lines.filter((l) => l.startsWith('INJECTED'))).toEqual([]);
    expect(lines).toContainEqual(expect.stringMatching(/evil\\nINJECTED: stored as document 99\.txt: stored as document 1, plan 1$/));
  });

  it('prints a failing file with control characters in its name escaped, one line', () => {
    expect(ingest.status).toBe(1);
    expect(ingest.stderr).not.toMatch(/[\r\x1b\x07]/);
    expect(ingest.stderr.trim().split('\n')).toEqual([expect.stringMatching(/bad\\r\\x1b\[31mred\\x07\.txt: the file is empty/)]);
    expect(ingest.stdout).not.toMatch(/[\r\x1b\x07]/);
  });

  it('show prints the path escaped', async () => {
    const show = await runCliInProcess(['show', '1', '--db', db, '--format', 'table']);
    expect(show.stdout).toContain('evil\\nINJECTED');
    expect(show.stdout.split('\n').filter((l) => l.startsWith('INJECTED'))).toEqual([]);
  });
});

describe('the web app', () => {
  it('shows stored and failed paths escaped, and escapes names in upload answers', async () => {
    const store = openStore(db);
    try {
      const request = await appOver(store.db, join(dir, 'uploads'));
      const page = await (await request('/')).text();
      expect(page).toContain('evil\\nINJECTED');
      expect(page).toContain('bad\\r\\x1b[31mred\\x07.txt');
      expect(page).not.toMatch(/evil\nINJECTED|[\r\x1b\x07]/);
      const form = new FormData();
      form.append('file', new Blob([Buffer.alloc(0)]), 'x\nINJECTED.txt');
      const refused = await request('/api/upload', { method: 'POST', body: form });
      expect(((await refused.json()) as { error: string }).error).toMatch(/^x\\nINJECTED\.txt: /);
    } finally {
      store.close();
    }
  });
});
