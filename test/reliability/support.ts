/** Hostile files built at test time, and pipelines with lowered limits. */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';

export const ROOT = resolve(import.meta.dirname, '../..');

const PYTHON_DOCX = `
import sys, zipfile
path, paragraph, repeat = sys.argv[1], sys.argv[2], int(sys.argv[3])
body = paragraph * repeat
xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
       '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
       + body + '</w:body></w:document>')
types = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    z.writestr('[Content_Types].xml', types)
    z.writestr('_rels/.rels', rels)
    z.writestr('word/document.xml', xml)
`;

/** A .docx whose word/document.xml is `paragraph` (a <w:p> element) repeated, deflate level 9 (Python's zipfile). */
export function writeDocx(path: string, paragraph: string, repeat: number): string {
  const r = spawnSync('python3', ['-c', PYTHON_DOCX, path, paragraph, String(repeat)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`python3 could not build ${path}: ${r.stderr}`);
  return path;
}

export const wordParagraph = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;

/** One <w:p> repeated until the XML is about `megabytes` MB: the classic bomb. */
export function writeDocxBomb(path: string, megabytes: number): string {
  const paragraph = wordParagraph('发展');
  return writeDocx(path, paragraph, Math.ceil((megabytes * 1024 * 1024) / Buffer.byteLength(paragraph)));
}

/**
 * Rewrites the uncompressed size of every entry, in the central directory and
 * the local headers, to `declared`: a zip that lies about what it holds.
 */
export function lieAboutSizes(path: string, declared: number): void {
  const zip = readFileSync(path);
  for (let at = 0; at + 4 <= zip.length; at++) {
    const signature = zip.readUInt32LE(at);
    if (signature === 0x02014b50) zip.writeUInt32LE(declared, at + 24);
    else if (signature === 0x04034b50) zip.writeUInt32LE(declared, at + 22);
  }
  writeFileSync(path, zip);
}

/** The default pipeline with the ingest stage's limits set as given. */
export function pipelineWithLimits(dir: string, limits: Record<string, number>): string {
  const path = join(dir, 'limited.yaml');
  const stages = [
    'ingest',
    'normalise',
    'structure',
    'segment',
    'extract-quantities',
    'extract-responsibilities',
    'extract-departments',
    'extract-milestones',
  ].map((stage) => (stage === 'ingest' ? { stage, options: { limits } } : { stage }));
  writeFileSync(path, stringify({ name: 'limited', stages }));
  return path;
}

/** The web app over a database, in-process (Hono's app.request), with the default rules and pipeline. */
export async function appOver(db: import('../../src/store/index.js').Db, uploadDir: string) {
  const [{ createApp }, { loadPipeline }, { RuleSet }, { STAGES }] = await Promise.all([
    import('../../src/server/app.js'),
    import('../../src/core/pipeline.js'),
    import('../../src/rules/index.js'),
    import('../../src/stages.js'),
  ]);
  const app = createApp({
    db,
    rules: new RuleSet(),
    pipeline: loadPipeline(join(ROOT, 'pipelines/plans.yaml'), STAGES),
    uploadDir,
    token: null,
    maxUploadBytes: 50 * 1024 * 1024,
    reviewer: 'test',
  });
  return (path: string, init: RequestInit = {}) =>
    app.request(`http://127.0.0.1${path}`, { ...init, headers: { host: '127.0.0.1', ...(init.headers as Record<string, string>) } });
}
