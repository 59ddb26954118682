/**
 * Soak test (not part of `npm test`): `planlens ingest` over a folder of
 * many good and bad files while a second process uploads good and bad files
 * through the web app into the same database; then the database is checked:
 * integrity, the full-text index against the sentences, no content stored
 * twice, every good file stored exactly once, every run finished, no claim
 * left behind.
 *
 *   npx tsx src/bench/soak.ts [--files 500] [--uploads 40] [--keep]
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { replicateCorpus } from './replicate.js';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/planlens.js');
const { values } = parseArgs({ options: { files: { type: 'string', default: '500' }, uploads: { type: 'string', default: '40' }, keep: { type: 'boolean' } } });
const totalFiles = Number(values.files);
const totalUploads = Number(values.uploads);

const dir = mkdtempSync(join(tmpdir(), 'planlens-soak-'));
const batch = join(dir, 'batch');
const db = join(dir, 'soak.db');
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Bad files of every kind the reliability suite knows, repeated to make up a share of the folder. */
function writeBadFiles(into: string, count: number): number {
  mkdirSync(into, { recursive: true });
  const pdf = readFileSync(join(ROOT, 'corpora/xuanwu-ip-14fyp-plan.pdf'));
  const kinds: Array<(name: string) => void> = [
    (n) => writeFileSync(join(into, `${n}-empty.txt`), ''),
    (n) => writeFileSync(join(into, `${n}-truncated.pdf`), pdf.subarray(0, 3000)),
    (n) => writeFileSync(join(into, `${n}-not-zip.docx`), 'not a zip'),
    (n) => writeFileSync(join(into, `${n}-binary.txt`), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + Number(n.slice(3)) + 13) % 256))),
    (n) => symlinkSync(join(into, 'nowhere'), join(into, `${n}-broken-link.txt`)),
    (n) => writeFileSync(join(into, `${n}-evil\nINJECTED.txt`), ''),
    (n) => docxBomb(join(into, `${n}-bomb.docx`), 4 + (Number(n.slice(3)) % 3)),
  ];
  for (let i = 0; i < count; i++) kinds[i % kinds.length]!(`bad${String(i).padStart(3, '0')}`);
  return count;
}

function docxBomb(path: string, megabytes: number): void {
  const script = `import sys, zipfile
p, mb = sys.argv[1], float(sys.argv[2])
para = '<w:p><w:r><w:t>发展</w:t></w:r></w:p>'
xml = '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' + para * int(mb * 1048576 / len(para.encode())) + '</w:body></w:document>'
with zipfile.ZipFile(p, 'w', zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    z.writestr('[Content_Types].xml', '<Types/>'); z.writestr('_rels/.rels', '<Relationships/>'); z.writestr('word/document.xml', xml)`;
  const r = spawnSync('python3', ['-c', script, path, String(megabytes)]);
  if (r.status !== 0) throw new Error(`python3: ${r.stderr}`);
}

function run(args: string[]): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((done) => (child.exitCode !== null ? done(child.exitCode) : child.once('exit', (code) => done(code))));
}

