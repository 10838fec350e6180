package dev.scopekey.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scopekey.domain.AuditEventType;
import dev.scopekey.domain.DenialReason;
import dev.scopekey.domain.PlainToken;
import dev.scopekey.service.ClientRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TokenChecksTest {
    private final ScopeKeyFixture fixture = ScopeKeyFixture.create();
    private final PlainToken reader = fixture.mint("reports:read");
    private final ClientRequest request = ClientRequest.from("192.0.2.44");

    @AfterEach
    void close() {
        fixture.close();
    }

    private long events() {
        return fixture.auditEvents().size();
    }

    @Test
    void aHeldScope_isGranted_andLeavesNoEvent() {
        long before = events();
        AuthDecisionAssert.assertGranted(TokenChecks.authorize(fixture.service(), reader.reveal(), "reports:read",
                request), "reports:read");
        assertEquals(before, events());
    }

    @Test
    void aMissingScope_isDeniedOnce_forTheScope() {
        long before = events();
        AuthDecisionAssert.assertDenied(TokenChecks.authorize(fixture.service(), reader.reveal(), "reports:write",
                request), DenialReason.INSUFFICIENT_SCOPE);
        assertEquals(before + 1, events());
        assertEquals(AuditEventType.AUTHORIZATION_DENIED, fixture.auditEvents().get((int) before).type());
        assertEquals("192.0.2.44", fixture.auditEvents().get((int) before).clientAddress());
    }

    @Test
    void textThatIsNoScope_failsClosed_asANullScopeDoes() {
        PlainToken root = fixture.mintRoot();
        for (String notConcrete : new String[] {"", "*", "Reports:Read", null}) {
            AuthDecisionAssert.assertDenied(TokenChecks.authorize(fixture.service(), root.reveal(), notConcrete,
                    request), DenialReason.INSUFFICIENT_SCOPE);
        }
    }

    @Test
    void aTokenThatDoesNotAuthenticate_getsAuthenticationsDecision_once() {
        long before = events();
        AuthDecisionAssert.assertDenied(TokenChecks.authorize(fixture.service(), "not-a-known-token", "reports:read",
                request), DenialReason.UNKNOWN);
        assertEquals(before + 1, events());
        assertEquals(AuditEventType.AUTHENTICATION_DENIED, fixture.auditEvents().get((int) before).type());
    }
}
