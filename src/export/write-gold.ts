/** `export --format gold`: one `<name>.gold.json` per stored document. */
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { goldFileName, toGold, writeGoldFile } from '../gold/index.js';
import { reviewedDocumentIds } from '../review/reviewed.js';
import type { Db } from '../store/index.js';
import { exportableDocuments, readStoredDocument, type StoredDocumentRef } from './read-store.js';
import type { ExportResult, Exporter } from './types.js';

export const goldExporter: Exporter = {
  name: 'gold',
  description: 'one gold-annotation file per document (test/fixtures/gold/FORMAT.md), ready to review into a new gold file',
  run(db, { outDir, reviewed }): ExportResult {
    const documents = reviewed ? reviewedDocuments(db) : exportableDocuments(db);
    mkdirSync(outDir, { recursive: true });
    const written = new Map<string, string>();
    const result: ExportResult = { files: [], problems: [] };
    for (const doc of documents) {
      const name = goldFileName(doc.path);
      const earlier = written.get(name);
      if (earlier) {
        // Two different documents with one file name: the second would overwrite the first.
        result.problems.push(`${doc.path}: not exported, ${name} already written for ${earlier}`);
        continue;
      }
      const gold = toGold(readStoredDocument(db, doc.id, { reviewedOnly: reviewed }), basename(doc.path));
      const path = join(outDir, name);
      const problem = writeGoldFile(path, gold);
      written.set(name, doc.path);
      result.files.push(path);
      // Written anyway so it can be inspected, but a file eval would reject is a failure to say.
      if (problem) result.problems.push(problem);
    }
    return result;
  },
};

/** Every rendering a reviewer worked on (whichever is the plan's primary): reviewed records live on that rendering. */
function reviewedDocuments(db: Db): StoredDocumentRef[] {
  const ids = new Set(reviewedDocumentIds(db));
  return db
    .prepare('SELECT id, path, format, plan_id AS planId FROM documents ORDER BY path, id')
    .all()
    .filter((d) => ids.has((d as StoredDocumentRef).id)) as StoredDocumentRef[];
}
