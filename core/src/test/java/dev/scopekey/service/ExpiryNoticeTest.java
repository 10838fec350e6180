package dev.scopekey.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.ActorLabel;
import dev.scopekey.domain.AuditEvent;
import dev.scopekey.domain.AuditEventType;
import dev.scopekey.port.TokenQuery;
import dev.scopekey.store.memory.InMemoryTokenStore;
import dev.scopekey.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpiryNoticeTest {
    private static final ClientRequest REQUEST = ClientRequest.from("203.0.113.5");

    private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemoryTokenStore store = new InMemoryTokenStore();
    private final RecordingAuditSink audit = new RecordingAuditSink();
    private final Caller operator = Caller.operator(ActorLabel.CLI);

    private TokenService service(Duration notice) {
        return TokenService.builder(store).clock(clock).audit(audit).lastUsedFlushInterval(null)
                .expiryNotice(notice).build();
    }

    private MintedToken mint(TokenService service, Duration lifetime) {
        return service.mint(operator, MintRequest.of("a:read").expiringIn(lifetime)).value();
    }

    @Test
    void useInTheLastDays_isAuditedOncePerToken() {
        TokenService service = service(Duration.ofDays(7));
        MintedToken token = mint(service, Duration.ofDays(10));
        String plain = token.token().reveal();

        assertTrue(service.authenticate(plain, REQUEST).isGranted());
        assertEquals(0, audit.count(AuditEventType.TOKEN_EXPIRING), "ten days before: no notice");
        clock.advance(Duration.ofDays(4));
        for (int i = 0; i < 50; i++) {
            assertTrue(service.authenticate(plain, REQUEST).isGranted());
        }

        assertEquals(1, audit.count(AuditEventType.TOKEN_EXPIRING), "one notice however many uses");
        AuditEvent event = audit.events.stream().filter(e -> e.type() == AuditEventType.TOKEN_EXPIRING)
                .findFirst().orElseThrow();
        assertEquals(token.record().prefix(), event.target());
        assertEquals(ActorLabel.token(token.record().prefix()), event.actor());
        assertEquals(token.record().expiresAt().toString(), event.facts().get("expires"));
        assertEquals("7d", event.facts().get("notice"));
        assertEquals("203.0.113.5", event.clientAddress());
    }

    @Test
    void withoutNotice_orWithoutExpiry_nothingIsAudited() {
        TokenService quiet = service(null);
        String soon = mint(quiet, Duration.ofHours(1)).token().reveal();
        assertTrue(quiet.authenticate(soon, REQUEST).isGranted());
        TokenService noticing = service(Duration.ofDays(7));
        String eternal = noticing.mint(operator, MintRequest.of("a:read")).value().token().reveal();
        assertTrue(noticing.authenticate(eternal, REQUEST).isGranted());

        assertEquals(0, audit.count(AuditEventType.TOKEN_EXPIRING));
    }

    @Test
    void listExpiring_showsOnlyLiveTokensExpiringWithinTheTime() {
        TokenService service = service(null);
        MintedToken soon = mint(service, Duration.ofDays(3));
        mint(service, Duration.ofDays(30));
        service.mint(operator, MintRequest.of("a:read"));
        MintedToken gone = mint(service, Duration.ofDays(2));
        assertTrue(service.revoke(operator, gone.record().prefix()).isDone());

        List<String> listed = service.listExpiring(operator, TokenQuery.all(), Duration.ofDays(7)).value()
                .records().stream().map(r -> r.prefix()).toList();

        assertEquals(List.of(soon.record().prefix()), listed);
    }

    @Test
    void listExpiring_byANonRootToken_isRefused() {
        TokenService service = service(null);
        String scoped = service.mint(operator, MintRequest.of("a:read")).value().token().reveal();
        Caller caller = Caller.of(((dev.scopekey.domain.AuthDecision.Granted) service.authenticate(scoped, REQUEST))
                .principal(), "203.0.113.5");

        assertEquals(Refusal.Kind.FORBIDDEN,
                service.listExpiring(caller, TokenQuery.all(), Duration.ofDays(7)).refusal().kind());
    }
}
