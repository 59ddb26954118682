/** Files that never became documents still leave a trace: a fatal message keyed by path. */
import type { Message } from '../core/state.js';
import type { Db } from './open.js';
import { stmt } from './statements.js';

export function recordFailure(db: Db, runId: number | null, path: string, message: Pick<Message, 'stage' | 'code' | 'text'>): void {
  stmt(db, `INSERT INTO messages (run_id, document_id, path, severity, stage, code, text, created_at) VALUES (?, NULL, ?, 'fatal', ?, ?, ?, ?)`).run(
    runId,
    path,
    message.stage,
    message.code,
    message.text,
    new Date().toISOString(),
  );
}

/** Same bytes under another name is the same document: remember the name. Returns false if the hash is not stored. */
export function recordPath(db: Db, sha256: string, path: string): boolean {
  const row = stmt(db, 'SELECT id FROM documents WHERE sha256 = ?').get(sha256) as { id: number } | undefined;
  if (!row) return false;
  stmt(db, 'INSERT OR IGNORE INTO document_paths (document_id, path, first_seen) VALUES (?, ?, ?)').run(row.id, path, new Date().toISOString());
  return true;
}

/** Is this content stored (by the given run, when one is named)? */
export function isStored(db: Db, sha256: string, runId?: number): boolean {
  if (runId === undefined) return stmt(db, 'SELECT 1 FROM documents WHERE sha256 = ?').get(sha256) !== undefined;
  return stmt(db, 'SELECT 1 FROM documents WHERE sha256 = ? AND run_id = ?').get(sha256, runId) !== undefined;
}
