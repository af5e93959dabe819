-- The PostgreSQL archive, schema 1: the same tables as the SQLite archive (schema/sql/sqlite),
-- with the search tokens in a tsvector and trigram indexes for substring filters. Migration NNN
-- takes an archive from schema NNN-1 to NNN (archive_schema.version); never edit one that has
-- shipped: add the next. engine/archive/pg_schema.cc runs each in one transaction.
CREATE EXTENSION IF NOT EXISTS pg_trgm;    -- trusted: a database owner may create it
CREATE TABLE archive_schema (              -- marks the database as a notice archive
  version integer NOT NULL
);
INSERT INTO archive_schema (version) VALUES (0);
CREATE TABLE files (                       -- every original file, once, by the SHA-256 of its bytes
  sha256 text PRIMARY KEY,
  bytes bytea NOT NULL,
  size bigint NOT NULL
);
CREATE TABLE notices (                     -- versions with one 发文字号 are one notice
  id bigserial PRIMARY KEY,
  doc_number text UNIQUE,                  -- null: a notice without one (each a notice of its own)
  current_version bigint                   -- archive.h: latest issue_date, then latest ingest
);
CREATE TABLE versions (                    -- one per stored file; its id is the archive id
  id bigserial PRIMARY KEY,
  notice_id bigint NOT NULL REFERENCES notices(id),
  sha256 text NOT NULL UNIQUE REFERENCES files(sha256),
  file text NOT NULL,                      -- the path it was ingested from
  format text NOT NULL,
  ingested_at text NOT NULL,
  record text NOT NULL,                    -- the notice/1 record, JSON, as the engine wrote it
  doc_number text, doc_prefix text, doc_year integer, doc_serial integer,
  -- Dates are ISO text compared byte by byte, as SQLite compares them.
  title text, doc_type text, province text, year integer, issue_date text COLLATE "C",
  body text NOT NULL,                      -- the text searched and cut into snippets
  tokens tsvector NOT NULL                 -- pg_search.h: title (weight A) and body tokens
);
CREATE INDEX versions_notice ON versions(notice_id);
CREATE INDEX versions_doc_number ON versions(doc_number);
CREATE INDEX versions_province_year ON versions(province, year);
CREATE INDEX versions_tokens ON versions USING gin (tokens);
CREATE TABLE issuers (version_id bigint NOT NULL REFERENCES versions(id), position integer NOT NULL, name text NOT NULL);
CREATE INDEX issuers_version ON issuers(version_id);
CREATE INDEX issuers_name ON issuers USING gin (name gin_trgm_ops);  -- the issuer filter: part of a name
CREATE TABLE recipients (version_id bigint NOT NULL REFERENCES versions(id), position integer NOT NULL, name text NOT NULL);
CREATE INDEX recipients_version ON recipients(version_id);
CREATE TABLE deadlines (
  version_id bigint NOT NULL REFERENCES versions(id), position integer NOT NULL,
  date text COLLATE "C", action text NOT NULL, text text NOT NULL, relative text
);
CREATE INDEX deadlines_date ON deadlines(date);
CREATE INDEX deadlines_version ON deadlines(version_id);
CREATE TABLE event_periods (
  version_id bigint NOT NULL REFERENCES versions(id), position integer NOT NULL,
  event text, start text COLLATE "C" NOT NULL, "end" text COLLATE "C" NOT NULL
);
CREATE INDEX event_periods_version ON event_periods(version_id);
