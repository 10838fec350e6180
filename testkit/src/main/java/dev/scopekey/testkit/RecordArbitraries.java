package dev.scopekey.testkit;

import dev.scopekey.domain.ActorLabel;
import dev.scopekey.domain.AddressList;
import dev.scopekey.domain.PlainToken;
import dev.scopekey.domain.RequestRate;
import dev.scopekey.domain.ScopeSet;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.domain.TokenUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik arbitraries for {@link TokenRecord}s with any mix of optional fields, and for the field
 * values on their own: names, subjects, actor labels, instants. Text values are what a mint
 * request accepts (no control characters) and always encode in UTF-8 (no lone surrogates); they
 * include separators of common formats, non-ASCII and non-BMP characters and padding spaces.
 * Records have source {@code STORE}, the only source a store holds.
 *
 * <pre>{@code
 * @Property
 * void recordsSurviveMyCodec(@ForAll("records") TokenRecord record) {
 *     assertEquals(record, MyCodec.decode(MyCodec.encode(record)));
 * }
 *
 * @Provide
 * Arbitrary<TokenRecord> records() {
 *     return RecordArbitraries.records(Duration.ofMillis(1));
 * }
 * }</pre>
 */
public final class RecordArbitraries {
    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2999-12-31T23:59:59Z");
    private static final double ABSENT = 0.4;

    private RecordArbitraries() {
    }

    /**
     * Records with any mix of optional fields, instants to the nanosecond.
     *
     * @return the arbitrary
     */
    public static Arbitrary<TokenRecord> records() {
        return records(Duration.ofNanos(1));
    }

    /**
     * Records with any mix of optional fields, instants truncated to {@code precision} (which
     * divides one second or is whole seconds).
     *
     * @param precision the finest time step the store keeps
     * @return the arbitrary
     */
    public static Arbitrary<TokenRecord> records(Duration precision) {
        Arbitrary<Instant> instant = instants(precision).injectNull(ABSENT);
        Arbitrary<String> actor = actors().injectNull(ABSENT);
        Arbitrary<Identity> identity = Combinators.combine(
                Arbitraries.oneOf(TokenArbitraries.minted(), TokenArbitraries.legacy().map(PlainToken::of)),
                ScopeArbitraries.scopeSets(), names().injectNull(ABSENT), subjects().injectNull(ABSENT), instant,
                actor)
                .as(Identity::new);
        return Combinators.combine(identity, instant, instant, instant, actor, restrictions())
                .as((id, expiresAt, lastUsedAt, revokedAt, revokedBy, restrictions) -> restrictions.applyTo(TokenRecord
                        .builder(id.token().prefix(), id.token().hash(), id.scopes())
                        .name(id.name())
                        .subject(id.subject())
                        .createdAt(id.createdAt())
                        .createdBy(id.createdBy())
                        .expiresAt(expiresAt)
                        .lastUsedAt(lastUsedAt)
                        .revokedAt(revokedAt)
                        .revokedBy(revokedBy)
                        .build()));
    }

    /**
     * Per-token restrictions, as the update that sets them: none, an address allow-list, a rate
     * limit, disabled, or any mix (each absent more often than not).
     *
     * @return the arbitrary
     */
    public static Arbitrary<TokenUpdate> restrictions() {
        return Combinators.combine(addressLists().injectNull(0.7), rates().injectNull(0.7),
                        Arbitraries.of(false, false, true))
                .as((addresses, rate, disabled) -> {
                    TokenUpdate update = TokenUpdate.none().disabled(disabled);
                    update = addresses == null ? update : update.allowedAddresses(addresses);
                    return rate == null ? update : update.rateLimit(rate);
                });
    }

    /**
     * Address allow-lists of one to five IPv4 and IPv6 addresses and ranges.
     *
     * @return the arbitrary
     */
    public static Arbitrary<AddressList> addressLists() {
        Arbitrary<String> v4 = Combinators.combine(Arbitraries.integers().between(0, 255).list().ofSize(4),
                        Arbitraries.integers().between(0, 32))
                .as((octets, length) -> range(octets, 8, length));
        Arbitrary<String> v6 = Combinators.combine(Arbitraries.integers().between(0, 0xffff).list().ofSize(8),
                        Arbitraries.integers().between(0, 128))
                .as((groups, length) -> range(groups, 16, length));
        return Arbitraries.oneOf(v4, v6).list().ofMinSize(1).ofMaxSize(5).map(AddressList::of);
    }

