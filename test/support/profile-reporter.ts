/**
 * Opt-in (PLANLENS_TEST_PROFILE=DIR, see vitest.config.ts): writes each test
 * file's time — start-up, import, set-up and tests — to DIR/durations.json.
 */
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

export default class ProfileReporter implements Reporter {
  constructor(private readonly dir: string) {}

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const rows = modules.map((m) => {
      const d = m.diagnostic();
      const total = d.environmentSetupDuration + d.prepareDuration + d.collectDuration + d.setupDuration + d.duration;
      return {
        file: relative(process.cwd(), m.moduleId),
        state: m.state(),
        totalMs: Math.round(total),
        collectMs: Math.round(d.collectDuration),
        testsMs: Math.round(d.duration),
      };
    });
    rows.sort((a, b) => b.totalMs - a.totalMs);
    writeFileSync(join(this.dir, 'durations.json'), `${JSON.stringify(rows, null, 1)}\n`);
  }
}
