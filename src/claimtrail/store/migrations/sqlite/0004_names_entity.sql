-- Names by entity: clustering reads the about-names of a batch of claims (claim_about -> names); without
-- this index that join scanned every name once per claim of the batch.
CREATE INDEX names_entity ON names(entity);
