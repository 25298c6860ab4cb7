-- A cluster's newest claim by one index seek: clustering checks, per cluster a batch touches, that no
-- other process changed it since this one folded its timeline (MAX(id) WHERE cluster = ?); with an
-- index on (cluster) alone PostgreSQL read every member claim for that, each batch.
CREATE INDEX claims_cluster_id ON claims(cluster, id);
DROP INDEX claims_cluster;
