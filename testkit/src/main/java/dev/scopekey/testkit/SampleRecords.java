package dev.scopekey.testkit;

import dev.scopekey.domain.PlainToken;
import dev.scopekey.domain.Scope;
import dev.scopekey.domain.ScopeSet;
import dev.scopekey.domain.TokenFormat;
import dev.scopekey.domain.TokenRecord;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Reproducible token records for the store contract, from a seed: minted and legacy tokens,
 * tricky field values, instants truncated to the store's precision. Every record it hands out
 * has a prefix and hash it has not handed out before. Not thread-safe.
 */
final class SampleRecords {
    private static final Instant EARLIEST = Instant.parse("2001-01-01T00:00:00Z");
    private static final long SPAN_SECONDS = Duration.ofDays(365L * 98).getSeconds();

    private final Random random;
    private final SecureRandom tokenRandom;
    private final Duration precision;
    private final Set<String> usedPrefixes = new HashSet<>();

    SampleRecords(long seed, Duration precision) {
        this.random = new Random(seed);
        this.tokenRandom = SeededRandom.of(seed);
        this.precision = Instants.checkPrecision(precision);
    }

    /** A minted token of one of several brands, with a prefix not handed out before. */
    PlainToken mintedToken() {
        while (true) {
            String brand = pick(SampleValues.BRANDS);
            PlainToken token = TokenFormat.withBrand(brand).generate(tokenRandom);
            if (usedPrefixes.add(token.prefix())) {
                return token;
            }
        }
    }

    /** A legacy token of printable ASCII, with punctuation in its prefix now and then. */
    PlainToken legacyToken() {
        while (true) {
            int length = 16 + random.nextInt(40);
            StringBuilder text = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                text.append((char) ('!' + random.nextInt('~' - '!' + 1)));
            }
            PlainToken token = PlainToken.of(text.toString());
            if (!token.isMinted() && !TokenFormat.hasMintedShape(text.toString()) && usedPrefixes.add(token.prefix())) {
                return token;
            }
        }
    }

    /**
     * {@code count} legacy tokens sharing the display prefix {@code prefix}, as lines of a token
     * file may; the prefix is {@value PlainToken#LEGACY_PREFIX_LENGTH} characters, not handed out
     * before.
     *
     * @throws IllegalArgumentException if the prefix has another length or was handed out
     */
    List<PlainToken> legacyTokensSharing(String prefix, int count) {
        if (prefix.length() != PlainToken.LEGACY_PREFIX_LENGTH || !usedPrefixes.add(prefix)) {
            throw new IllegalArgumentException("a new prefix of " + PlainToken.LEGACY_PREFIX_LENGTH + " characters");
        }
        List<PlainToken> tokens = new ArrayList<>(count);
        Set<String> texts = new HashSet<>();
        while (tokens.size() < count) {
            StringBuilder text = new StringBuilder(prefix);
            for (int i = 8 + random.nextInt(32); i > 0; i--) {
                text.append((char) ('!' + random.nextInt('~' - '!' + 1)));
            }
            if (!TokenFormat.hasMintedShape(text.toString()) && texts.add(text.toString())) {
                tokens.add(PlainToken.of(text.toString()));
            }
        }
        return tokens;
    }

    /** Mostly minted tokens, some legacy ones. */
    PlainToken token() {
        return random.nextInt(5) == 0 ? legacyToken() : mintedToken();
    }

    /** A record as mint writes it: created now, by an actor, no other optional field. */
    TokenRecord fresh() {
        return TokenRecord.minted(token(), scopes(), null, null, instant(), pick(SampleValues.ACTORS), null);
    }

    /** A fresh record of {@code subject}. */
    TokenRecord freshOf(String subject) {
        return freshOf(token(), subject);
    }

    /** A fresh record of {@code token}, of {@code subject} (or none). */
    TokenRecord freshOf(PlainToken token, String subject) {
        return TokenRecord.minted(token, scopes(), null, subject, instant(), pick(SampleValues.ACTORS), null);
    }

    /** A record with every optional field set. */
    TokenRecord full() {
        PlainToken token = token();
        return TokenRecord.builder(token.prefix(), token.hash(), scopes())
                .name(name())
                .subject(subject())
                .createdAt(instant())
                .createdBy(pick(SampleValues.ACTORS))
                .expiresAt(instant())
                .lastUsedAt(instant())
                .revokedAt(instant())
                .revokedBy(pick(SampleValues.ACTORS))
                .build();
    }

    /** A record with only the required fields set. */
    TokenRecord bare() {
        PlainToken token = token();
        return TokenRecord.builder(token.prefix(), token.hash(), scopes()).build();
    }

    /** A record whose optional fields are each set or not, at random. */
    TokenRecord mixed() {
        PlainToken token = token();
        return TokenRecord.builder(token.prefix(), token.hash(), scopes())
                .name(maybe(name()))
                .subject(maybe(subject()))
                .createdAt(maybe(instant()))
                .createdBy(maybe(pick(SampleValues.ACTORS)))
                .expiresAt(maybe(instant()))
                .lastUsedAt(maybe(instant()))
                .revokedAt(maybe(instant()))
                .revokedBy(maybe(pick(SampleValues.ACTORS)))
                .build();
    }

    /** {@code count} fresh records. */
    List<TokenRecord> fresh(int count) {
        List<TokenRecord> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            records.add(fresh());
        }
        return records;
    }

    /** An instant between 2001 and 2099, truncated to the store's precision. */
    Instant instant() {
        long seconds = (long) (random.nextDouble() * SPAN_SECONDS);
        return truncate(EARLIEST.plusSeconds(seconds).plusNanos(random.nextInt(1_000_000_000)));
    }

    Instant truncate(Instant instant) {
        return Instants.truncate(instant, precision);
    }

    /** One to four scopes from the tricky list and the grammar. */
    ScopeSet scopes() {
        int count = 1 + random.nextInt(4);
        List<Scope> scopes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            scopes.add(Scope.of(random.nextBoolean() ? pick(SampleValues.SCOPES) : generatedScope()));
        }
        return ScopeSet.of(scopes);
    }

    String name() {
        return random.nextBoolean() ? pick(SampleValues.NAMES) : text(100);
    }

    String subject() {
        return random.nextBoolean() ? pick(SampleValues.SUBJECTS) : text(200);
    }

    private String generatedScope() {
        String first = "abcdefghijklmnopqrstuvwxyz0123456789";
        String rest = first + "_.-";
        int segments = 1 + random.nextInt(3);
        StringBuilder scope = new StringBuilder();
        for (int s = 0; s < segments; s++) {
            if (s > 0) {
                scope.append(':');
            }
            scope.append(first.charAt(random.nextInt(first.length())));
            for (int i = random.nextInt(8); i > 0; i--) {
                scope.append(rest.charAt(random.nextInt(rest.length())));
            }
        }
        return random.nextInt(4) == 0 ? scope + ":*" : scope.toString();
    }

    private String text(int maxLength) {
        int target = 1 + random.nextInt(maxLength);
        StringBuilder text = new StringBuilder(target);
        while (text.length() < target) {
            String piece = random.nextInt(10) == 0
                    ? pick(SampleValues.SUPPLEMENTARY)
                    : String.valueOf(SampleValues.TEXT_CHARACTERS.charAt(
                            random.nextInt(SampleValues.TEXT_CHARACTERS.length())));
            if (text.length() + piece.length() <= target) {
                text.append(piece);
            } else {
                text.append('z');
            }
        }
        return text.toString();
    }

    private <T> T maybe(T value) {
        return random.nextBoolean() ? value : null;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
