/**
 * What the browser tests run against: the sample corpora ingested into a
 * temporary database by the real CLI (a copy of the run's shared ingest),
 * `planlens serve` started as a child process on a free loopback port
 * (--port 0), and Chromium (see test/support/browser.ts) driven by
 * playwright-core with a fresh profile.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumPath } from '../support/browser.js';
import { runCliInProcess, runCliProcess } from '../support/cli.js';
import { copyCorporaDb } from '../support/shared-corpus.js';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = resolve(ROOT, 'bin/planlens.js');
export const CORPORA = resolve(ROOT, 'corpora');
/**
 * Every page the browser tests visit, for a person to look at: in output/
 * (git-ignored) so a test run leaves the checkout clean; with
 * PLANLENS_SCREENSHOTS=docs, in docs/screenshots/ (the README's pictures).
 */
export const SCREENSHOTS = resolve(ROOT, process.env.PLANLENS_SCREENSHOTS === 'docs' ? 'docs/screenshots' : 'output/screenshots');
/** The browser the tests drive, or null when there is none (the browser tests are then skipped). */
export const CHROMIUM = chromiumPath();

export const planlens = (args: string[]) => runCliProcess(args);

export const planlensInProcess = runCliInProcess;

export function ingestedCorpora(): { dir: string; db: string } {
  const dir = mkdtempSync(join(tmpdir(), 'planlens-web-'));
  return { dir, db: copyCorporaDb(join(dir, 'web.db')) };
}

export interface Served {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

/** `planlens serve --port 0 …`, resolved once it prints its address. */
export function serve(args: string[]): Promise<Served> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], { cwd: ROOT, env: { ...process.env, FORCE_COLOR: '0' } });
  let out = '';
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`planlens serve printed no address in 60 s:\n${out}`)), 60_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const m = out.match(/web app on (http:\/\/[^\s/]+)/);
      // The last line of the start-up message: everything before it (the token) has arrived.
      if (m && out.includes('press Ctrl+C to stop')) {
        clearTimeout(timer);
        resolvePromise({
          url: m[1]!,
          child,
          output: () => out,
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`planlens serve exited (${code}):\n${out}`));
    });
  });
}

export async function browser(): Promise<BrowserContext> {
  if (CHROMIUM === null) throw new Error('no Chromium to drive (see test/support/browser.ts)');
  const profile = mkdtempSync(join(tmpdir(), 'planlens-chromium-'));
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1400, height: 900 },
    locale: 'zh-CN',
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}
