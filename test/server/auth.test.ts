/**
 * Access control, on loopback with the token switched on (as `--host`
 * beyond loopback does): every request must carry the token.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PIPELINE, loadPipeline } from '../../src/core/pipeline.js';
import { DEFAULT_RULES_DIR, RuleSet } from '../../src/rules/index.js';
import { isLoopback, newToken } from '../../src/server/auth.js';
import { startServer, type RunningServer } from '../../src/server/start.js';
import { STAGES } from '../../src/stages.js';
import { serve } from './harness.js';
import { openStore, type Store } from '../../src/store/index.js';

let dir: string;
let store: Store;
let guarded: RunningServer;
let open: RunningServer;
const token = newToken();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'planlens-auth-'));
  store = openStore(join(dir, 'empty.db'));
  const app = {
    db: store.db,
    rules: new RuleSet(DEFAULT_RULES_DIR),
    pipeline: loadPipeline(DEFAULT_PIPELINE, STAGES),
    uploadDir: join(dir, 'uploads'),
    maxUploadBytes: 1024,
    reviewer: 'auth-test',
  };
  guarded = await startServer({ host: '127.0.0.1', port: 0, app: { ...app, token } });
  open = await startServer({ host: '127.0.0.1', port: 0, app: { ...app, token: null } });
});

afterAll(async () => {
  await guarded?.close();
  await open?.close();
  store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('access token', () => {
  it('is required beyond loopback only', () => {
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('localhost')).toBe(true);
    expect(isLoopback('::1')).toBe(true);
    expect(isLoopback('0.0.0.0')).toBe(false);
    expect(isLoopback('192.168.1.20')).toBe(false);
    expect(newToken()).not.toBe(newToken());
  });

  it('refuses requests without it (401), pages and API alike', async () => {
    const api = await fetch(`${guarded.url}/api/documents`);
    expect(api.status).toBe(401);
    expect(((await api.json()) as { error: string }).error).toMatch(/requires its access token/);
    const pageResponse = await fetch(`${guarded.url}/`, { headers: { accept: 'text/html' } });
    expect(pageResponse.status).toBe(401);
    expect(await pageResponse.text()).toMatch(/token/);
    expect((await fetch(`${guarded.url}/static/app.css`)).status).toBe(401);
    const upload = new FormData();
    upload.append('file', new Blob(['规划']), 'a.txt');
    expect((await fetch(`${guarded.url}/api/upload`, { method: 'POST', body: upload })).status).toBe(401);
  });

  it('is printed by `planlens serve --host` beyond loopback, and enforced', async () => {
    const served = await serve(['--host', '0.0.0.0', '--db', join(dir, 'served.db'), '--uploads', join(dir, 'served-uploads')]);
    try {
      const printed = served.output().match(/access token \(bound to 0\.0\.0\.0[^:]*: (\S+)/)?.[1];
      expect(printed).toMatch(/^[\w-]{20,}$/);
      const port = new URL(served.url).port;
      expect((await fetch(`http://127.0.0.1:${port}/api/documents`)).status).toBe(401);
      expect((await fetch(`http://127.0.0.1:${port}/api/documents`, { headers: { 'x-planlens-token': printed! } })).status).toBe(200);
    } finally {
      await served.stop();
    }
  });

  it('refuses a wrong token', async () => {
    expect((await fetch(`${guarded.url}/api/documents`, { headers: { 'x-planlens-token': token.slice(0, -1) + 'x' } })).status).toBe(401);
    expect((await fetch(`${guarded.url}/api/documents?token=nope`)).status).toBe(401);
  });

  it('accepts it in a header, a bearer header or ?token=, which also sets a cookie for the browser', async () => {
    expect((await fetch(`${guarded.url}/api/documents`, { headers: { 'x-planlens-token': token } })).status).toBe(200);
    expect((await fetch(`${guarded.url}/api/documents`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    const viaQuery = await fetch(`${guarded.url}/?token=${token}`);
    expect(viaQuery.status).toBe(200);
    const cookie = viaQuery.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect((await fetch(`${guarded.url}/api/documents`, { headers: { cookie: cookie.split(';')[0]! } })).status).toBe(200);
  });

  it('lets a loopback server without a token answer, but refuses writes from another origin', async () => {
    expect((await fetch(`${open.url}/api/documents`)).status).toBe(200);
    const upload = new FormData();
    upload.append('file', new Blob(['规划']), 'a.txt');
    const foreign = await fetch(`${open.url}/api/upload`, { method: 'POST', body: upload, headers: { origin: 'http://evil.example' } });
    expect(foreign.status).toBe(403);
  });

  it('answers only loopback Host names without a token (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const url = new URL(`${open.url}/api/documents`);
        request({ host: url.hostname, port: url.port, path: url.pathname, headers: { host } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
          .on('error', reject)
          .end();
      });
    expect(await status('evil.example:80')).toBe(403);
    expect(await status(`localhost:${new URL(open.url).port}`)).toBe(200);
    expect(await status(`127.0.0.1:${new URL(open.url).port}`)).toBe(200);
    expect(await status(`[::1]:${new URL(open.url).port}`)).toBe(200);
  });

  it('limits upload size with a clear message', async () => {
    const upload = new FormData();
    upload.append('file', new Blob(['规'.repeat(2000)]), 'big.txt');
    const response = await fetch(`${open.url}/api/upload`, { method: 'POST', body: upload });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: string }).error).toBe('big.txt: the file is 6 KB; uploads are limited to 1 KB');
    // Far over the limit: refused while the body streams in, before it is parsed.
    const huge = new FormData();
    huge.append('file', new Blob([Buffer.alloc(200 * 1024, 0x61)]), 'huge.txt');
    const refused = await fetch(`${open.url}/api/upload`, { method: 'POST', body: huge });
    expect(refused.status).toBe(413);
    expect(((await refused.json()) as { error: string }).error).toBe('upload too large: files are limited to 1 KB');
  });
});
