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
    ...(profile ? { setupFiles: ['test/support/profile-setup.ts'], reporters: ['default', new ProfileReporter(profile)] } : {}),
  },
});
