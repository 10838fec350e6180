-- scopekey token store, H2 (embedded).
-- Keeps the SHA-256 of each token and its display prefix, never the plaintext.
-- H2 compares text case-sensitively unless the database runs with IGNORECASE=TRUE; do not
-- create these tables in such a database.
-- Timestamps are TIMESTAMP WITH TIME ZONE (written as UTC), microsecond precision.
-- Idempotent: safe to run again.

CREATE TABLE IF NOT EXISTS scopekey_tokens (
    hash         VARCHAR(64)  NOT NULL,
    prefix       VARCHAR(64)  NOT NULL,
    scopes       CHARACTER VARYING NOT NULL,
    name         VARCHAR(255),
    subject      VARCHAR(255),
    created_at   TIMESTAMP(6) WITH TIME ZONE,
    created_by   VARCHAR(255),
    expires_at   TIMESTAMP(6) WITH TIME ZONE,
    last_used_at TIMESTAMP(6) WITH TIME ZONE,
    revoked_at   TIMESTAMP(6) WITH TIME ZONE,
    revoked_by   VARCHAR(255),
    source       VARCHAR(16)  NOT NULL,
    CONSTRAINT scopekey_tokens_pk PRIMARY KEY (hash),
    CONSTRAINT scopekey_tokens_prefix_key UNIQUE (prefix)
);

CREATE INDEX IF NOT EXISTS scopekey_tokens_subject ON scopekey_tokens (subject, prefix);
