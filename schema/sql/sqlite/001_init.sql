-- The SQLite archive, schema 1: the first archive. Migration NNN takes an archive from schema
-- NNN-1 to NNN (PRAGMA user_version); never edit one that has shipped: add the next.
CREATE TABLE files (               -- every original file, once, by the SHA-256 of its bytes
  sha256 TEXT PRIMARY KEY,
  bytes BLOB NOT NULL,
  size INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE notices (             -- versions with one 发文字号 are one notice
  id INTEGER PRIMARY KEY,
  doc_number TEXT UNIQUE,          -- null: a notice without one (each a notice of its own)
  current_version INTEGER          -- archive.h: latest issue_date, then latest ingest
);
CREATE TABLE versions (            -- one per stored file; its id is the archive id
  id INTEGER PRIMARY KEY,
  notice_id INTEGER NOT NULL REFERENCES notices(id),
  sha256 TEXT NOT NULL UNIQUE REFERENCES files(sha256),
  file TEXT NOT NULL,              -- the path it was ingested from
  format TEXT NOT NULL,
  ingested_at TEXT NOT NULL,
  record TEXT NOT NULL,            -- the notice/1 record, JSON
  doc_number TEXT, doc_prefix TEXT, doc_year INTEGER, doc_serial INTEGER,
  title TEXT, doc_type TEXT, province TEXT, year INTEGER, issue_date TEXT
);
CREATE INDEX versions_notice ON versions(notice_id);
CREATE INDEX versions_doc_number ON versions(doc_number);
CREATE INDEX versions_province_year ON versions(province, year);
CREATE TABLE issuers (version_id INTEGER NOT NULL REFERENCES versions(id), position INTEGER NOT NULL, name TEXT NOT NULL);
CREATE INDEX issuers_version ON issuers(version_id);
CREATE TABLE recipients (version_id INTEGER NOT NULL REFERENCES versions(id), position INTEGER NOT NULL, name TEXT NOT NULL);
CREATE INDEX recipients_version ON recipients(version_id);
CREATE TABLE deadlines (
  version_id INTEGER NOT NULL REFERENCES versions(id), position INTEGER NOT NULL,
  date TEXT, action TEXT NOT NULL, text TEXT NOT NULL, relative TEXT
);
CREATE INDEX deadlines_date ON deadlines(date);
CREATE INDEX deadlines_version ON deadlines(version_id);
CREATE TABLE event_periods (
  version_id INTEGER NOT NULL REFERENCES versions(id), position INTEGER NOT NULL,
  event TEXT, start TEXT NOT NULL, "end" TEXT NOT NULL
);
CREATE INDEX event_periods_version ON event_periods(version_id);
CREATE VIRTUAL TABLE search USING fts5(title, body, tokenize = 'notice_bigram');

