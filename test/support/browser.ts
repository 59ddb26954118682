/**
 * Where the browser tests find Chromium, and what they say when there is
 * none. A fresh clone has no browser: those tests are then skipped (the web
 * app's HTTP tests still run) unless PLANLENS_REQUIRE_BROWSER=1, as .ci/run
 * sets, makes a missing browser a failure.
 */
import { existsSync } from 'node:fs';

/** PLANLENS_CHROMIUM names the executable; otherwise Debian's and Ubuntu's usual places. */
export function chromiumCandidates(): string[] {
  const chosen = process.env.PLANLENS_CHROMIUM;
  return chosen ? [chosen] : ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
}

export function chromiumPath(): string | null {
  return chromiumCandidates().find((path) => existsSync(path)) ?? null;
}

/** Left in the run's shared folder by a test file that skipped its browser tests: global-setup.ts then says so. */
export const BROWSER_SKIPPED_MARK = 'browser-tests-skipped';

export const browserRequired = (): boolean => process.env.PLANLENS_REQUIRE_BROWSER === '1';

const HOW_TO_ENABLE = 'apt-get install chromium fonts-noto-cjk (or set PLANLENS_CHROMIUM=/path/to/chromium)';

export function browserSkipLine(): string {
  return `browser tests (test/server/app.test.ts) skipped: no Chromium at ${chromiumCandidates().join(' or ')}. To run them: ${HOW_TO_ENABLE}.`;
}

export function browserMissingError(): Error {
  return new Error(`PLANLENS_REQUIRE_BROWSER=1 but no Chromium at ${chromiumCandidates().join(' or ')}: ${HOW_TO_ENABLE}.`);
}
