-- claimtrail corpus store, schema 2 (SQLite): the same claim across articles (claimtrail.trail).
-- Upgrades a schema-1 store in place: existing claims get cluster NULL and are clustered by the next
-- `claimtrail cluster` (or ingest).
CREATE TABLE clusters (
  id INTEGER PRIMARY KEY,
  label TEXT NOT NULL,                    -- the text of its earliest claim
  status TEXT NOT NULL,                   -- as of its latest dated event (claimtrail.trail.timeline)
  first TEXT,                             -- earliest / latest publication date among its articles
  last TEXT,
  claims INTEGER NOT NULL,
  articles INTEGER NOT NULL,
  names TEXT NOT NULL,                    -- JSON list: normalised about-names of its claims
  families TEXT NOT NULL,                 -- JSON list: predicate families of its claims
  centroid BLOB NOT NULL                  -- float32 sum of its claims' vectors (mean = sum / claims)
);
CREATE INDEX clusters_last ON clusters(last);
CREATE INDEX clusters_status ON clusters(status);

-- One embedding per claim; kept across `cluster --rebuild` while the model NAME is the same.
CREATE TABLE claim_vectors (
  claim INTEGER PRIMARY KEY REFERENCES claims(id) ON DELETE CASCADE,
  model TEXT NOT NULL,                    -- claimtrail.trail.embed.NAME
  vector BLOB NOT NULL                    -- float32, L2-normalised
);

-- Blocking keys: a new claim is compared only with clusters sharing a key (name, word, vector band).
CREATE TABLE cluster_keys (
  key TEXT NOT NULL,
  cluster INTEGER NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
  PRIMARY KEY (key, cluster)
);
CREATE INDEX cluster_keys_cluster ON cluster_keys(cluster);

ALTER TABLE claims ADD COLUMN cluster INTEGER REFERENCES clusters(id) ON DELETE SET NULL;
CREATE INDEX claims_cluster ON claims(cluster);

-- Claims by claim (the primary key leads with the entity): for clustering and cascades.
CREATE INDEX claim_about_claim ON claim_about(claim);
