package dev.scopekey.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenUpdateTest {
    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");
    private static final PlainToken TOKEN = PlainToken.of("update-test-token-0123456789");
    private static final TokenRecord RECORD = TokenRecord.builder(TOKEN.prefix(), TOKEN.hash(),
                    ScopeSet.parseList("a:b")).name("ci").subject("team").createdAt(T0).expiresAt(T0.plusSeconds(9))
            .revokedAt(T0.plusSeconds(5)).revokedBy("cli").allowedAddresses(AddressList.parse("10.0.0.0/8"))
            .build();

    @Test
    void none_changesNothing() {
        assertTrue(TokenUpdate.none().isEmpty());
        assertEquals(RECORD, TokenUpdate.none().applyTo(RECORD));
        assertEquals(List.of(), TokenUpdate.changes(RECORD, TokenUpdate.none().applyTo(RECORD)));
        assertEquals("TokenUpdate[]", TokenUpdate.none().toString());
    }

    @Test
    void applyTo_setsOnlyTheGivenFields_andLeavesScopesSubjectExpiryAndRevocation() {
        TokenUpdate update = TokenUpdate.none().name("renamed").rateLimit(RequestRate.parse("9/minute"))
                .disabled(true);
        TokenRecord updated = update.applyTo(RECORD);

        assertFalse(update.isEmpty());
        assertEquals("renamed", updated.name());
        assertEquals(RequestRate.parse("9/minute"), updated.rateLimit());
        assertTrue(updated.disabled());
        assertEquals(RECORD.allowedAddresses(), updated.allowedAddresses());
        assertEquals(RECORD, updated.toBuilder().name("ci").rateLimit(null).disabled(false).build());
        assertEquals(List.of(TokenUpdate.Field.NAME, TokenUpdate.Field.RATE_LIMIT, TokenUpdate.Field.DISABLED),
                TokenUpdate.changes(RECORD, updated));
    }

    @Test
    void nullClearsAField() {
        TokenRecord cleared = TokenUpdate.none().name(null).allowedAddresses(null).applyTo(RECORD);

        assertNull(cleared.name());
        assertNull(cleared.allowedAddresses());
        assertEquals(List.of(TokenUpdate.Field.NAME, TokenUpdate.Field.ALLOWED_ADDRESSES),
                TokenUpdate.changes(RECORD, cleared));
    }

    @Test
    void settingTheSameValue_isNoChange() {
        TokenUpdate update = TokenUpdate.none().name("ci").disabled(false);
        assertSame(TokenUpdate.Field.NAME, TokenUpdate.Field.valueOf("NAME"));
        assertEquals(List.of(), TokenUpdate.changes(RECORD, update.applyTo(RECORD)));
        assertEquals("TokenUpdate[name=ci, disabled=false]", update.toString());
    }

    @Test
    void theAccessorsTellWhatIsSet() {
        TokenUpdate none = TokenUpdate.none();
        assertFalse(none.setsName());
        assertNull(none.newDisabled());
        TokenUpdate named = none.name("deploy");
        assertTrue(named.setsName());
        assertEquals("deploy", named.newName());
        assertTrue(none.name(null).setsName());
        assertNull(none.name(null).newName());
        assertEquals(Boolean.TRUE, none.disabled(true).newDisabled());
        assertEquals(Boolean.FALSE, none.disabled(false).newDisabled());
        assertEquals("name", TokenUpdate.Field.NAME.key());
        assertEquals("disabled", TokenUpdate.Field.DISABLED.key());
    }
}
