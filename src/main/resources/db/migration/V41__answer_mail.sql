-- The header text of every header column of a file, by column letter ({"A": "序号", "B": "项目编号"}),
-- so that the rejects sent back name each column as the department's own sheet does.
ALTER TABLE registry.load ADD COLUMN header_texts jsonb;

-- One mail per run and department after the run (docs/operations.md, "What departments receive"):
-- to whom, when, about which files, and how it went. A pending or failed mail is sent again at the
-- end of the next run; a mail that found no address is kept as unaddressed.
CREATE TABLE registry.answer_mail (
    id            bigserial   PRIMARY KEY,
    run_id        bigint      NOT NULL,
    department    text        NOT NULL,
    kind          text        NOT NULL CHECK (kind IN ('rejects', 'receipt')),
    recipients    text[]      NOT NULL,
    subject       text        NOT NULL,
    status        text        NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'unaddressed')),
    attempts      integer     NOT NULL DEFAULT 0,
    error         text,
    created_at    timestamptz NOT NULL DEFAULT now(),
    attempted_at  timestamptz,
    sent_at       timestamptz,
    UNIQUE (run_id, department)
);
CREATE INDEX answer_mail_to_send ON registry.answer_mail (id) WHERE status IN ('pending', 'failed');

-- The files a mail answers, with the content and outcome it told of: a rejected file left in the
-- inbox is read again every night, and its department hears of it once.
CREATE TABLE registry.answer_mail_file (
    mail_id    bigint   NOT NULL REFERENCES registry.answer_mail (id),
    load_id    bigint   NOT NULL REFERENCES registry.load (id),
    file_path  text     NOT NULL,
    sha256     char(64) NOT NULL,
    status     text     NOT NULL,
    PRIMARY KEY (mail_id, load_id)
);
CREATE INDEX answer_mail_file_told ON registry.answer_mail_file (file_path, sha256, status);
