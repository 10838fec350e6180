-- scopekey token store, MariaDB and MySQL.
-- Keeps the SHA-256 of each token and its display prefix, never the plaintext.
-- hash, prefix and subject are VARBINARY (UTF-8 bytes): compared and ordered byte by byte,
-- case-sensitively and with trailing spaces significant. The server default utf8mb4_general_ci
-- would make two prefixes that differ only in case collide, and even the *_bin collations
-- ignore trailing spaces (PAD SPACE). The other text columns use utf8mb4_bin.
-- Timestamps are DATETIME(6) holding UTC (no session time zone applies), microsecond precision.
-- One statement, idempotent: safe to run again.

CREATE TABLE IF NOT EXISTS scopekey_tokens (
    hash         VARBINARY(64)   NOT NULL,
    prefix       VARBINARY(256)  NOT NULL,
    scopes       TEXT         CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    name         VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    subject      VARBINARY(1020) NULL,
    created_at   DATETIME(6)  NULL,
    created_by   VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    expires_at   DATETIME(6)  NULL,
    last_used_at DATETIME(6)  NULL,
    revoked_at   DATETIME(6)  NULL,
    revoked_by   VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    source       VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    CONSTRAINT scopekey_tokens_pk PRIMARY KEY (hash),
    CONSTRAINT scopekey_tokens_prefix_key UNIQUE KEY (prefix),
    KEY scopekey_tokens_subject (subject, prefix)
) ENGINE = InnoDB DEFAULT CHARACTER SET = utf8mb4 COLLATE = utf8mb4_bin;
