package dev.scopekey.cli;

import dev.scopekey.domain.TokenRecord;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code list} output: one aligned row per token (prefix, scopes, name, subject, created,
 * expires, last used, source, status) under a header. Records hold no secret, so neither does the table.
 */
final class TokenTable {
    private static final List<String> HEADER =
            List.of("PREFIX", "SCOPES", "NAME", "SUBJECT", "CREATED", "EXPIRES", "LAST USED", "SOURCE", "STATUS");

    private TokenTable() {
    }

    static void print(PrintStream out, List<TokenRecord> records, Instant now) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (TokenRecord record : records) {
            rows.add(List.of(TokenDetails.printable(record.prefix()), record.scopes().toCommaList(),
                    TokenDetails.printable(record.name()), TokenDetails.printable(record.subject()),
                    TokenDetails.time(record.createdAt()), TokenDetails.time(record.expiresAt()),
                    TokenDetails.time(record.lastUsedAt()), TokenJson.source(record.source()), status(record, now)));
        }
        int[] widths = new int[HEADER.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(row.get(i));
                if (i < row.size() - 1) {
                    line.append(" ".repeat(widths[i] - row.get(i).length() + 2));
                }
            }
            out.println(line);
        }
    }

    /** {@code live}, {@code retiring} (revocation scheduled), {@code revoked} or {@code expired}. */
    static String status(TokenRecord record, Instant now) {
        if (record.isRevokedAt(now)) {
            return "revoked";
        }
        if (record.isExpiredAt(now)) {
            return "expired";
        }
        if (record.disabled()) {
            return "disabled";
        }
        return record.revokedAt() != null ? "retiring" : "live";
    }
}
