package dev.scopekey.servlet;

import dev.scopekey.domain.TokenPrincipal;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.service.MintedToken;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON shapes of the token admin API — the public view of a record (never a hash or a
 * secret) and the one-time answer to a mint or rotation, the only document that carries a
 * token — and the two answers of token introspection (RFC 7662 §2.2), which never carry one.
 */
final class RecordJson {
    /** The one answer for every token that is not active, whatever the reason. */
    static final String INACTIVE = JsonText.object().put("active", false).end();

    private RecordJson() {
    }

    /** {@code {prefix, scopes, name, subject, source, createdAt, createdBy, expiresAt, lastUsedAt}}. */
    static String publicRecord(TokenRecord record) {
        return JsonText.object()
                .put("prefix", record.prefix())
                .put("scopes", record.scopes().values())
                .put("name", record.name())
                .put("subject", record.subject())
                .put("source", record.source().name())
                .put("createdAt", record.createdAt())
                .put("createdBy", record.createdBy())
                .put("expiresAt", record.expiresAt())
                .put("lastUsedAt", record.lastUsedAt())
                .restrictions(record)
                .end();
    }

    /** An array of public records. */
    static String publicRecords(List<TokenRecord> records) {
        List<String> documents = new ArrayList<>(records.size());
        for (TokenRecord record : records) {
            documents.add(publicRecord(record));
        }
        return JsonText.array(documents);
    }

    /**
     * {@code {active:true, scope, sub, exp, iat, token_type, client_id}} of an active token:
     * scopes space-separated, times in epoch seconds ({@code exp} is when the token stops being
     * accepted, an earlier scheduled retirement included), {@code client_id} the display prefix;
     * a member without a value is left out.
     */
    static String introspected(TokenPrincipal principal) {
        JsonText json = JsonText.object().put("active", true)
                .put("scope", String.join(" ", principal.scopes().values()));
        if (principal.subject() != null) {
            json.put("sub", principal.subject());
        }
        if (principal.validUntil() != null) {
            json.put("exp", principal.validUntil().getEpochSecond());
        }
        if (principal.createdAt() != null) {
            json.put("iat", principal.createdAt().getEpochSecond());
        }
        json.put("token_type", "Bearer");
        if (principal.prefix() != null) {
            json.put("client_id", principal.prefix());
        }
        return json.end();
    }

    /** {@code {token, prefix, scopes, name, subject, createdAt, expiresAt}}: shown once. */
    static String minted(MintedToken minted) {
        TokenRecord record = minted.record();
        return JsonText.object()
                .put("token", minted.token().reveal())
                .put("prefix", record.prefix())
                .put("scopes", record.scopes().values())
                .put("name", record.name())
                .put("subject", record.subject())
                .put("createdAt", record.createdAt())
                .put("expiresAt", record.expiresAt())
                .restrictions(record)
                .end();
    }
}