    /**
     * Request rates: 1 to 100000 permits per second, minute, hour, day or a number of minutes.
     *
     * @return the arbitrary
     */
    public static Arbitrary<RequestRate> rates() {
        Arbitrary<Duration> period = Arbitraries.oneOf(
                Arbitraries.of(Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofDays(1)),
                Arbitraries.integers().between(2, 10_000).map(Duration::ofMinutes));
        return Combinators.combine(Arbitraries.integers().between(1, 100_000), period).as(RequestRate::new);
    }

    /** The CIDR text of {@code parts} (each {@code bits} wide) cut to {@code length}, host bits cleared. */
    private static String range(List<Integer> parts, int bits, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            int kept = Math.max(0, Math.min(bits, length - i * bits));
            int value = kept == 0 ? 0 : parts.get(i) & (((1 << kept) - 1) << (bits - kept));
            if (i > 0) {
                text.append(bits == 8 ? '.' : ':');
            }
            text.append(bits == 8 ? Integer.toString(value) : Integer.toHexString(value));
        }
        return text + "/" + length;
    }

    /**
     * Token names a mint request accepts: 1 to 100 characters, no control characters.
     *
     * @return the arbitrary
     */
    public static Arbitrary<String> names() {
        return texts(SampleValues.NAMES, 100);
    }

    /**
     * Subjects a mint request accepts: 1 to 200 characters, no control characters.
     *
     * @return the arbitrary
     */
    public static Arbitrary<String> subjects() {
        return texts(SampleValues.SUBJECTS, 200);
    }

    /**
     * Actor labels: {@code cli}, {@code config}, {@code token:<prefix>}, and integrators' labels.
     *
     * @return the arbitrary
     */
    public static Arbitrary<String> actors() {
        Arbitrary<String> tokens = TokenArbitraries.minted().map(t -> ActorLabel.token(t.prefix()));
        Arbitrary<String> custom = Combinators.combine(Arbitraries.chars().range('a', 'z'),
                        Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars("_-")
                                .ofMaxLength(31))
                .as((first, rest) -> first + rest)
                .filter(label -> !List.of(ActorLabel.CLI, ActorLabel.CONFIG, ActorLabel.ANONYMOUS).contains(label));
        return Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.of(SampleValues.ACTORS)), Tuple.of(2, tokens),
                Tuple.of(1, custom));
    }

    /**
     * Instants from 1970 to 2999, to the nanosecond.
     *
     * @return the arbitrary
     */
    public static Arbitrary<Instant> instants() {
        return instants(Duration.ofNanos(1));
    }

    /**
     * Instants from 1970 to 2999, truncated to {@code precision}.
     *
     * @param precision the finest time step the store keeps
     * @return the arbitrary
     */
    public static Arbitrary<Instant> instants(Duration precision) {
        Instants.checkPrecision(precision);
        return Combinators.combine(
                        Arbitraries.longs().between(EARLIEST.getEpochSecond(), LATEST.getEpochSecond()),
                        Arbitraries.integers().between(0, 999_999_999))
                .as((seconds, nanos) -> Instants.truncate(Instant.ofEpochSecond(seconds, nanos), precision));
    }

    /**
     * Scope sets a record may hold.
     *
     * @return the arbitrary
     */
    public static Arbitrary<ScopeSet> scopeSets() {
        return ScopeArbitraries.scopeSets();
    }

    private static Arbitrary<String> texts(List<String> tricky, int maxLength) {
        Arbitrary<String> common = Arbitraries.strings().withChars(SampleValues.TEXT_CHARACTERS)
                .ofMinLength(1).ofMaxLength(maxLength);
        Arbitrary<String> anyCodePoints = Arbitraries.integers().between(' ', Character.MAX_CODE_POINT)
                .filter(RecordArbitraries::isTextCodePoint)
                .list().ofMinSize(1).ofMaxSize(maxLength / 2)
                .map(RecordArbitraries::fromCodePoints);
        return Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.of(tricky)), Tuple.of(3, common),
                Tuple.of(2, anyCodePoints));
    }

    private static boolean isTextCodePoint(int cp) {
        return !Character.isISOControl(cp) && Character.getType(cp) != Character.SURROGATE
                && cp != '\u2028' && cp != '\u2029';
    }

    private static String fromCodePoints(List<Integer> codePoints) {
        StringBuilder text = new StringBuilder();
        codePoints.forEach(text::appendCodePoint);
        return text.toString();
    }

    /** The fields of a record other than its retirement and use. */
    private record Identity(PlainToken token, ScopeSet scopes, String name, String subject, Instant createdAt,
                            String createdBy) {
    }
}
