/** The eval and export commands through `main`, as a user runs them. */
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliInProcess as run } from '../support/cli.js';

describe('planlens eval: usage', () => {
  it('needs --gold and --docs (exit 2)', async () => {
    const result = await run(['eval', '--docs', 'corpora']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--gold/);
  });

  it('a missing gold directory is one line naming it (exit 2)', async () => {
    const result = await run(['eval', '--gold', 'test/fixtures/nope', '--docs', 'corpora']);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual(['planlens: test/fixtures/nope: gold directory not found']);
  });

  it('a missing documents directory is one line naming it (exit 2)', async () => {
    const result = await run(['eval', '--gold', 'test/fixtures/gold', '--docs', 'no-such-docs']);
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe('planlens: no-such-docs: documents directory not found');
  });

  it('a gold document with no rendering is a failure (exit 1), named in the summary', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'planlens-eval-'));
    const result = await run(['eval', '--gold', 'test/fixtures/gold', '--docs', empty]);
    expect(result.status).toBe(1);
    expect(result.stdout.trim().split('\n').at(-1)).toMatch(/^failed \(3\): .*xuanwu-ip-14fyp-plan: no \.txt\/\.docx\/\.pdf rendering/);
  });
});

/** A gold set of one small rendering (the floors tests run the whole corpora). */
function oneDocumentSet(prefix: string): { work: string; gold: string; docs: string } {
  const work = mkdtempSync(join(tmpdir(), prefix));
  const gold = join(work, 'gold');
  const docs = join(work, 'docs');
  mkdirSync(gold);
  mkdirSync(docs);
  copyFileSync('test/fixtures/gold/xuanwu-ip-14fyp-plan.gold.json', join(gold, 'xuanwu-ip-14fyp-plan.gold.json'));
  copyFileSync('corpora/xuanwu-ip-14fyp-plan.txt', join(docs, 'xuanwu-ip-14fyp-plan.txt'));
  return { work, gold, docs };
}

describe('planlens eval: output', () => {
  const { work, gold, docs } = oneDocumentSet('planlens-eval-out-');

  it('the table ends with a summary of at most 15 lines: sections, overall, fields, failures', async () => {
    const result = await run(['eval', '--gold', gold, '--docs', docs]);
    expect(result.status).toBe(0);
    const tail = result.stdout.trimEnd().split('\n').slice(-15);
    const summaryStart = tail.findIndex((line) => line.startsWith('eval: 1 renderings of 1 gold documents'));
    expect(summaryStart).toBeGreaterThanOrEqual(0);
    for (const section of ['targets', 'actuals', 'responsibilities', 'milestones', 'departments', 'document', 'overall']) {
      expect(
        tail.some((line) => line.startsWith(section + ' ')),
        section,
      ).toBe(true);
    }
    expect(tail.at(-1)).toBe('failed: none');
  });

  it('a rendering the pipeline cannot read is a failure (exit 1), named in the last line; the others are still scored', async () => {
    const broken = join(work, 'broken-docs');
    mkdirSync(broken);
    copyFileSync(join(docs, 'xuanwu-ip-14fyp-plan.txt'), join(broken, 'xuanwu-ip-14fyp-plan.txt'));
    writeFileSync(join(broken, 'xuanwu-ip-14fyp-plan.pdf'), '%PDF-1.7\nthis is not a PDF body\n');
    const result = await run(['eval', '--gold', gold, '--docs', broken]);
    expect(result.status).toBe(1);
    expect(result.stdout.trimEnd().split('\n').at(-1)).toMatch(/^failed \(1\): .*xuanwu-ip-14fyp-plan\.pdf: /);
    expect(result.stdout).toMatch(/eval: 2 renderings of 1 gold documents \(txt 1\)/);
  });

  it('--format json -v gives the summary and every finding with its quote', async () => {
    const result = await run(['eval', '--gold', gold, '--docs', docs, '--format', 'json', '-v']);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.renderings).toBe(1);
    expect(Object.keys(report.byFormat)).toEqual(['txt']);
    expect(report.overall.targets.tp + report.overall.targets.fn).toBe(22);
    expect(report.details[0].path).toBe(join(docs, 'xuanwu-ip-14fyp-plan.txt'));
    expect(Object.keys(report.details[0].sections)).toContain('departments');
  });
});

describe('planlens export: usage', () => {
  it('needs --format and --out (exit 2)', async () => {
    expect((await run(['export', '--out', 'x'])).status).toBe(2);
    expect((await run(['export', '--format', 'gold'])).status).toBe(2);
    expect((await run(['export', '--format', 'nope', '--out', 'x'])).status).toBe(2);
  });

  it('a missing database is one line naming it (exit 1)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'planlens-export-'));
    const result = await run(['export', '--format', 'gold', '--out', dir, '--db', join(dir, 'none.db')]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('none.db: database not found');
  });
});

describe('planlens eval --baseline: an earlier run beside this one', () => {
  const { work, gold, docs } = oneDocumentSet('planlens-eval-base-');

  it('prints the saved run’s P/R/F1 beside each section and its F1 beside each rendering', async () => {
    const saved = await run(['eval', '--gold', gold, '--docs', docs, '--format', 'json']);
    const report = JSON.parse(saved.stdout) as { overall: Record<string, { f1: number }> };
    // A made-up earlier run whose targets F1 differs, so the column must come from the file, not from this run.
    report.overall.targets!.f1 = 0.123;
    const baselinePath = join(work, 'before.json');
    writeFileSync(baselinePath, JSON.stringify(report));
    const result = await run(['eval', '--gold', gold, '--docs', docs, '--baseline', baselinePath]);
    expect(result.status).toBe(0);
    const targets = result.stdout.split('\n').find((line) => line.startsWith('targets '))!;
    expect(targets).toMatch(/\|\s+\d\.\d{3}\s+\d\.\d{3}\s+0\.123$/);
    expect(result.stdout).toMatch(/xuanwu-ip-14fyp-plan\.txt .* \(baseline \d\.\d{3}\)/);
  });

  it('--format markdown gives one row per rendering with baseline → now', async () => {
    const saved = await run(['eval', '--gold', gold, '--docs', docs, '--format', 'json']);
    const baselinePath = join(work, 'same.json');
    writeFileSync(baselinePath, saved.stdout);
    const result = await run(['eval', '--gold', gold, '--docs', docs, '--baseline', baselinePath, '--format', 'markdown']);
    const rows = result.stdout.trim().split('\n');
    expect(rows[0]).toBe('| document | targets | actuals | responsibilities | milestones | departments | document | overall |');
    expect(rows[2]).toMatch(/^\| xuanwu-ip-14fyp-plan\.txt \| (\d\.\d{3}) → \1 \|/);
    expect(rows.at(-1)).toMatch(/^\| \*\*all \(micro-averaged\)\*\* \|/);
  });

  it('a baseline that is not an eval JSON report is one line naming the file (exit 2)', async () => {
    const result = await run(['eval', '--gold', gold, '--docs', docs, '--baseline', 'README.md']);
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toMatch(/^planlens: README\.md: cannot read the baseline: /);
  });
});
