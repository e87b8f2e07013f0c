-- Tally's own schemas. Dataset tables (staging.<dataset>, warehouse.<dataset>) are derived from the
-- dataset declarations in config/datasets at start-up by DatasetTables; everything fixed lives here.
CREATE SCHEMA registry;
CREATE SCHEMA staging;
CREATE SCHEMA warehouse;
CREATE SCHEMA recon;
CREATE SCHEMA publish;

-- One row per file per run in which it was seen: the file's identity (sha256), what became of it
-- and, for loaded files, which reporting period it feeds and whether it is the current load.
CREATE TABLE registry.load (
    id              bigserial PRIMARY KEY,
    run_id          bigint      NOT NULL,
    source_id       text        NOT NULL,
    department      text        NOT NULL,
    dataset         text        NOT NULL,
    file_path       text        NOT NULL,
    file_name       text        NOT NULL,
    sha256          char(64)    NOT NULL,
    size_bytes      bigint      NOT NULL,
    status          text        NOT NULL CHECK (status IN
                        ('pending', 'staged', 'loaded', 'superseded', 'duplicate', 'quarantined', 'rejected', 'abandoned')),
    reason          text,
    duplicate_of    bigint REFERENCES registry.load (id),
    period          date,
    sheet           text,
    rows_read       integer,
    rows_loaded     integer,
    rows_rejected   integer,
    is_current      boolean     NOT NULL DEFAULT false,
    seen_at         timestamptz NOT NULL DEFAULT now(),
    loaded_at       timestamptz
);
-- The same content under any name is loaded once.
CREATE UNIQUE INDEX load_content_loaded_once ON registry.load (sha256) WHERE status IN ('loaded', 'superseded');
-- At most one current load per source and reporting period: promotion swaps it atomically.
CREATE UNIQUE INDEX load_one_current_per_source_period ON registry.load (source_id, period) WHERE is_current;
CREATE INDEX load_by_run ON registry.load (run_id);

-- Rows a department must fix: the cell, the raw value and a reason a clerk understands.
CREATE TABLE registry.reject (
    id           bigserial PRIMARY KEY,
    load_id      bigint  NOT NULL REFERENCES registry.load (id),
    sheet        text,
    row_number   integer NOT NULL,
    cell_ref     text,
    column_name  text,
    raw_value    text,
    reason_zh    text    NOT NULL,
    reason_en    text    NOT NULL,
    row_values   jsonb
);
CREATE INDEX reject_by_load ON registry.reject (load_id);

-- Totals rows (合计) as found in a sheet, in yuan or units, kept to check them against the details.
CREATE TABLE staging.totals_row (
    load_id      bigint  NOT NULL REFERENCES registry.load (id),
    row_number   integer NOT NULL,
    column_name  text    NOT NULL,
    cell_ref     text    NOT NULL,
    value        numeric NOT NULL,
    PRIMARY KEY (load_id, row_number, column_name)
);

-- The outcome of every reconciliation check in every run, with both sides and the evidence.
CREATE TABLE recon.check_result (
    id          bigserial PRIMARY KEY,
    run_id      bigint      NOT NULL,
    as_of       date        NOT NULL,
    check_id    text        NOT NULL,
    check_type  text        NOT NULL,
    severity    text        NOT NULL CHECK (severity IN ('fail', 'warn')),
    passed      boolean     NOT NULL,
    expected    numeric,
    actual      numeric,
    difference  numeric,
    message     text        NOT NULL,
    evidence    jsonb       NOT NULL DEFAULT '[]',
    checked_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX check_result_by_run ON recon.check_result (run_id, as_of);

-- Immutable figure snapshots: every run appends one row per figure and period; nothing is updated.
-- version counts changes: it stays when value and status are unchanged, and grows on a correction.
CREATE TABLE publish.figure_version (
    id          bigserial PRIMARY KEY,
    run_id      bigint      NOT NULL,
    as_of       date        NOT NULL,
    figure_id   text        NOT NULL,
    version     integer     NOT NULL,
    label       text        NOT NULL,
    label_en    text        NOT NULL,
    value       numeric,
    unit        text        NOT NULL,
    display     text,
    phrase      text,
    phrase_en   text,
    status      text        NOT NULL CHECK (status IN ('verified', 'unverified')),
    reasons     jsonb       NOT NULL DEFAULT '[]',
    sources     jsonb       NOT NULL DEFAULT '[]',
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (run_id, figure_id, as_of)
);
CREATE INDEX figure_version_by_figure ON publish.figure_version (figure_id, as_of, id);
