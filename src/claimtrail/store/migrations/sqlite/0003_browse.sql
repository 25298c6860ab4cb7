-- claimtrail corpus store, schema 3 (SQLite): what paged browsing (store/browse.py) needs. Upgrades
-- an older store in place; SqlStore._after_migration_3 (Python) then fills what SQL cannot.
--
-- An entity's normalised full name (store.base.norm_name of entities.name: the fold is Python).
ALTER TABLE entities ADD COLUMN norm TEXT;
CREATE INDEX entities_norm ON entities(norm, type);

-- The article's publication date on each statement and claim, so a listing newest first with a
-- stance, status or date filter reads one index in order and stops at the page's end.
ALTER TABLE statements ADD COLUMN published TEXT;
ALTER TABLE claims ADD COLUMN published TEXT;
UPDATE statements SET published = (SELECT a.published FROM articles a WHERE a.id = statements.article);
UPDATE claims SET published = (SELECT a.published FROM articles a WHERE a.id = claims.article);
CREATE INDEX statements_newest ON statements(published DESC, article DESC, id);
CREATE INDEX statements_stance_newest ON statements(stance, published DESC, article DESC, id);
CREATE INDEX claims_newest ON claims(published DESC, article DESC, id);
CREATE INDEX claims_status_newest ON claims(status, published DESC, article DESC, id);

-- One row per normalised name and type across the corpus, kept up to date by SqlStore.put, so the
-- entity list (most articles first) is one index read, not a GROUP BY over every entity.
CREATE TABLE entity_names (
  norm TEXT NOT NULL,
  type TEXT NOT NULL,
  name TEXT NOT NULL,                     -- the spelling first stored
  articles INTEGER NOT NULL,              -- articles it appears in
  statements INTEGER NOT NULL,            -- attributions it is the source of
  PRIMARY KEY (norm, type)
);
CREATE INDEX entity_names_top ON entity_names(articles DESC, norm, type);
CREATE TABLE entity_roles (
  norm TEXT NOT NULL,
  type TEXT NOT NULL,
  role TEXT NOT NULL,
  PRIMARY KEY (norm, type, role)
);
