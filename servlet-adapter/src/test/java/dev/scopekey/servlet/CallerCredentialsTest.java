package dev.scopekey.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scopekey.servlet.CallerCredentials.Mode;
import org.junit.jupiter.api.Test;

class CallerCredentialsTest {
    private static final String OPERATOR = "operator-boot-key";
    private static final String CALLER = "callers-own-token";

    @Test
    void shared_tenantOperation_usesTheCallersToken() {
        assertEquals(CALLER, CallerCredentials.of(Mode.SHARED).withOperatorKey(OPERATOR).forTenant(CALLER).reveal());
    }

    @Test
    void shared_tenantOperation_withoutCallerToken_isRefused_neverTheOperatorKey() {
        CallerCredentials credentials = CallerCredentials.of(Mode.SHARED).withOperatorKey(OPERATOR);

        AuthenticationRequiredException e = assertThrows(AuthenticationRequiredException.class,
                () -> credentials.forTenant((String) null));
        assertEquals(CallerCredentials.AUTHENTICATION_REQUIRED, e.getMessage());
        assertThrows(AuthenticationRequiredException.class, () -> credentials.forTenant(""));
        assertThrows(AuthenticationRequiredException.class, () -> credentials.forTenant("has space"));
    }

    @Test
    void local_tenantOperation_mayUseTheOperatorKey() {
        CallerCredentials credentials = CallerCredentials.of(Mode.LOCAL).withOperatorKey(OPERATOR);

        assertEquals(OPERATOR, credentials.forTenant((String) null).reveal());
        assertEquals(CALLER, credentials.forTenant(CALLER).reveal());
        assertThrows(AuthenticationRequiredException.class,
                () -> CallerCredentials.of(Mode.LOCAL).forTenant((String) null));
    }

    @Test
    void publicOperation_fallsBackToTheOperatorKey_inBothModes() {
        for (Mode mode : Mode.values()) {
            CallerCredentials credentials = CallerCredentials.of(mode).withOperatorKey(OPERATOR);
            assertEquals(OPERATOR, credentials.forPublic((String) null).reveal(), mode.name());
            assertEquals(CALLER, credentials.forPublic(CALLER).reveal(), mode.name());
            assertThrows(AuthenticationRequiredException.class,
                    () -> CallerCredentials.of(mode).forPublic((String) null), mode.name());
        }
    }

    @Test
    void modes_parse_andToStringHidesTheKey() {
        assertEquals(Mode.SHARED, Mode.parse("Shared"));
        assertEquals(Mode.LOCAL, Mode.parse(" local "));
        assertThrows(IllegalArgumentException.class, () -> Mode.parse("open"));
        assertFalse(CallerCredentials.of(Mode.LOCAL).withOperatorKey(OPERATOR).toString().contains(OPERATOR));
        assertFalse(CallerCredentials.of(Mode.LOCAL).withOperatorKey(OPERATOR).forTenant((String) null).toString()
                .contains(OPERATOR));
    }
}
