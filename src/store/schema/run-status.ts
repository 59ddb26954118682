/**
 * Migration 4: whether a run is still going. A killed run never sets
 * finished_at; the process (pid on host) that ran it tells the next run
 * whether it is dead (interrupted) or still going (another ingest at work).
 * file_claims: the content a running run is processing, so a second ingest
 * into the same database waits for it instead of processing it again.
 */
export const RUN_STATUS_SQL = `
ALTER TABLE runs ADD COLUMN status TEXT NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'finished', 'interrupted'));
ALTER TABLE runs ADD COLUMN pid INTEGER;
ALTER TABLE runs ADD COLUMN host TEXT;
UPDATE runs SET status = 'finished' WHERE finished_at IS NOT NULL;
CREATE TABLE file_claims (
  sha256 TEXT PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  claimed_at TEXT NOT NULL
);
`;
