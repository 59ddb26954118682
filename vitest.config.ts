import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import ProfileReporter from './test/support/profile-reporter.js';

// PLANLENS_TEST_PROFILE=DIR records each file's wall and CPU time in DIR (see test/support/profile-*.ts).
const profile = process.env.PLANLENS_TEST_PROFILE;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: on 2 cores, one at a time. The main process only
    // schedules, so use every core.
    maxWorkers: availableParallelism(),
    // Test files share their worker's loaded modules: jieba's dictionaries, the rules and the pipeline load once
    // per worker instead of once per file. No test mocks modules or changes process-wide state.
    isolate: false,
    globalSetup: ['test/support/global-setup.ts'],
    ...(profile ? { setupFiles: ['test/support/profile-setup.ts'], reporters: ['default', new ProfileReporter(profile)] } : {}),
  },
});