async function main(): Promise<void> {
  const badCount = Math.round(totalFiles * 0.3);
  const good = replicateCorpus(join(ROOT, 'corpora'), batch, totalFiles - badCount);
  writeBadFiles(join(batch, 'bad'), badCount);
  // Uploads: other copies (their own content), and bad files.
  const uploadsSource = join(dir, 'to-upload');
  const goodUploads = replicateCorpus(join(ROOT, 'corpora'), join(uploadsSource, 'good'), Math.ceil(totalUploads / 2)).map((p) => {
    // Different bytes from the folder's copies with the same name.
    const bytes = Buffer.concat([readFileSync(p), p.endsWith('.txt') ? Buffer.from('\n（上传副本）\n') : Buffer.alloc(0)]);
    writeFileSync(p, bytes);
    return p;
  });
  writeBadFiles(join(uploadsSource, 'bad'), Math.floor(totalUploads / 2));
  console.log(`soak: ${good.length} good + ${badCount} bad files in ${batch}; ${goodUploads.length} good + ${Math.floor(totalUploads / 2)} bad uploads`);

  openEmpty();
  const server = run(['serve', '--port', '0', '--db', db, '--uploads', join(dir, 'uploads')]);
  const url = await new Promise<string>((done, fail) => {
    let out = '';
    server.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /web app on (http:\/\/[^\s/]+)/.exec(out);
      if (m && out.includes('press Ctrl+C')) done(m[1]!);
    });
    server.once('exit', () => fail(new Error(`serve exited:\n${out}`)));
  });
  const started = performance.now();
  const ingest = run(['ingest', batch, '--db', db, '--quiet']);
  let ingestErr = '';
  ingest.stderr!.on('data', (c: Buffer) => (ingestErr += c.toString()));

  const uploadStatus = new Map<string, number>();
  const { readdirSync } = await import('node:fs');
  const uploadFiles = [...goodUploads, ...readdirSync(join(uploadsSource, 'bad')).map((f) => join(uploadsSource, 'bad', f))];
  for (const path of uploadFiles) {
    const form = new FormData();
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch {
      continue; // a broken link cannot be uploaded
    }
    form.append('file', new Blob([new Uint8Array(bytes)]), path.split('/').pop()!);
    const response = await fetch(`${url}/api/upload?wait=1`, { method: 'POST', body: form });
    uploadStatus.set(path, response.status);
    await response.arrayBuffer();
  }
  const ingestStatus = await exited(ingest);
  server.kill('SIGTERM');
  await exited(server);
  const seconds = (performance.now() - started) / 1000;

  const problems = check(good, goodUploads, uploadStatus);
  const errorLines = ingestErr.trim().split('\n').filter(Boolean);
  console.log(
    `soak: ingest exit ${ingestStatus}, ${errorLines.length} error line(s) for ${badCount} bad files (+1 line per bad file expected); uploads: ${summariseStatuses(uploadStatus)}; ${seconds.toFixed(0)} s`,
  );
  if (errorLines.length !== badCount) problems.push(`expected ${badCount} error lines from ingest, got ${errorLines.length}`);
  if (ingestStatus !== 1) problems.push(`ingest exit status ${ingestStatus}, expected 1 (bad files)`);
  console.log(problems.length ? `soak: FAILED\n  ${problems.join('\n  ')}` : 'soak: clean');
  if (!values.keep) rmSync(dir, { recursive: true, force: true });
  else console.log(`soak: kept ${dir}`);
  process.exitCode = problems.length ? 1 : 0;
}

function openEmpty(): void {
  const r = spawnSync(process.execPath, [BIN, 'ingest', join(ROOT, 'corpora/nanjing-ip-14fyp-midterm-review.txt'), '--db', db, '--quiet'], { cwd: ROOT });
  if (r.status !== 0) throw new Error(`first ingest failed: ${r.stderr}`);
}

function check(good: string[], goodUploads: string[], uploads: Map<string, number>): string[] {
  const problems: string[] = [];
  const handle = new Database(db, { readonly: true });
  try {
    const integrity = handle.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${integrity}`);
    const sentences = (handle.prepare('SELECT count(*) AS n FROM sentences').get() as { n: number }).n;
    const indexed = (handle.prepare('SELECT count(*) AS n FROM sentences_fts_docsize').get() as { n: number }).n;
    if (indexed !== sentences) problems.push(`full-text index holds ${indexed} rows for ${sentences} sentences`);
    const duplicates = handle.prepare('SELECT sha256, count(*) AS n FROM documents GROUP BY sha256 HAVING n > 1').all();
    if (duplicates.length) problems.push(`${duplicates.length} content hash(es) stored twice`);
    const stored = new Set((handle.prepare('SELECT sha256 FROM documents').all() as Array<{ sha256: string }>).map((r) => r.sha256));
    const missing = [...good, ...goodUploads.filter((p) => uploads.get(p) === 200)].filter((p) => !stored.has(sha(readFileSync(p))));
    if (missing.length) problems.push(`${missing.length} good file(s) not stored, e.g. ${missing[0]}`);
    const refusedGood = goodUploads.filter((p) => uploads.get(p) !== 200);
    if (refusedGood.length) problems.push(`${refusedGood.length} good upload(s) not answered 200, e.g. ${refusedGood[0]} → ${uploads.get(refusedGood[0]!)}`);
    const unfinished = handle.prepare("SELECT id, status FROM runs WHERE status != 'finished'").all();
    if (unfinished.length) problems.push(`runs not finished: ${JSON.stringify(unfinished)}`);
    const claims = (handle.prepare('SELECT count(*) AS n FROM file_claims').get() as { n: number }).n;
    if (claims) problems.push(`${claims} file claim(s) left behind`);
    console.log(`soak: ${stored.size} documents, ${sentences} sentences, integrity ${integrity}`);
  } finally {
    handle.close();
  }
  return problems;
}

function summariseStatuses(statuses: Map<string, number>): string {
  const counts = new Map<number, number>();
  for (const s of statuses.values()) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts]
    .sort()
    .map(([s, n]) => `${n}×${s}`)
    .join(', ');
}

await main();
