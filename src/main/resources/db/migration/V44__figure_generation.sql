-- What the press view's cache compares against: a stamp that changes in the same transaction as
-- every write to publish.figure_version (insert, update, delete, truncate), so one tiny query tells
-- a server whether the figures it holds are still those published. A random stamp, not a counter:
-- after a truncate (tests, the benchmark) or a restore, ids and counters start again, and a cache
-- keyed by them could meet an old key on new figures.
-- No primary key on purpose: a restore copies this table's rows in after the trigger has written
-- one, and concurrent writers may briefly leave two rows; the cache reads the set of stamps, which
-- is new after every committed write either way.
CREATE TABLE publish.figure_generation (
  stamp      uuid        NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE FUNCTION publish.figure_generation_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM publish.figure_generation;
  INSERT INTO publish.figure_generation (stamp) VALUES (gen_random_uuid());
  RETURN NULL;
END
$$;

CREATE TRIGGER figure_version_changed AFTER INSERT OR UPDATE OR DELETE ON publish.figure_version
  FOR EACH STATEMENT EXECUTE FUNCTION publish.figure_generation_bump();
CREATE TRIGGER figure_version_truncated AFTER TRUNCATE ON publish.figure_version
  FOR EACH STATEMENT EXECUTE FUNCTION publish.figure_generation_bump();

INSERT INTO publish.figure_generation (stamp) VALUES (gen_random_uuid());
