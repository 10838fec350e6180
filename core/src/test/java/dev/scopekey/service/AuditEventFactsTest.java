package dev.scopekey.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.ActorLabel;
import dev.scopekey.domain.AuditEvent;
import dev.scopekey.domain.AuditEventType;
import dev.scopekey.domain.AuthDecision;
import dev.scopekey.domain.DenialReason;
import dev.scopekey.domain.Scope;
import dev.scopekey.domain.TokenPrincipal;
import dev.scopekey.store.memory.InMemoryTokenStore;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue #9: the facts audit events carry beyond type, actor and target — how many tokens a
 * subject revocation took, and denials an adapter decides on its own — and what an event refuses
 * to hold.
 */
class AuditEventFactsTest {
    private final RecordingAuditSink audit = new RecordingAuditSink();
    private final TokenService service = TokenService.builder(new InMemoryTokenStore()).audit(audit)
            .lastUsedFlushInterval(null).build();
    private final Caller operator = Caller.operator(ActorLabel.CLI);

    @Test
    void revokeSubject_isAudited_withTheNumberOfTokensItRevoked() {
        service.mint(operator, MintRequest.of("a").forSubject("alice"));
        service.mint(operator, MintRequest.of("b").forSubject("alice"));
        service.mint(operator, MintRequest.of("c").forSubject("bob"));

        service.revokeSubject(operator, "alice");

        assertEquals(AuditEventType.SUBJECT_TOKENS_REVOKED, audit.last().type());
        assertTrue(audit.last().toString().endsWith(" target=subject:alice at=" + audit.last().at() + " count=2"),
                audit.last().toString());
    }

    @Test
    void deny_ofAnAdaptersRefusal_isAuditedOnce_withTheRequest_noCredentialIncluded() {
        ClientRequest request = new ClientRequest("192.0.2.9", "GET", "/reports");

        AuthDecision.Denied denied = service.deny(DenialReason.INVALID_REQUEST, request);
        service.deny(DenialReason.NO_CREDENTIAL, request);

        assertEquals(DenialReason.INVALID_REQUEST, denied.reason());
        assertEquals(2, audit.events.size(), audit.events.toString());
        assertEquals("authentication_denied actor=anonymous at=" + audit.events.get(0).at()
                + " client=192.0.2.9 detail=INVALID_REQUEST method=GET path=/reports", audit.events.get(0).message());
        assertEquals("authentication_denied actor=anonymous at=" + audit.last().at()
                + " client=192.0.2.9 detail=NO_CREDENTIAL method=GET path=/reports", audit.last().message());
    }

    @Test
    void anInsufficientScope_isAuditedOnce_withScopeMethodAndPathInThatOrder() {
        String token = service.mint(operator, MintRequest.of("reports:read"))
                .value().token().reveal();
        ClientRequest request = new ClientRequest("192.0.2.9", "POST", "/reports");
        TokenPrincipal principal = ((AuthDecision.Granted) service.authenticate(token, request)).principal();
        int before = audit.events.size();

        service.authorize(principal, Scope.of("reports:write"), request);

        assertEquals(before + 1, audit.events.size(), audit.events.toString());
        assertEquals(java.util.List.of("scope", "method", "path"), java.util.List.copyOf(audit.last().facts().keySet()));
        assertEquals("reports:write", audit.last().facts().get("scope"));
        assertEquals(DenialReason.INSUFFICIENT_SCOPE.name(), audit.last().detail());
    }

    @Test
    void deny_ofAnInsufficientScope_isRefused_sinceOnlyAuthorizeKnowsThePrincipal() {
        assertThrows(IllegalArgumentException.class,
                () -> service.deny(DenialReason.INSUFFICIENT_SCOPE, ClientRequest.from(null)));
    }

    @Test
    void aFact_thatWouldShadowAField_isRefused() {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");

        assertThrows(IllegalArgumentException.class, () -> new AuditEvent(AuditEventType.TOKEN_REVOKED, "cli", null,
                at, null, null, Map.of("actor", "forged")));
        assertThrows(IllegalArgumentException.class, () -> new AuditEvent(AuditEventType.TOKEN_REVOKED, "cli", null,
                at, null, null, Map.of("two words", "x")));
    }

    @Test
    void aFactKey_mustStartWithALowercaseLetter_andEndsAtNoLength() {
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        for (String key : new String[] {"", "Upper", "1st", "_x", "{x", "`x"}) {
            assertThrows(IllegalArgumentException.class, () -> new AuditEvent(AuditEventType.TOKEN_REVOKED, "cli", null,
                    at, null, null, Map.of(key, "v")), key);
        }
        java.util.HashMap<String, String> nullKey = new java.util.HashMap<>();
        nullKey.put(null, "v");
        assertThrows(IllegalArgumentException.class, () -> new AuditEvent(AuditEventType.TOKEN_REVOKED, "cli", null,
                at, null, null, nullKey));
        assertEquals(Map.of("a", "1", "z", "2", "a_z", "3"), new AuditEvent(AuditEventType.TOKEN_REVOKED, "cli", null,
                at, null, null, Map.of("a", "1", "z", "2", "a_z", "3")).facts());
    }

    @Test
    void anAuthorizationDenial_carriesScopeMethodAndPath_asFactsThatIterate() {
        String token = service.mint(operator, MintRequest.of("reports:read")).value().token().reveal();
        TokenPrincipal principal = ((AuthDecision.Granted) service.authenticate(token, ClientRequest.NONE)).principal();

        service.authorize(principal, Scope.of("reports:write"), new ClientRequest("192.0.2.7", "POST", "/reports"));

        Map<String, String> facts = audit.last().facts();
        assertEquals(Map.of("scope", "reports:write", "method", "POST", "path", "/reports"), facts);
        assertEquals(java.util.List.of("scope", "method", "path"), java.util.List.copyOf(facts.keySet()));
    }
}
