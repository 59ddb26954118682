/**
 * What the browser tests run against: the sample corpora ingested into a
 * temporary database by the real CLI, `planlens serve` started as a child
 * process on a free loopback port (--port 0), and Debian's Chromium driven
 * by playwright-core with a fresh profile.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = resolve(ROOT, 'bin/planlens.js');
export const CORPORA = resolve(ROOT, 'corpora');
export const SCREENSHOTS = resolve(ROOT, 'output/screenshots');
export const CHROMIUM = '/usr/bin/chromium';

export function planlens(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' }, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The same CLI in-process: `main(argv)` is what bin/planlens.js calls, so
 * this is the real command line without a Node start-up per command.
 */
export async function planlensInProcess(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const { main } = await import('../../src/cli/main.js');
  let stdout = '';
  let stderr = '';
  const sink = (append: (text: string) => void) =>
    ({ isTTY: false, write: (chunk: string | Uint8Array) => (append(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')), true) }) as unknown as NodeJS.WriteStream;
  const status = await main(args, { stdout: sink((t) => (stdout += t)), stderr: sink((t) => (stderr += t)) });
  return { status, stdout, stderr };
}

export function ingestedCorpora(): { dir: string; db: string } {
  const dir = mkdtempSync(join(tmpdir(), 'planlens-web-'));
  const db = join(dir, 'web.db');
  const r = planlens(['ingest', CORPORA, '--db', db, '--quiet']);
  if (r.status !== 0) throw new Error(`ingest failed (${r.status}): ${r.stderr}`);
  return { dir, db };
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
  const profile = mkdtempSync(join(tmpdir(), 'planlens-chromium-'));
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
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
