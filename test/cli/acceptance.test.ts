/**
 * The acceptance pass as a table: each row is what a user typed, the exit
 * status the house convention promises (0 ok, 1 failed, 2 bad usage) and
 * the one line stderr must say. Run through the real CLI (`main`, what
 * bin/planlens.js calls) on a real database ingested from corpora/.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPORA, runCliInProcess, runCliProcess } from '../support/cli.js';

let dir: string;
let db: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'planlens-acceptance-'));
  db = join(dir, 'acc.db');
  const files = ['lianyungang-ip-city-pilot-2024-2026.txt', 'xuanwu-ip-14fyp-plan.docx'].map((f) => join(CORPORA, f));
  const ingest = await runCliInProcess(['ingest', ...files, '--db', db, '--quiet']);
  expect(ingest.status).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every stderr line of a usage error or failure: exactly one, starting "planlens". */
function expectOneLine(stderr: string, pattern: RegExp): void {
  const lines = stderr.split('\n').filter(Boolean);
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^planlens/);
  expect(lines[0]).toMatch(pattern);
  expect(stderr).not.toMatch(/\n\s+at |Error:|\(run with --help/);
}

describe('wrong arguments: one line naming the command and the argument, exit 2', () => {
  const cases: Array<[string[], RegExp]> = [
    [['docs', '--bogus'], /^planlens docs: unknown option '--bogus' \(see `planlens docs --help`\)$/],
    [['docs', '--formt', 'json'], /^planlens docs: unknown option '--formt' \(Did you mean --format\?\)/],
    [['docs', '--format', 'xml'], /^planlens docs: .*'--format <format>' argument 'xml' is invalid/],
    [['query', '--format', 'xml'], /^planlens query: .*'xml' is invalid.*tsv/],
    [['query', '--year', '20'], /^planlens query: .*--year must be a four-digit year/],
    [['show'], /^planlens show: missing required argument 'doc'/],
    [['search', '--limit', '0', '专利'], /^planlens search: .*--limit must be a positive whole number/],
    [['inspect', 'x.txt'], /^planlens inspect: required option '--stage <name>' not specified/],
    [['export', '--format', 'pdf', '--out', 'x'], /^planlens export: .*'pdf' is invalid\. Allowed choices are gold, csv, json, xlsx/],
    [['export', '--format', 'csv', '--out', 'x', '--table', 'nope'], /^planlens export: .*Allowed choices are targets, actuals/],
    [['tasks'], /^planlens tasks: required option '--department <name>'/],
    [['review', 'edit'], /^planlens review edit: missing required argument 'id' \(see `planlens review edit --help`\)$/],
    [['review', 'list', '--type', 'bogus'], /^planlens review list: .*Allowed choices are quantity, department, responsibility, milestone/],
    [['serve', '--port', '99999'], /^planlens serve: .*--port must be 0–65535/],
    [['nosuchcommand'], /^planlens: unknown command 'nosuchcommand' \(see `planlens --help`\)$/],
  ];
  it.each(cases)('planlens %j', async (args, pattern) => {
    const r = await runCliInProcess([...args, '--db', db]);
    expect(r.status).toBe(2);
    expectOneLine(r.stderr, pattern);
    expect(r.stdout).toBe('');
  });

  it('the real process prints the same single line (no commander help-after-error)', () => {
    const r = runCliProcess(['docs', '--bogus']);
    expect(r.status).toBe(2);
    expectOneLine(r.stderr, /^planlens docs: unknown option '--bogus'/);
  });
});

describe('failures: one line naming the file, exit 1', () => {
  it.each<[string, (d: string) => string[], RegExp]>([
    ['a database that does not exist', (d) => ['docs', '--db', join(d, 'nope.db')], /nope\.db: database not found/],
    ['a file that does not exist', () => ['inspect', 'no-such-file.pdf', '--stage', 'structure'], /^planlens: no-such-file\.pdf: file not found$/],
    // A Node fs error put the errno first ("ENOTDIR: not a directory, mkdir '…'"); the path now comes first.
    [
      'an export folder that cannot be made',
      (d) => ['export', '--format', 'csv', '--out', join(d, 'acc.db', 'csv'), '--db', join(d, 'acc.db')],
      /^planlens: \S+acc\.db\/csv: not a directory \(mkdir\)$/,
    ],
  ])('%s', async (_what, args, pattern) => {
    const r = await runCliInProcess(args(dir));
    expect(r.status).toBe(1);
    expectOneLine(r.stderr, pattern);
  });
});

describe('--help helps: every command and review subcommand has examples', () => {
  const commands = [
    'ingest',
    'docs',
    'show',
    'search',
    'inspect',
    'eval',
    'export',
    'query',
    'compare',
    'progress',
    'indicators',
    'departments',
    'tasks',
    'review',
    'serve',
    'review list',
    'review show',
    'review accept',
    'review reject',
    'review edit',
    'review add',
    'review history',
    'review undo',
    'review promote',
  ];
  it.each(commands)('planlens %s --help', async (command) => {
    const r = await runCliInProcess([...command.split(' '), '--help']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(new RegExp(`Examples:\\n\\s+planlens ${command}`));
  });
});

describe('help examples work as written', () => {
  it('the first `review add` example, run verbatim, adds a record', async () => {
    const help = await runCliInProcess(['review', 'add', '--help']);
    const example = help.stdout.split('\n').find((l) => l.trim().startsWith('planlens review add'))!;
    const copy = join(dir, 'review.db');
    copyFileSync(db, copy);
    const args = example.trim().split(/\s+/).slice(1);
    const r = await runCliInProcess([...args, '--db', copy, '--reviewer', 'tester']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^added q\d+: actual /);
  });
});

// A run that stored nothing prints no "0.0 documents/s" rate: checked by test/cli/commands.test.ts ('skips everything on a second run').

describe('listings honour --format for records with no rows', () => {
  it('review history of an uncorrected record still has its CSV header', async () => {
    const list = await runCliInProcess(['review', 'list', '--db', db, '--format', 'json']);
    const id = (JSON.parse(list.stdout) as Array<{ id: string }>)[0]!.id;
    const r = await runCliInProcess(['review', 'history', id, '--db', db, '--format', 'csv']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe('correction,action,reviewer,at,change,in_force,note');
  });
});
