-- Web accounts kept in the database (`tally users`), beside those configured in YAML; API
-- tokens for automation (`tally tokens`), stored as SHA-256 digests only; and sign-in failures,
-- so that repeated wrong passwords lock an account for a while.
CREATE TABLE ops.web_user (
  name          TEXT        PRIMARY KEY,
  password_hash TEXT        NOT NULL,
  role          TEXT        NOT NULL CHECK (role IN ('OPERATOR', 'PRESS')),
  enabled       BOOLEAN     NOT NULL DEFAULT true,
  created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
  updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE ops.api_token (
  id         BIGSERIAL   PRIMARY KEY,
  user_name  TEXT        NOT NULL,
  digest     BYTEA       NOT NULL UNIQUE,
  label      TEXT        NULL,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  revoked_at TIMESTAMPTZ NULL
);
CREATE INDEX api_token_user_idx ON ops.api_token (user_name);

CREATE TABLE ops.sign_in_failure (
  user_name    TEXT        PRIMARY KEY,
  failures     INT         NOT NULL DEFAULT 0,
  locked_until TIMESTAMPTZ NULL
);
