package dev.scopekey.store.file;

import dev.scopekey.domain.AddressList;
import dev.scopekey.domain.InvalidScopeException;
import dev.scopekey.domain.PlainToken;
import dev.scopekey.domain.RequestRate;
import dev.scopekey.domain.ScopeSet;
import dev.scopekey.domain.TokenHash;
import dev.scopekey.domain.TokenRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the text of one token line (without line ending, trailing whitespace already removed)
 * into a {@link TokenEntry}, or names the rule it breaks.
 */
final class TokenLineParser {
    static final String HASHED = "sha256:";
    static final char SEPARATOR = '\t';

    private TokenLineParser() {
    }

    /** The entry of a token line, or the problem that makes it malformed. */
    record Result(TokenEntry entry, LineProblem problem) {
        static Result of(TokenEntry entry) {
            return new Result(entry, null);
        }

        static Result rejected(LineProblem problem) {
            return new Result(null, problem);
        }
    }

    static Result parse(String text) {
        if (text.indexOf(SEPARATOR) < 0) {
            return parseLegacy(text);
        }
        String[] fields = text.split(String.valueOf(SEPARATOR), -1);
        String credential = fields[0];
        Identity identity = identity(credential);
        if (identity == null) {
            return Result.rejected(credential.startsWith(HASHED)
                    ? LineProblem.BAD_HASHED_CREDENTIAL : LineProblem.BAD_CREDENTIAL);
        }
        ScopeSet scopes;
        try {
            scopes = ScopeSet.parseList(fields[1]);
        } catch (InvalidScopeException e) {
            return Result.rejected(LineProblem.INVALID_SCOPES);
        }
        String name = fields.length > 2 ? fields[2] : null;
        if (name != null && hasControl(name)) {
            return Result.rejected(LineProblem.BAD_NAME);
        }
        String created = fields.length > 3 ? fields[3] : null;
        Instant createdAt = null;
        if (created != null && !created.isEmpty()) {
            createdAt = InstantText.parse(created);
            if (createdAt == null) {
                return Result.rejected(LineProblem.BAD_CREATED_AT);
            }
        }
        List<TokenEntry.Attribute> attributes = new ArrayList<>();
        Map<KnownAttribute, Object> known = new EnumMap<>(KnownAttribute.class);
        for (int i = 4; i < fields.length; i++) {
            if (fields[i].isEmpty()) {
                continue;
            }
            LineProblem problem = readAttribute(fields[i], attributes, known);
            if (problem != null) {
                return Result.rejected(problem);
            }
        }
        TokenRecord record = TokenRecord.builder(identity.prefix(), identity.hash(), scopes)
                .name(emptyToNull(name))
                .subject((String) known.get(KnownAttribute.SUBJECT))
                .createdAt(createdAt)
                .createdBy((String) known.get(KnownAttribute.BY))
                .expiresAt((Instant) known.get(KnownAttribute.EXPIRES))
                .lastUsedAt((Instant) known.get(KnownAttribute.USED))
                .revokedAt((Instant) known.get(KnownAttribute.REVOKED))
                .revokedBy((String) known.get(KnownAttribute.REVOKED_BY))
                .allowedAddresses((AddressList) known.get(KnownAttribute.ADDRESSES))
                .rateLimit((RequestRate) known.get(KnownAttribute.RATE))
                .disabled(Boolean.TRUE.equals(known.get(KnownAttribute.DISABLED)))
                .build();
        return Result.of(new TokenEntry(credential, false, fields[1], name, created, attributes, record));
    }

    private static Result parseLegacy(String text) {
        if (text.startsWith(HASHED)) {
            return Result.rejected(LineProblem.LEGACY_HASHED);
        }
        if (!PlainToken.isWellFormed(text)) {
            return Result.rejected(LineProblem.LEGACY_NOT_A_TOKEN);
        }
        TokenRecord record = TokenRecord.legacy(PlainToken.of(text));
        return Result.of(new TokenEntry(text, true, null, null, null, List.of(), record));
    }

    /** The display prefix and hash a credential stands for. */
    private record Identity(String prefix, String hash) {
    }

    /** Who a credential is, or null when it is malformed. */
    private static Identity identity(String credential) {
        if (credential.startsWith(HASHED)) {
            int colon = credential.lastIndexOf(':');
            String hash = credential.substring(colon + 1);
            String prefix = colon < HASHED.length() ? "" : credential.substring(HASHED.length(), colon);
            boolean prefixOk = prefix.isEmpty() || PlainToken.isWellFormed(prefix);
            if (colon < HASHED.length() || !prefixOk || !TokenHash.isHex(hash)) {
                return null;
            }
            return new Identity(prefix, hash);
        }
        if (!PlainToken.isWellFormed(credential)) {
            return null;
        }
        PlainToken token = PlainToken.of(credential);
        return new Identity(token.prefix(), token.hash());
    }

    private static LineProblem readAttribute(String field, List<TokenEntry.Attribute> attributes,
                                             Map<KnownAttribute, Object> known) {
        int equals = field.indexOf('=');
        if (equals < 1 || !isKey(field, equals)) {
            return LineProblem.BAD_ATTRIBUTE;
        }
        String key = field.substring(0, equals);
        String value = field.substring(equals + 1);
        KnownAttribute attribute = KnownAttribute.forKey(key);
        if (attribute != null) {
            if (known.containsKey(attribute)) {
                return LineProblem.DUPLICATE_ATTRIBUTE;
            }
            Object parsed = attribute.parse(value);
            if (parsed == null) {
                return attribute.problem();
            }
            known.put(attribute, parsed);
        }
        attributes.add(new TokenEntry.Attribute(key, value));
        return null;
    }

    private static boolean isKey(String field, int end) {
        for (int i = 0; i < end; i++) {
            char c = field.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '.' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Whether the text holds a control character (a tab, a line break, DEL, C1 …). */
    static boolean hasControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
