-- claimtrail corpus store, schema 1 (PostgreSQL). Applied by claimtrail.store.sql.migrate in one transaction.
CREATE TABLE articles (
  id BIGSERIAL PRIMARY KEY,
  content_hash TEXT NOT NULL UNIQUE,
  doc_id TEXT NOT NULL,
  title TEXT,
  published TEXT,
  source TEXT,
  url TEXT,
  origin TEXT,
  stored_at TEXT NOT NULL,
  text TEXT NOT NULL,
  dossier TEXT NOT NULL,
  tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', coalesce(title, '') || ' ' || text)) STORED
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_doc_id ON articles(doc_id);
CREATE INDEX articles_tsv ON articles USING GIN (tsv);

CREATE TABLE entities (
  id BIGSERIAL PRIMARY KEY,
  article BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  entity TEXT NOT NULL,
  name TEXT NOT NULL,
  type TEXT NOT NULL,
  roles TEXT NOT NULL
);
CREATE INDEX entities_article ON entities(article);

CREATE TABLE names (
  entity BIGINT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  norm TEXT NOT NULL,
  PRIMARY KEY (norm, entity)
);

CREATE TABLE statements (
  id BIGSERIAL PRIMARY KEY,
  article BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  attribution TEXT NOT NULL,
  entity BIGINT REFERENCES entities(id) ON DELETE CASCADE,
  source TEXT,
  kind TEXT NOT NULL,
  stance TEXT NOT NULL,
  cue TEXT NOT NULL,
  content TEXT NOT NULL
);
CREATE INDEX statements_entity ON statements(entity);
CREATE INDEX statements_article ON statements(article);

CREATE TABLE claims (
  id BIGSERIAL PRIMARY KEY,
  article BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  claim TEXT NOT NULL,
  text TEXT NOT NULL,
  status TEXT NOT NULL,
  evidence TEXT NOT NULL
);
CREATE INDEX claims_article ON claims(article);

CREATE TABLE claim_about (
  claim BIGINT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
  entity BIGINT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
  PRIMARY KEY (entity, claim)
);

CREATE TABLE failures (
  origin TEXT PRIMARY KEY,
  code TEXT NOT NULL,
  message TEXT NOT NULL,
  doc_id TEXT,
  attempts INTEGER NOT NULL DEFAULT 1,
  failed_at TEXT NOT NULL
);
