/**
 * Builds the bench corpus: copies of every file in corpora/ until there are
 * at least `target` documents, each copy with different bytes so none is
 * skipped as already stored. Text copies get a varied line (different content
 * for the whole pipeline); .docx and .pdf copies get a varied trailing
 * comment the readers ignore (zip archive comment, PDF comment after %%EOF),
 * so the pipeline does the full work of a new file on each.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { isCandidateFile } from '../batch/index.js';

export function replicateCorpus(sourceDir: string, targetDir: string, target: number): string[] {
  const sources = readdirSync(sourceDir).filter(isCandidateFile).sort();
  if (sources.length === 0) throw new Error(`${sourceDir}: no .txt/.docx/.pdf files to replicate`);
  rmSync(targetDir, { recursive: true, force: true });
  mkdirSync(targetDir, { recursive: true });
  const copies = Math.ceil(target / sources.length);
  const written: string[] = [];
  for (const name of sources) {
    const bytes = readFileSync(join(sourceDir, name));
    const ext = extname(name).toLowerCase();
    for (let i = 1; i <= copies; i++) {
      const out = join(targetDir, `${name.slice(0, -ext.length)}-copy${String(i).padStart(3, '0')}${ext}`);
      writeFileSync(out, vary(bytes, ext, i));
      written.push(out);
    }
  }
  return written;
}

function vary(bytes: Buffer, ext: string, copy: number): Buffer {
  const mark = `planlens bench copy ${copy}`;
  if (ext === '.txt') return Buffer.concat([bytes, Buffer.from(`\n（基准测试副本第${copy}份）\n`, 'utf8')]);
  if (ext === '.pdf') return Buffer.concat([bytes, Buffer.from(`\n%${mark}\n`, 'latin1')]);
  return withZipComment(bytes, mark);
}

/** Sets the archive comment in the zip end-of-central-directory record (the last 22 bytes + old comment). */
function withZipComment(zip: Buffer, comment: string): Buffer {
  const EOCD = 0x06054b50;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === EOCD) {
      const head = Buffer.from(zip.subarray(0, i + 22));
      const text = Buffer.from(comment, 'latin1');
      head.writeUInt16LE(text.length, i + 20);
      return Buffer.concat([head, text]);
    }
  }
  throw new Error('not a zip archive (no end-of-central-directory record)');
}
