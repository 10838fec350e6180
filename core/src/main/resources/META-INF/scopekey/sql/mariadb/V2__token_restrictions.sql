-- scopekey token store, MariaDB and MySQL: per-token restrictions (issue 12).
-- Adds nullable columns; rows written before have none of them, so they stay unrestricted.
-- allowed_addresses: comma-separated canonical addresses and CIDR ranges, or NULL for any address.
-- rate_limit: <permits>/<period> (100/minute, 100/PT15M), or NULL for none.
-- disabled: 1 while the token is disabled; NULL or 0 otherwise.
-- One statement (MySQL has no ADD COLUMN IF NOT EXISTS): it adds all three columns or none.

ALTER TABLE scopekey_tokens
    ADD COLUMN allowed_addresses TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    ADD COLUMN rate_limit VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    ADD COLUMN disabled BOOLEAN NULL;
