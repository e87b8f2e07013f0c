-- How many rows the ingest step staged for a load, counted as they were sent to COPY and recorded
-- in the transaction that marks the load staged (with keys_distinct). Promotion takes it instead of
-- counting the load's rows again (a scan of the whole new range: 0.25 s per million rows); NULL
-- (a load staged by older code) means promotion counts in SQL as before.
ALTER TABLE registry.load ADD COLUMN rows_staged bigint;
