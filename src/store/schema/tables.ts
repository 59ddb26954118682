/**
 * The tables of migration 1: documents, their structure and sentences, the
 * extraction records and the dimensions. docs/schema.md explains every table.
 * Never edit a released migration: append a new one.
 */
export const BASE_SCHEMA_SQL = `
CREATE TABLE runs (
  id INTEGER PRIMARY KEY,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  pipeline TEXT NOT NULL,
  rules_version TEXT NOT NULL,
  args TEXT NOT NULL,
  ok INTEGER NOT NULL DEFAULT 0,
  failed INTEGER NOT NULL DEFAULT 0,
  skipped INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE plans (
  id INTEGER PRIMARY KEY,
  title TEXT,
  region TEXT,
  region_code TEXT,
  level TEXT,
  type TEXT,
  period_start INTEGER,
  period_end INTEGER,
  primary_document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL
);

CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE,
  plan_id INTEGER REFERENCES plans(id) ON DELETE SET NULL,
  path TEXT NOT NULL,
  format TEXT NOT NULL CHECK (format IN ('txt', 'docx', 'pdf')),
  bytes INTEGER NOT NULL,
  pages INTEGER,
  encoding TEXT,
  text TEXT NOT NULL,
  title TEXT, region TEXT, region_code TEXT, level TEXT, issuer TEXT, doc_number TEXT,
  issued TEXT, period_start INTEGER, period_end INTEGER, type TEXT,
  pipeline TEXT NOT NULL,
  rules_version TEXT NOT NULL,
  run_id INTEGER REFERENCES runs(id) ON DELETE SET NULL,
  ingested_at TEXT NOT NULL,
  -- MinHash signature of the normalised text (128 x uint32, little endian)
  fingerprint BLOB NOT NULL,
  -- similarity to the closest other rendering when it joined its plan
  plan_similarity REAL
);
CREATE INDEX documents_plan ON documents(plan_id);

-- LSH bands of the fingerprint: candidate near-duplicates by index lookup
-- instead of comparing a new document with every stored one.
CREATE TABLE document_bands (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  band INTEGER NOT NULL,
  hash INTEGER NOT NULL,
  PRIMARY KEY (band, hash, document_id)
) WITHOUT ROWID;
CREATE INDEX document_bands_document ON document_bands(document_id);

CREATE TABLE document_paths (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  path TEXT NOT NULL,
  first_seen TEXT NOT NULL,
  PRIMARY KEY (document_id, path)
);

CREATE TABLE messages (
  id INTEGER PRIMARY KEY,
  run_id INTEGER REFERENCES runs(id) ON DELETE SET NULL,
  document_id INTEGER REFERENCES documents(id) ON DELETE CASCADE,
  -- set for every message; the only link for files that failed before storing
  path TEXT NOT NULL,
  severity TEXT NOT NULL CHECK (severity IN ('fatal', 'error', 'warning', 'info')),
  stage TEXT NOT NULL,
  code TEXT NOT NULL,
  text TEXT NOT NULL,
  start INTEGER,
  "end" INTEGER,
  created_at TEXT NOT NULL
);
CREATE INDEX messages_document ON messages(document_id);
CREATE INDEX messages_path ON messages(path);

CREATE TABLE sections (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  path TEXT NOT NULL,
  number TEXT NOT NULL,
  heading TEXT NOT NULL,
  level INTEGER NOT NULL,
  heading_start INTEGER NOT NULL, heading_end INTEGER NOT NULL,
  start INTEGER NOT NULL, "end" INTEGER NOT NULL,
  page INTEGER
);
CREATE INDEX sections_document ON sections(document_id, path);

CREATE TABLE boxes (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  title TEXT NOT NULL,
  section_path TEXT NOT NULL,
  start INTEGER NOT NULL, "end" INTEGER NOT NULL,
  page INTEGER
);
CREATE INDEX boxes_document ON boxes(document_id);

CREATE TABLE tables (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  section_path TEXT NOT NULL,
  header_rows INTEGER NOT NULL,
  n_rows INTEGER NOT NULL,
  n_cols INTEGER NOT NULL,
  origin TEXT NOT NULL,
  start INTEGER NOT NULL, "end" INTEGER NOT NULL,
  page INTEGER
);
CREATE INDEX tables_document ON tables(document_id);

CREATE TABLE table_cells (
  table_id INTEGER NOT NULL REFERENCES tables(id) ON DELETE CASCADE,
  row INTEGER NOT NULL,
  col INTEGER NOT NULL,
  text TEXT NOT NULL,
  start INTEGER NOT NULL, "end" INTEGER NOT NULL,
  carried INTEGER NOT NULL,
  PRIMARY KEY (table_id, row, col)
) WITHOUT ROWID;

CREATE TABLE sentences (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  text TEXT NOT NULL,
  -- jieba words of the sentence, space-joined: what the FTS index tokenises
  words TEXT NOT NULL,
  start INTEGER NOT NULL, "end" INTEGER NOT NULL,
  section_path TEXT NOT NULL,
  page INTEGER,
  cell_table INTEGER, cell_row INTEGER, cell_col INTEGER,
  box INTEGER,
  UNIQUE (document_id, idx)
);

-- External-content FTS5 over the jieba words: unicode61 splits on the spaces
-- between words, so a query tokenised by the same jieba matches whole words.
CREATE VIRTUAL TABLE sentences_fts USING fts5(words, content='sentences', content_rowid='id', tokenize='unicode61');
CREATE TRIGGER sentences_fts_insert AFTER INSERT ON sentences BEGIN
  INSERT INTO sentences_fts(rowid, words) VALUES (new.id, new.words);
END;
CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN
  INSERT INTO sentences_fts(sentences_fts, rowid, words) VALUES ('delete', old.id, old.words);
END;

CREATE TABLE quantities (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('target', 'actual')),
  indicator TEXT NOT NULL,
  indicator_id TEXT,
  value REAL,
  value_max REAL,
  unit TEXT,
  comparator TEXT CHECK (comparator IS NULL OR comparator IN ('>=', '>', '=', '~', '<=', '<')),
  year INTEGER,
  period_start INTEGER, period_end INTEGER,
  cumulative INTEGER, per_year INTEGER,
  qualitative TEXT,
  status TEXT,
  value_base REAL,
  unit_base TEXT,
  is_fact INTEGER NOT NULL,
  flags TEXT NOT NULL,
  section_path TEXT NOT NULL, page INTEGER, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
  sentence TEXT NOT NULL, sentence_idx INTEGER NOT NULL,
  cell_table INTEGER, cell_row INTEGER, cell_col INTEGER,
  rule TEXT NOT NULL,
  rules_version TEXT NOT NULL,
  anchor TEXT NOT NULL
);
CREATE INDEX quantities_document ON quantities(document_id);
CREATE INDEX quantities_indicator ON quantities(indicator_id, year);
CREATE INDEX quantities_anchor ON quantities(anchor);

CREATE TABLE department_mentions (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  canonical_id TEXT,
  canonical_name TEXT,
  section_path TEXT NOT NULL, page INTEGER, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
  sentence TEXT NOT NULL, sentence_idx INTEGER NOT NULL,
  cell_table INTEGER, cell_row INTEGER, cell_col INTEGER,
  rule TEXT NOT NULL, rules_version TEXT NOT NULL, anchor TEXT NOT NULL
);
CREATE INDEX department_mentions_document ON department_mentions(document_id);
CREATE INDEX department_mentions_canonical ON department_mentions(canonical_id);

CREATE TABLE responsibilities (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  task TEXT NOT NULL,
  roles TEXT NOT NULL CHECK (roles IN ('split', 'unsplit')),
  section_path TEXT NOT NULL, page INTEGER, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
  sentence TEXT NOT NULL, sentence_idx INTEGER NOT NULL,
  cell_table INTEGER, cell_row INTEGER, cell_col INTEGER,
  rule TEXT NOT NULL, rules_version TEXT NOT NULL, anchor TEXT NOT NULL
);
CREATE INDEX responsibilities_document ON responsibilities(document_id);

CREATE TABLE responsibility_units (
  responsibility_id INTEGER NOT NULL REFERENCES responsibilities(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('lead', 'support')),
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  canonical_id TEXT,
  PRIMARY KEY (responsibility_id, role, position)
) WITHOUT ROWID;
CREATE INDEX responsibility_units_canonical ON responsibility_units(canonical_id);

CREATE TABLE implicit_support (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  canonical_id TEXT,
  PRIMARY KEY (document_id, position)
) WITHOUT ROWID;

CREATE TABLE milestones (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  what TEXT NOT NULL,
  start TEXT, "end" TEXT, recurring TEXT,
  section_path TEXT NOT NULL, page INTEGER, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
  sentence TEXT NOT NULL, sentence_idx INTEGER NOT NULL,
  cell_table INTEGER, cell_row INTEGER, cell_col INTEGER,
  rule TEXT NOT NULL, rules_version TEXT NOT NULL, anchor TEXT NOT NULL
);
CREATE INDEX milestones_document ON milestones(document_id);

CREATE TABLE indicators (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  unit TEXT,
  aliases TEXT NOT NULL,
  definition TEXT NOT NULL,
  rules_version TEXT NOT NULL
);

CREATE TABLE regions (
  name TEXT PRIMARY KEY,
  code TEXT,
  level TEXT,
  parent TEXT
);

-- One rendering per plan, so nothing is counted twice across formats.
CREATE VIEW primary_documents AS
  SELECT d.* FROM documents d JOIN plans p ON p.primary_document_id = d.id;
CREATE VIEW plan_targets AS
  SELECT p.id AS plan_id, p.title AS plan_title, p.region, q.*
  FROM quantities q JOIN plans p ON p.primary_document_id = q.document_id
  WHERE q.kind = 'target' AND q.is_fact = 1;
CREATE VIEW plan_actuals AS
  SELECT p.id AS plan_id, p.title AS plan_title, p.region, q.*
  FROM quantities q JOIN plans p ON p.primary_document_id = q.document_id
  WHERE q.kind = 'actual' AND q.is_fact = 1;
`;
