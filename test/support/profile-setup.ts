/**
 * Opt-in (PLANLENS_TEST_PROFILE=DIR, see vitest.config.ts): after each test
 * file, appends the worker's CPU time — its own and that of the child
 * processes it waited for (CLI runs, `planlens serve`, Chromium) — to
 * DIR/cpu.jsonl. CPU time, unlike wall time, is not inflated when other
 * work shares the machine, so runs can be compared before and after.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';

const dir = process.env.PLANLENS_TEST_PROFILE;

/** utime, stime, cutime, cstime from /proc/self/stat, in seconds. */
function cpuSeconds(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state); utime..cstime are fields 14..17.
  const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
  return ticks / 100;
}

if (dir) {
  let atStart = 0;
  beforeAll(() => {
    atStart = cpuSeconds();
  });
  afterAll(() => {
    const file = expect.getState().testPath ?? '?';
    appendFileSync(join(dir, 'cpu.jsonl'), `${JSON.stringify({ file, pid: process.pid, atStart, atEnd: cpuSeconds() })}\n`);
  });
}
