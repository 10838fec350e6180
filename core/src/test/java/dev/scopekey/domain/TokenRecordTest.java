package dev.scopekey.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class TokenRecordTest {
    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");
    private static final PlainToken TOKEN = PlainToken.of("record-test-token-0123456789");

    private static TokenRecord full() {
        return TokenRecord.builder(TOKEN.prefix(), TOKEN.hash(), ScopeSet.parseList("a:b,c:*"))
                .name("ci").subject("team-a").createdAt(T0).createdBy(ActorLabel.CLI)
                .expiresAt(T0.plusSeconds(1)).lastUsedAt(T0.plusSeconds(2)).revokedAt(T0.plusSeconds(3))
                .revokedBy("config").source(TokenSource.CONFIG)
                .allowedAddresses(AddressList.parse("10.0.0.0/8")).rateLimit(RequestRate.parse("5/minute"))
                .disabled(true).build();
    }

    @Test
    void toBuilder_build_isEqual_withTheSameHashCode() {
        TokenRecord record = full();
        TokenRecord copy = record.toBuilder().build();

        assertEquals(record, copy);
        assertEquals(record.hashCode(), copy.hashCode());
        assertEquals(record.toString(), copy.toString());
    }

    @Test
    void equals_coversEveryField() {
        TokenRecord record = full();
        List<UnaryOperator<TokenRecord.Builder>> changes = List.of(
                b -> b.prefix("other-pr"),
                b -> b.hash(TokenHash.hexOf("other")),
                b -> b.scopes(ScopeSet.parseList("a:b")),
                b -> b.name("other"),
                b -> b.subject(null),
                b -> b.createdAt(null),
                b -> b.createdBy("token:sk_x"),
                b -> b.expiresAt(T0),
                b -> b.lastUsedAt(null),
                b -> b.revokedAt(T0),
                b -> b.revokedBy(null),
                b -> b.source(TokenSource.RUNTIME),
                b -> b.allowedAddresses(null),
                b -> b.allowedAddresses(AddressList.parse("10.0.0.0/9")),
                b -> b.rateLimit(null),
                b -> b.rateLimit(RequestRate.parse("6/minute")),
                b -> b.disabled(false));
        for (UnaryOperator<TokenRecord.Builder> change : changes) {
            assertNotEquals(record, change.apply(record.toBuilder()).build());
        }
    }

    @Test
    void builder_leavesOptionalFieldsNull_andDefaultsToTheStore() {
        TokenRecord bare = TokenRecord.builder(TOKEN.prefix(), TOKEN.hash(), ScopeSet.empty()).build();

        assertEquals(TokenSource.STORE, bare.source());
        assertNull(bare.name());
        assertNull(bare.subject());
        assertNull(bare.createdAt());
        assertNull(bare.createdBy());
        assertNull(bare.expiresAt());
        assertNull(bare.lastUsedAt());
        assertNull(bare.revokedAt());
        assertNull(bare.revokedBy());
        assertNull(bare.allowedAddresses());
        assertNull(bare.rateLimit());
        assertFalse(bare.disabled());
        assertFalse(bare.isRestricted());
    }

    @Test
    void build_refusesAMissingRequiredPart_orAHashThatIsNotLowercaseHex() {
        String hash = TOKEN.hash();
        ScopeSet scopes = ScopeSet.root();
        assertThrows(NullPointerException.class, () -> TokenRecord.builder(null, hash, scopes).build());
        assertThrows(NullPointerException.class, () -> TokenRecord.builder("p", null, scopes).build());
        assertThrows(NullPointerException.class, () -> TokenRecord.builder("p", hash, null).build());
        assertThrows(NullPointerException.class, () -> TokenRecord.builder("p", hash, scopes).source(null).build());
        assertThrows(IllegalArgumentException.class,
                () -> TokenRecord.builder("p", hash.toUpperCase(), scopes).build());
        assertThrows(IllegalArgumentException.class,
                () -> TokenRecord.builder("p", hash.substring(1), scopes).build());
    }

    @Test
    void legacy_isAStoreTokenGrantingEverything_withNothingElseKnown() {
        TokenRecord legacy = TokenRecord.legacy(TOKEN);

        assertEquals(TokenRecord.builder(TOKEN.prefix(), TOKEN.hash(), ScopeSet.root()).build(), legacy);
        assertEquals(TokenSource.STORE, legacy.source());
        assertEquals(ScopeSet.root(), legacy.scopes());
    }

    @Test
    void toString_leavesOutTheHash() {
        TokenRecord record = full();

        assertFalse(record.toString().contains(record.hash()));
        assertFalse(record.toString().contains(TOKEN.reveal()));
    }

    @Test
    void withRevoked_andWithLastUsedAt_changeOnlyTheirFields() {
        TokenRecord record = full();

        assertEquals(record.toBuilder().revokedAt(T0).revokedBy("cli").build(), record.withRevoked(T0, "cli"));
        assertEquals(record.toBuilder().lastUsedAt(T0).build(), record.withLastUsedAt(T0));
    }

    @Test
    void thePrincipal_isBuiltOncePerRecord_andLeavesEqualityAndTextAlone() {
        TokenRecord record = full();
        TokenRecord copy = record.toBuilder().build();
        String text = record.toString();
        int hashCode = record.hashCode();

        TokenPrincipal principal = TokenPrincipal.of(record);
        assertSame(principal, TokenPrincipal.of(record), "one principal per record");
        assertEquals(record.prefix(), principal.prefix());
        assertEquals(record.scopes(), principal.scopes());
        assertNotSame(principal, TokenPrincipal.of(copy), "an equal record of its own gets its own principal");
        assertEquals(copy, record);
        assertEquals(hashCode, record.hashCode());
        assertEquals(text, record.toString());
        assertNotSame(principal, TokenPrincipal.of(record.withLastUsedAt(T0)), "a changed record, a new principal");
    }

    @Test
    void isRestricted_byEachRestriction() {
        TokenRecord bare = TokenRecord.builder(TOKEN.prefix(), TOKEN.hash(), ScopeSet.empty()).build();

        assertTrue(bare.toBuilder().disabled(true).build().isRestricted());
        assertTrue(bare.toBuilder().rateLimit(RequestRate.parse("1/second")).build().isRestricted());
        assertTrue(bare.toBuilder().allowedAddresses(AddressList.parse("::1")).build().isRestricted());
        assertEquals("TokenRecord[prefix=" + TOKEN.prefix() + ", scopes=, name=null, subject=null, createdAt=null,"
                        + " createdBy=null, expiresAt=null, lastUsedAt=null, revokedAt=null, revokedBy=null,"
                        + " source=STORE, allowedAddresses=::1,10.0.0.0/8, rateLimit=1/second, disabled]",
                bare.toBuilder().allowedAddresses(AddressList.parse("::1, 10.0.0.0/8"))
                        .rateLimit(RequestRate.parse("1/second")).disabled(true).build().toString());
    }

    @Test
    void recordsThatDifferHashApart() {
        TokenRecord record = full();
        assertNotEquals(record.hashCode(), record.toBuilder().name("other").build().hashCode());
    }
}
