-- Operations (ops helper, V30-V39).
CREATE SCHEMA IF NOT EXISTS ops;

-- Which process runs each job execution, so that a node recovers (marks FAILED) only the
-- executions whose owner is dead: same host -> pid not alive (or a different process with that pid);
-- other host -> its Quartz scheduler no longer checks in.
CREATE TABLE ops.run_owner (
  job_execution_id   BIGINT      PRIMARY KEY,
  run_id             BIGINT      NOT NULL,
  host               TEXT        NOT NULL,
  pid                BIGINT      NOT NULL,
  process_started_at TIMESTAMPTZ NULL,
  scheduler_instance TEXT        NULL,
  started_by         TEXT        NOT NULL,
  recorded_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX run_owner_run_idx ON ops.run_owner (run_id);

-- Who did what to the runs and schedules, when, and from where (CLI: OS user@host; web: user and address).
CREATE TABLE ops.audit (
  id      BIGSERIAL   PRIMARY KEY,
  at      TIMESTAMPTZ NOT NULL DEFAULT now(),
  actor   TEXT        NOT NULL,
  origin  TEXT        NOT NULL,
  channel TEXT        NOT NULL,
  action  TEXT        NOT NULL,
  target  TEXT        NULL,
  outcome TEXT        NOT NULL,
  detail  TEXT        NULL
);
CREATE INDEX audit_at_idx ON ops.audit (at);
