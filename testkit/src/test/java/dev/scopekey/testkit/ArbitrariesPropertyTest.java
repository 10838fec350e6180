package dev.scopekey.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.ActorLabel;
import dev.scopekey.domain.PlainToken;
import dev.scopekey.domain.TokenHash;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.port.AuditSink;
import dev.scopekey.service.Caller;
import dev.scopekey.service.MintRequest;
import dev.scopekey.service.MintedToken;
import dev.scopekey.service.Outcome;
import dev.scopekey.service.TokenService;
import dev.scopekey.store.memory.InMemoryTokenStore;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** The testkit's arbitraries produce what their documentation promises, in useful variety. */
class ArbitrariesPropertyTest {

    @Property(tries = 1000)
    void concreteAndWildcardScopes_matchTheGrammar(@ForAll("concrete") String concrete, @ForAll("wildcards") String wildcard) {
        assertTrue(ScopeGrammar.isConcrete(concrete), concrete);
        assertTrue(ScopeGrammar.isValid(wildcard) && wildcard.endsWith(":*"), wildcard);
        Statistics.label("long concrete scope").collect(concrete.length() > 100);
        Statistics.label("long concrete scope").coverage(c -> c.check(true).percentage(p -> p > 1));
    }

    @Property(tries = 1000)
    void invalidScopes_neverMatchTheGrammar(@ForAll("invalid") String text) {
        assertFalse(ScopeGrammar.isValid(text), text);
    }

    @Property(tries = 1000)
    void namesAndSubjects_areAcceptedByMint(@ForAll("names") String name, @ForAll("subjects") String subject) {
        try (TokenService service = TokenService.builder(new InMemoryTokenStore()).audit(AuditSink.discarding())
                .lastUsedFlushInterval(null).build()) {
            Outcome<MintedToken> minted = service.mint(Caller.operator(ActorLabel.CLI),
                    MintRequest.of("a").named(name).forSubject(subject));
            assertTrue(minted.isDone(), () -> "refused: " + minted.refusal().message());
        }
        assertTrue(StandardCharsets.UTF_8.newEncoder().canEncode(name + subject), "text encodes in UTF-8");
        Statistics.label("non-ASCII name").collect(!StandardCharsets.US_ASCII.newEncoder().canEncode(name));
        Statistics.label("non-ASCII name").coverage(c -> c.check(true).percentage(p -> p > 20));
    }

    @Property(tries = 1000)
    void records_mixPresentAndAbsentFields_atTheGivenPrecision(@ForAll("recordsInMillis") TokenRecord record) {
        assertTrue(TokenHash.isHex(record.hash()));
        assertFalse(record.scopes().isEmpty());
        for (java.time.Instant at : Arrays.asList(record.createdAt(), record.expiresAt(), record.lastUsedAt(),
                record.revokedAt())) {
            assertTrue(at == null || at.getNano() % 1_000_000 == 0, "millisecond precision: " + at);
        }
        Statistics.label("name set").collect(record.name() != null);
        Statistics.label("revoked").collect(record.revokedAt() != null);
        Statistics.label("legacy").collect(record.prefix().length() <= PlainToken.LEGACY_PREFIX_LENGTH);
        Statistics.label("name set").coverage(c -> {
            c.check(true).percentage(p -> p > 30);
            c.check(false).percentage(p -> p > 20);
        });
        Statistics.label("revoked").coverage(c -> c.check(false).percentage(p -> p > 20));
        Statistics.label("legacy").coverage(c -> {
            c.check(true).percentage(p -> p > 10);
            c.check(false).percentage(p -> p > 10);
        });
    }

    @Property(tries = 1000)
    void tokenFiles_coverEveryKindOfLineAndEnding(@ForAll("files") byte[] file) {
        String latin = new String(file, StandardCharsets.ISO_8859_1);
        Statistics.label("CRLF").collect(latin.contains("\r\n"));
        Statistics.label("LF only line").collect(latin.matches("(?s).*[^\r]\n.*"));
        Statistics.label("no final newline").collect(file.length > 0 && file[file.length - 1] != '\n');
        Statistics.label("hashed line").collect(latin.contains("sha256:"));
        Statistics.label("comment").collect(latin.contains("#"));
        Statistics.label("attribute").collect(latin.contains("\texpires=") || latin.contains("\tx-team="));
        Statistics.label("invalid UTF-8").collect(!isUtf8(file));
        for (String label : new String[] {"CRLF", "LF only line", "no final newline", "hashed line", "comment",
                "attribute", "invalid UTF-8"}) {
            Statistics.label(label).coverage(c -> c.check(true).percentage(p -> p > 5));
        }
    }

    @Property(tries = 1000)
    void legacyLineTokens_areSingleTokensThatStartNoOtherKindOfLine(@ForAll("legacyLineTokens") String token) {
        assertTrue(PlainToken.isWellFormed(token));
        assertFalse(token.startsWith("#"));
        assertFalse(token.startsWith("sha256:"));
        assertEquals(-1, token.indexOf('\t'));
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @Property(tries = 200)
    void caseVariants_differFromTheToken_inLetterCaseOnly(@ForAll("mintedTexts") String token) {
        List<String> variants = TokenArbitraries.caseVariants(token);

        assertTrue(variants.size() >= 2, variants.size() + " variants");
        assertEquals(variants.size(), new HashSet<>(variants).size(), "a variant repeats");
        for (String variant : variants) {
            assertFalse(variant.equals(token), "a variant is the token");
            assertTrue(variant.equalsIgnoreCase(token), "a variant differs in more than letter case");
        }
    }

    @Provide
    Arbitrary<String> concrete() {
        return ScopeArbitraries.concrete();
    }

    @Provide
    Arbitrary<String> wildcards() {
        return ScopeArbitraries.wildcards();
    }

    @Provide
    Arbitrary<String> invalid() {
        return ScopeArbitraries.invalid();
    }

    @Provide
    Arbitrary<String> names() {
        return RecordArbitraries.names();
    }

    @Provide
    Arbitrary<String> subjects() {
        return RecordArbitraries.subjects();
    }

    @Provide
    Arbitrary<TokenRecord> recordsInMillis() {
        return RecordArbitraries.records(Duration.ofMillis(1));
    }

    @Provide
    Arbitrary<byte[]> files() {
        return TokenFileArbitraries.files();
    }

    @Provide
    Arbitrary<String> legacyLineTokens() {
        return TokenFileArbitraries.legacyLineTokens();
    }

    @Provide
    Arbitrary<String> mintedTexts() {
        return TokenArbitraries.mintedTexts();
    }
}
