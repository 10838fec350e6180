package dev.scopekey.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.AuthDecision;
import dev.scopekey.domain.DenialReason;
import dev.scopekey.domain.PlainToken;
import dev.scopekey.domain.TokenPrincipal;
import dev.scopekey.service.ClientRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class AuthDecisionAssertTest {
    private final ScopeKeyFixture fixture = ScopeKeyFixture.create();
    private final PlainToken token = fixture.mint("reports:read");

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void assertGranted_returnsThePrincipal_ofAGrant() {
        AuthDecision decision = fixture.service().authenticate(token.reveal(), ClientRequest.NONE);
        TokenPrincipal principal = AuthDecisionAssert.assertGranted(decision);
        assertSame(((AuthDecision.Granted) decision).principal(), principal);
        assertSame(principal, AuthDecisionAssert.assertGranted(decision, "reports:read"));
    }

    @Test
    void assertGranted_failsOnDenial_namingTheReason_notTheToken() {
        AuthDecision denied = TokenChecks.authorize(fixture.service(), token.reveal(), "reports:write", ClientRequest.NONE);
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> AuthDecisionAssert.assertGranted(denied));
        assertTrue(e.getMessage().contains("INSUFFICIENT_SCOPE"), e.getMessage());
        assertTrue(e.getMessage().contains("reports:write"), e.getMessage());
        assertNoSecret(e);
    }

    @Test
    void assertGrantedWithScope_failsWhenThePrincipalLacksIt() {
        AuthDecision granted = fixture.service().authenticate(token.reveal(), ClientRequest.NONE);
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> AuthDecisionAssert.assertGranted(granted, "reports:write"));
        assertTrue(e.getMessage().contains("reports:write"), e.getMessage());
        assertNoSecret(e);
    }

    @Test
    void assertDenied_checksTheReason() {
        fixture.service().revoke(fixture.operator(), token.prefix()).value();
        AuthDecision revoked = fixture.service().authenticate(token.reveal(), ClientRequest.NONE);
        assertEquals(DenialReason.REVOKED, AuthDecisionAssert.assertDenied(revoked, DenialReason.REVOKED).reason());
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> AuthDecisionAssert.assertDenied(revoked, DenialReason.EXPIRED));
        assertTrue(e.getMessage().contains("EXPIRED") && e.getMessage().contains("REVOKED"), e.getMessage());
        assertNoSecret(e);
    }

    @Test
    void assertDenied_failsOnGrant_describingThePrincipalWithoutTheToken() {
        AuthDecision granted = fixture.service().authenticate(token.reveal(), ClientRequest.NONE);
        AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> AuthDecisionAssert.assertDenied(granted));
        assertTrue(e.getMessage().contains("granted"), e.getMessage());
        assertTrue(e.getMessage().contains(token.prefix()), e.getMessage());
        assertNoSecret(e);
    }

    @Test
    void assertUnavailable_acceptsOnlyUnavailable() {
        AuthDecision unavailable = new AuthDecision.Unavailable("token store unavailable: TokenStoreException");
        assertSame(unavailable, AuthDecisionAssert.assertUnavailable(unavailable));
        AuthDecision granted = fixture.service().authenticate(token.reveal(), ClientRequest.NONE);
        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> AuthDecisionAssert.assertUnavailable(granted));
        assertNoSecret(e);
        AssertionFailedError onUnavailable = assertThrows(AssertionFailedError.class,
                () -> AuthDecisionAssert.assertGranted(unavailable));
        assertTrue(onUnavailable.getMessage().contains("unavailable"), onUnavailable.getMessage());
    }

    @Test
    void assertions_failOnNull() {
        assertThrows(AssertionFailedError.class, () -> AuthDecisionAssert.assertGranted(null));
        assertThrows(AssertionFailedError.class, () -> AuthDecisionAssert.assertDenied(null));
        assertThrows(AssertionFailedError.class, () -> AuthDecisionAssert.assertUnavailable(null));
    }

    private void assertNoSecret(AssertionFailedError e) {
        String secret = token.reveal().substring(token.prefix().length());
        assertFalse(e.getMessage().contains(secret), "the message holds no secret");
        assertFalse(String.valueOf(e.getExpected()).contains(secret));
        assertFalse(String.valueOf(e.getActual()).contains(secret));
    }
}
