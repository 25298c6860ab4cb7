-- claimtrail corpus store, schema 1 (SQLite). Applied by claimtrail.store.sql.migrate in one transaction.
CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  content_hash TEXT NOT NULL UNIQUE,      -- sha256 of the normalised text: the article's identity
  doc_id TEXT NOT NULL,                   -- Dossier.document.id (a JSONL id, or the text's hash)
  title TEXT,
  published TEXT,                         -- ISO date or NULL when unknown
  source TEXT,
  url TEXT,
  origin TEXT,                            -- where it was read from (first time)
  stored_at TEXT NOT NULL,
  text TEXT NOT NULL,
  dossier TEXT NOT NULL                   -- the contract JSON, as Dossier.to_dict gives it
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_doc_id ON articles(doc_id);

CREATE TABLE entities (
  id INTEGER PRIMARY KEY,
  article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  entity TEXT NOT NULL,                   -- Entity.id inside the dossier ("E3")
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  roles TEXT NOT NULL                     -- JSON list of role titles
);
CREATE INDEX entities_article ON entities(article);

-- Every name an entity goes by in its article (full name and name mentions), normalised.
CREATE TABLE names (
  entity INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  norm TEXT NOT NULL,
  PRIMARY KEY (norm, entity)
);

CREATE TABLE statements (
  id INTEGER PRIMARY KEY,
  article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  attribution TEXT NOT NULL,              -- Attribution.id ("A2")
  entity INTEGER REFERENCES entities(id) ON DELETE CASCADE,
  source TEXT,                            -- the source span's text
  kind TEXT NOT NULL,
  stance TEXT NOT NULL,
  cue TEXT NOT NULL,
  content TEXT NOT NULL
);
CREATE INDEX statements_entity ON statements(entity);
CREATE INDEX statements_article ON statements(article);

CREATE TABLE claims (
  id INTEGER PRIMARY KEY,
  article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  claim TEXT NOT NULL,                    -- Claim.id ("C1")
  text TEXT NOT NULL,
  status TEXT NOT NULL,
  evidence TEXT NOT NULL                  -- JSON list of {source, stance} from the claim's attributions
);
CREATE INDEX claims_article ON claims(article);

CREATE TABLE claim_about (
  claim INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
  entity INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  PRIMARY KEY (entity, claim)
);

CREATE TABLE failures (
  origin TEXT PRIMARY KEY,                -- file path or "file.jsonl:LINE": one row per input
  code TEXT NOT NULL,
  message TEXT NOT NULL,
  doc_id TEXT,
  attempts INTEGER NOT NULL DEFAULT 1,
  failed_at TEXT NOT NULL
);

-- Full text over title and text; external content (the text is stored once, in articles).
CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, text, content='articles', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2'
);
