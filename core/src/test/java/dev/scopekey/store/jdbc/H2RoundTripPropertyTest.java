package dev.scopekey.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scopekey.domain.ScopeSet;
import dev.scopekey.domain.TokenHash;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.domain.TokenSource;
import dev.scopekey.port.TokenChange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Any record the schema can hold comes back equal to what the store keeps of it. */
class H2RoundTripPropertyTest {
    private static final Instant FIRST = Instant.parse("1000-01-01T00:00:00Z");
    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private static TestDatabase db;
    private static JdbcTokenStore writer;
    private static JdbcTokenStore reader;

    @BeforeContainer
    static void open() {
        db = TestDatabase.h2();
        JdbcMigrations.apply(db.dataSource());
        writer = JdbcTokenStore.builder(db.dataSource()).listenForChanges(false).build();
        reader = JdbcTokenStore.builder(db.dataSource()).cacheTtl(Duration.ZERO).build();
    }

    @AfterContainer
    static void close() {
        writer.close();
        reader.close();
        db.close();
    }

    @Property(tries = 200)
    void record_readBack_equalsWhatTheStoreKeeps(@ForAll("records") TokenRecord record) {
        db.clear();
        writer.apply(TokenChange.insert(record));

        assertEquals(Optional.of(TokenRows.stored(record)), reader.findByHash(record.hash()));
        assertEquals(List.of(TokenRows.stored(record)), reader.findByPrefix(record.prefix()));
    }

    @Provide
    Arbitrary<TokenRecord> records() {
        Arbitrary<String> text = Arbitraries.strings().withCharRange(' ', '\uD7FF').ofMinLength(1).ofMaxLength(100)
                .injectNull(0.3);
        return Builders.withBuilder(Draft::new)
                .use(Arbitraries.strings().withCharRange('!', '~').ofMinLength(0).ofMaxLength(64)).in(Draft::prefix)
                .use(Arbitraries.strings().ofMaxLength(40)).in(Draft::hashOf)
                .use(Arbitraries.of("kafka:read", "workspaces:*", "*", "a:b:c,d:e", "")).in(Draft::scopes)
                .use(text).in(Draft::name)
                .use(text).in(Draft::subject)
                .use(text).in(Draft::by)
                .use(instants()).in(Draft::createdAt)
                .use(instants()).in(Draft::expiresAt)
                .use(instants()).in(Draft::lastUsedAt)
                .use(instants()).in(Draft::revokedAt)
                .use(Arbitraries.of(TokenSource.class)).in(Draft::source)
                .build(Draft::record);
    }

    private static Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(FIRST.getEpochSecond(), LAST.getEpochSecond())
                .flatMap(seconds -> Arbitraries.integers().between(0, 999_999_999)
                        .map(nanos -> Instant.ofEpochSecond(seconds, nanos)))
                .injectNull(0.3);
    }

    /** A record being drawn, field by field. */
    private static final class Draft {
        private String prefix;
        private String hash;
        private ScopeSet scopes;
        private String name;
        private String subject;
        private String by;
        private Instant createdAt;
        private Instant expiresAt;
        private Instant lastUsedAt;
        private Instant revokedAt;
        private TokenSource source;

        Draft prefix(String value) {
            prefix = value;
            return this;
        }

        Draft hashOf(String seed) {
            hash = TokenHash.hexOf("x" + seed);
            return this;
        }

        Draft scopes(String value) {
            scopes = value.isEmpty() ? ScopeSet.empty() : ScopeSet.parseList(value);
            return this;
        }

        Draft name(String value) {
            name = value;
            return this;
        }

        Draft subject(String value) {
            subject = value;
            return this;
        }

        Draft by(String value) {
            by = value;
            return this;
        }

        Draft createdAt(Instant value) {
            createdAt = value;
            return this;
        }

        Draft expiresAt(Instant value) {
            expiresAt = value;
            return this;
        }

        Draft lastUsedAt(Instant value) {
            lastUsedAt = value;
            return this;
        }

        Draft revokedAt(Instant value) {
            revokedAt = value;
            return this;
        }

        Draft source(TokenSource value) {
            source = value;
            return this;
        }

        TokenRecord record() {
            return TokenRecord.builder(prefix, hash, scopes)
                    .name(name)
                    .subject(subject)
                    .createdAt(createdAt)
                    .createdBy(by)
                    .expiresAt(expiresAt)
                    .lastUsedAt(lastUsedAt)
                    .revokedAt(revokedAt)
                    .revokedBy(by)
                    .source(source)
                    .build();
        }
    }
}
