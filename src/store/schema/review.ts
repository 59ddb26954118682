/**
 * The review schema, migration 3 in src/store/schema/index.ts.
 *
 * review_corrections is the append-only history: a correction is keyed to the
 * document's content (sha256) and the record's anchor (its source span), never
 * to a row id, because every `ingest --force` rewrites the extraction rows.
 * The extraction tables get review columns: corrections are applied to the
 * stored rows themselves (src/review/apply.ts), so every query, view and
 * export reads reviewed values without knowing about review.
 */

// Frozen with this migration (not read from src/records): a released migration
// never changes, so a later record kind's table gets its review columns in the
// migration that creates it.
const RECORD_TABLES = ['quantities', 'department_mentions', 'responsibilities', 'milestones'];

const REVIEW_COLUMNS = [
  // accepted | rejected | corrected | added; NULL = nobody has reviewed it
  'review_status TEXT',
  'reviewed_by TEXT',
  'reviewed_at TEXT',
  // same (extraction unchanged since review) | agrees (rules now produce the
  // correction) | conflict (extraction changed under the correction)
  'review_check TEXT',
  // JSON of the extracted fields, kept when a correction rewrote the row
  'extracted TEXT',
  // the correction key (anchor#occurrence) the row was matched to
  'review_key TEXT',
];

export const REVIEW_SCHEMA_SQL = `
CREATE TABLE review_corrections (
  id INTEGER PRIMARY KEY,
  document_sha256 TEXT NOT NULL,
  -- the path the document had: a new version of the file (new sha256, same
  -- path) inherits the corrections, and conflicts where the text changed
  document_path TEXT NOT NULL,
  record_type TEXT NOT NULL CHECK (record_type IN ('quantity', 'department', 'responsibility', 'milestone')),
  anchor TEXT NOT NULL,
  -- which of several records on one anchor (0, 1 …); negative for added records
  occurrence INTEGER NOT NULL,
  sentence_idx INTEGER,
  sentence TEXT,
  action TEXT NOT NULL CHECK (action IN ('accept', 'reject', 'edit', 'add', 'undo')),
  -- reject: not-a-target | not-a-department | wrong …
  reason TEXT,
  -- JSON record fields: what the reviewer saw, what they left, what the extraction said
  before TEXT,
  after TEXT,
  extracted TEXT,
  undoes INTEGER REFERENCES review_corrections(id),
  reviewer TEXT NOT NULL,
  created_at TEXT NOT NULL,
  note TEXT
);
CREATE INDEX review_corrections_sha ON review_corrections(document_sha256);
CREATE INDEX review_corrections_path ON review_corrections(document_path);
CREATE TRIGGER review_corrections_append_only_update BEFORE UPDATE ON review_corrections
BEGIN SELECT RAISE(ABORT, 'review corrections are append-only'); END;
CREATE TRIGGER review_corrections_append_only_delete BEFORE DELETE ON review_corrections
BEGIN SELECT RAISE(ABORT, 'review corrections are append-only'); END;

-- Corrections whose source text is gone or disagrees with the new extraction;
-- rebuilt each time corrections are applied to a document.
CREATE TABLE review_conflicts (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  record_type TEXT NOT NULL,
  -- NULL when no record carries the anchor any more
  record_id INTEGER,
  anchor TEXT NOT NULL,
  occurrence INTEGER NOT NULL,
  correction_id INTEGER NOT NULL REFERENCES review_corrections(id),
  reason TEXT NOT NULL,
  extracted TEXT,
  corrected TEXT
);
CREATE INDEX review_conflicts_document ON review_conflicts(document_id);

-- Rejected records, taken out of their extraction table so that no query,
-- view or export needs to know about review to leave them out; the whole row
-- is kept here and put back before corrections are applied again (undo).
CREATE TABLE review_set_aside (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  record_type TEXT NOT NULL,
  row_id INTEGER NOT NULL,
  -- JSON of every column of the row (and, for responsibilities, its units)
  row TEXT NOT NULL,
  units TEXT,
  PRIMARY KEY (record_type, row_id)
);
CREATE INDEX review_set_aside_document ON review_set_aside(document_id);

-- Where each reviewer's interactive session stopped.
CREATE TABLE review_progress (
  reviewer TEXT PRIMARY KEY,
  item TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

${RECORD_TABLES.flatMap((table) => REVIEW_COLUMNS.map((column) => `ALTER TABLE ${table} ADD COLUMN ${column};`)).join('\n')}
`;
