-- Messages seen in the reporting mailboxes (tally.mail.mailboxes), once per mailbox and Message-ID:
-- who sent it, when, what it was about, and what became of it. A message is marked done on the
-- server (flag or move) only after its row and its attachments' rows are committed, so a crash
-- in between is repaired by the next gather: the row says the files are in the inbox already.
CREATE TABLE registry.mail_message (
    id             bigserial   PRIMARY KEY,
    mailbox        text        NOT NULL,
    -- the Message-ID header; a message without one is known by the SHA-256 of its bytes
    message_id     text        NOT NULL,
    sender         text        NOT NULL,
    sent_at        timestamptz,
    subject        text,
    -- the department it was gathered for; null when no department allows its sender
    department     text,
    status         text        NOT NULL CHECK (status IN ('gathered', 'ignored', 'refused')),
    reason         text,
    -- the run that gathered it; null for `tally gather`
    run_id         bigint,
    first_seen_at  timestamptz NOT NULL DEFAULT now(),
    last_seen_at   timestamptz NOT NULL DEFAULT now(),
    -- when it was flagged or moved on the server; an ignored message never is
    done_at        timestamptz,
    UNIQUE (mailbox, message_id)
);
CREATE INDEX mail_message_by_last_seen ON registry.mail_message (last_seen_at DESC);

-- Each attachment of a message (and each entry of a .zip attachment): where it was written in the
-- inbox and its SHA-256, or why it was not.
CREATE TABLE registry.mail_attachment (
    id           bigserial   PRIMARY KEY,
    message      bigint      NOT NULL REFERENCES registry.mail_message (id),
    -- as the sender named it; an entry of a zip as 报表.zip/财政局.xlsx
    name         text        NOT NULL,
    source_id    text,
    -- relative to the inbox, as registry.load.file_path
    inbox_path   text,
    sha256       char(64),
    size_bytes   bigint,
    status       text        NOT NULL CHECK (status IN ('written', 'duplicate', 'refused', 'skipped')),
    reason       text,
    recorded_at  timestamptz NOT NULL DEFAULT now()
);
-- Gathering a message again after a crash records nothing twice.
CREATE UNIQUE INDEX mail_attachment_once ON registry.mail_attachment (message, name, coalesce(sha256, ''));
CREATE INDEX mail_attachment_by_sha256 ON registry.mail_attachment (sha256);
