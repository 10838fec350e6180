-- scopekey token store, PostgreSQL: per-token restrictions (issue 12).
-- Adds nullable columns (no table rewrite); rows written before have none of them, so they stay
-- unrestricted.
-- allowed_addresses: comma-separated canonical addresses and CIDR ranges, or NULL for any address.
-- rate_limit: <permits>/<period> (100/minute, 100/PT15M), or NULL for none.
-- disabled: TRUE while the token is disabled; NULL or FALSE otherwise.
-- Idempotent: safe to run again after an interrupted run.

ALTER TABLE scopekey_tokens ADD COLUMN IF NOT EXISTS allowed_addresses TEXT;
ALTER TABLE scopekey_tokens ADD COLUMN IF NOT EXISTS rate_limit VARCHAR(64);
ALTER TABLE scopekey_tokens ADD COLUMN IF NOT EXISTS disabled BOOLEAN;
