package dev.scopekey.cli;

import dev.scopekey.domain.TokenRecord;
import java.time.Instant;
import java.util.Locale;

/**
 * The public record of a token as {@code --json} prints it: prefix, scopes, name, subject,
 * source, creation, expiry, last use, revocation and status. Never the hash or a secret; mint and
 * rotate add the token themselves.
 */
final class TokenJson {
    private TokenJson() {
    }

    /** Puts the record's public fields into {@code json}, the status as of {@code now}. */
    static JsonObject fields(JsonObject json, TokenRecord record, Instant now) {
        return json.put("prefix", record.prefix())
                .put("scopes", record.scopes().values())
                .put("name", record.name())
                .put("subject", record.subject())
                .put("source", source(record.source()))
                .put("createdAt", record.createdAt())
                .put("createdBy", record.createdBy())
                .put("expiresAt", record.expiresAt())
                .put("lastUsedAt", record.lastUsedAt())
                .put("revokedAt", record.revokedAt())
                .put("allowedAddresses", record.allowedAddresses() == null ? null : record.allowedAddresses().texts())
                .put("rateLimit", record.rateLimit() == null ? null : record.rateLimit().toString())
                .put("disabled", record.disabled())
                .put("status", TokenTable.status(record, now));
    }

    /** {@code store}, {@code config} or {@code runtime}. */
    static String source(Enum<?> source) {
        return source.name().toLowerCase(Locale.ROOT);
    }
}
