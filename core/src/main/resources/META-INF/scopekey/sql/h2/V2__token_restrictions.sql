-- scopekey token store, H2: per-token restrictions (issue 12).
-- Adds nullable columns; rows written before have none of them, so they stay unrestricted.
-- allowed_addresses: comma-separated canonical addresses and CIDR ranges, or NULL for any address.
-- rate_limit: <permits>/<period> (100/minute, 100/PT15M), or NULL for none.
-- disabled: TRUE while the token is disabled; NULL or FALSE otherwise.
-- Idempotent: safe to run again.

ALTER TABLE scopekey_tokens ADD COLUMN IF NOT EXISTS allowed_addresses CHARACTER VARYING;
ALTER TABLE scopekey_tokens ADD COLUMN IF NOT EXISTS rate_limit VARCHAR(64);
ALTER TABLE scopekey_tokens ADD COLUMN IF NOT EXISTS disabled BOOLEAN;
