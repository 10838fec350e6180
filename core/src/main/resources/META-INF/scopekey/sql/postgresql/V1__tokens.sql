-- scopekey token store, PostgreSQL.
-- Keeps the SHA-256 of each token and its display prefix, never the plaintext.
-- Text keys use the "C" collation: compared and ordered byte by byte, case-sensitively.
-- Timestamps are TIMESTAMP WITH TIME ZONE (stored as UTC), microsecond precision.
-- Idempotent: safe to run again after an interrupted run.

CREATE TABLE IF NOT EXISTS scopekey_tokens (
    hash         VARCHAR(64)  COLLATE "C" NOT NULL,
    prefix       VARCHAR(64)  COLLATE "C" NOT NULL,
    scopes       TEXT         NOT NULL,
    name         VARCHAR(255),
    subject      VARCHAR(255) COLLATE "C",
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

-- A subject's tokens, in page order.
CREATE INDEX IF NOT EXISTS scopekey_tokens_subject ON scopekey_tokens (subject, prefix);

-- Live (never revoked) tokens only: revoked rows accumulate and stay out of it.
CREATE INDEX IF NOT EXISTS scopekey_tokens_live ON scopekey_tokens (subject, prefix, hash)
    WHERE revoked_at IS NULL;
