package dev.scopekey.servlet;

import dev.scopekey.domain.TokenRecord;
import dev.scopekey.service.MintedToken;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON shapes of the token admin API: the public view of a record (never a hash or a
 * secret) and the one-time answer to a mint or rotation, the only document that carries a
 * token.
 */
final class RecordJson {
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
                .end();
    }
}
