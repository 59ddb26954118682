/**
 * The small ones: a request with Origin: null, methods a route does not
 * take, an unknown review record type, a binary file uploaded as .txt, runs
 * killed mid-batch, a database path under /proc.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replicateCorpus } from '../../src/bench/replicate.js';
import { markInterruptedRuns, openStore, startRun, type Store } from '../../src/store/index.js';
import { runCliProcess } from '../support/cli.js';
import { startCliProcess as cliProcess } from '../support/cli.js';
import { appOver, ROOT } from './support.js';

let dir: string;
let store: Store;
let request: Awaited<ReturnType<typeof appOver>>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'planlens-small-'));
  store = openStore(join(dir, 'small.db'));
  request = await appOver(store.db, join(dir, 'uploads'));
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the web app', () => {
  it.each(['null', 'not a url', 'http://evil.example'])('refuses a write with Origin: %s with 403', async (origin) => {
    const response = await request('/api/review/q1/accept', { method: 'POST', headers: { origin } });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: string }).error).toMatch(/^refused: a request from .* may not change this database$/);
  });

  it.each([
    ['PUT', '/api/documents', 'GET, HEAD'],
    ['DELETE', '/api/documents/1', 'GET, HEAD'],
    ['GET', '/api/upload', 'POST'],
    ['PATCH', '/api/review/q1/edit', 'POST'],
    ['DELETE', '/', 'GET, HEAD'],
  ])('answers %s %s with 405 and Allow: %s', async (method, path, allow) => {
    const response = await request(path, { method });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe(allow);
    expect(((await response.json()) as { error: string }).error).toBe(`${method} is not allowed on ${path} (allowed: ${allow})`);
  });

  it('still answers 404 where no route is, whatever the method', async () => {
    expect((await request('/api/nothing', { method: 'PUT' })).status).toBe(404);
    expect((await request('/nothing')).status).toBe(404);
  });

  it('answers an unknown review record type with 400 naming the types', async () => {
    const response = await request('/api/review/queue?type=bogus');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe("unknown record type 'bogus' (one of quantity, department, responsibility, milestone)");
    expect((await request('/api/review/queue?type=quantity')).status).toBe(200);
  });

  it('refuses a binary file uploaded as .txt with 415, a format problem', async () => {
    const form = new FormData();
    form.append('file', new Blob([Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256))]), 'plan.txt');
    const response = await request('/api/upload', { method: 'POST', body: form });
    expect(response.status).toBe(415);
    expect(((await response.json()) as { error: string }).error).toBe('plan.txt: unsupported format: the file is binary, not text, .docx or PDF');
  });
});

describe('runs', () => {
  it('a run of a dead process is marked interrupted by the next start; a live one is left running', () => {
    const gone = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid!;
    const insert = store.db.prepare(
      "INSERT INTO runs (started_at, pipeline, rules_version, args, status, pid, host) VALUES ('2026-01-01', 'plans', 'x', '{}', 'running', ?, ?)",
    );
    const host = hostname();
    const deadRun = Number(insert.run(gone, host).lastInsertRowid);
    const liveRun = Number(insert.run(process.pid, host).lastInsertRowid);
    const elsewhere = Number(insert.run(gone, 'another-host').lastInsertRowid);
    const next = startRun(store.db, { pipeline: 'plans', rulesVersion: 'x', args: {} });
    const status = (id: number) => store.db.prepare('SELECT status, finished_at FROM runs WHERE id = ?').get(id);
    expect(status(deadRun)).toEqual({ status: 'interrupted', finished_at: null });
    expect(status(liveRun)).toEqual({ status: 'running', finished_at: null });
    expect(status(elsewhere)).toEqual({ status: 'running', finished_at: null });
    expect(status(next)).toEqual({ status: 'running', finished_at: null });
    expect(markInterruptedRuns(store.db)).toBe(0);
  });

  it('an ingest killed mid-batch is marked interrupted when the next ingest starts', async () => {
    replicateCorpus(join(ROOT, 'corpora'), join(dir, 'batch'), 3);
    const db = join(dir, 'killed.db');
    const child = cliProcess(['ingest', join(dir, 'batch'), '--db', db, '--concurrency', '1']);
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (/: stored as document/.test(chunk.toString())) child.kill('SIGKILL');
      });
      child.on('exit', () => resolve());
    });
    const resumed = runCliProcess(['ingest', join(dir, 'batch'), '--db', db, '--quiet']);
    expect(resumed.status).toBe(0);
    const killed = openStore(db);
    try {
      expect(killed.db.prepare('SELECT id, status, finished_at IS NULL AS unfinished FROM runs ORDER BY id').all()).toEqual([
        { id: 1, status: 'interrupted', unfinished: 1 },
        { id: 2, status: 'finished', unfinished: 0 },
      ]);
    } finally {
      killed.close();
    }
  });
});

describe('a database path under /proc', () => {
  it.each(['/proc/self/x/plans.db', '/proc/plans.db'])('%s fails fast with one line', (db) => {
    const r = runCliProcess(['ingest', join(ROOT, 'corpora', 'xuanwu-ip-14fyp-plan.txt'), '--db', db], { timeoutMs: 30_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`planlens: ${db}: cannot open database (/proc is a virtual file system; no database can be kept there)\n`);
  });
});

describe('uploads', () => {
  const boundary = 'planlens-test-boundary';
  const encoder = new TextEncoder();

  /**
   * A multipart body sent in pieces: the second half of the file is sent only
   * once the first is on disk (or after 5 s), so an upload held in memory
   * until the body ends shows as "not streamed".
   */
  function pacedBody(name: string, half: Buffer, incoming: string, seen: { streamed: boolean }): ReadableStream<Uint8Array> {
    const parts = [
      encoder.encode(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/plain\r\n\r\n`),
      half,
      'wait',
      half,
      encoder.encode(`\r\n--${boundary}--\r\n`),
    ] as const;
    let i = 0;
    return new ReadableStream({
      async pull(controller) {
        const part = parts[i++];
        if (part === undefined) return controller.close();
        if (part === 'wait') {
          for (let waited = 0; waited < 5000 && !seen.streamed; waited += 50) {
            const files = existsSync(incoming) ? readdirSync(incoming) : [];
            seen.streamed = files.some((f) => statSync(join(incoming, f)).size >= half.length - 1024);
            if (!seen.streamed) await new Promise((r) => setTimeout(r, 50));
          }
          controller.enqueue(new Uint8Array(0));
          return;
        }
        controller.enqueue(part);
      },
    });
  }

  it('are written to disk as they arrive, and stored from there', async () => {
    const text = readFileSync(join(ROOT, 'corpora', 'lianyungang-ip-city-pilot-2024-2026.txt'));
    const half = Buffer.concat([text, Buffer.from('\n' + ' '.repeat(512 * 1024) + '\n')]); // over one network chunk
    const incoming = join(dir, 'uploads', '.incoming');
    const seen = { streamed: false };
    const response = await request('/api/upload?wait=1', {
      method: 'POST',
      body: pacedBody('paced.txt', half, incoming, seen),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      duplex: 'half',
    } as RequestInit);
    expect(seen.streamed).toBe(true);
    expect(response.status).toBe(200);
    const job = (await response.json()) as { state: string; path: string };
    expect(job.state).toBe('stored');
    expect(readFileSync(job.path).equals(Buffer.concat([half, half]))).toBe(true);
    expect(readdirSync(incoming)).toEqual([]);
  });

  it('a refused upload leaves nothing behind', async () => {
    const form = new FormData();
    form.append('file', new Blob([Buffer.from('%PDF-1.4 broken')]), 'broken.pdf');
    const response = await request('/api/upload', { method: 'POST', body: form });
    expect(response.status).toBe(422);
    expect(readdirSync(join(dir, 'uploads', '.incoming'))).toEqual([]);
    expect(readdirSync(join(dir, 'uploads')).filter((f) => !f.startsWith('.'))).not.toContain('broken.pdf');
  });
});
