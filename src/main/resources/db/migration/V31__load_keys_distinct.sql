-- Whether the ingest step saw every staged row of a load and found no key repeated among them
-- (a 64-bit fingerprint per key: equal keys always have equal fingerprints). TRUE lets promotion
-- skip its own search for repeated keys; NULL or FALSE (unknown, or a fingerprint seen twice)
-- means promotion searches in SQL as before.
ALTER TABLE registry.load ADD COLUMN keys_distinct boolean;
