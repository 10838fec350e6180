package dev.scopekey.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.scopekey.domain.ActorLabel;
import dev.scopekey.domain.AuditEvent;
import dev.scopekey.domain.AuditEventType;
import dev.scopekey.domain.AuthDecision;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.port.TokenQuery;
import dev.scopekey.store.memory.InMemoryTokenStore;
import dev.scopekey.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the admin servlet used to decide itself is the service's now: a mint request or a rotation
 * the adapter could not read is still counted, checked for who asks and audited; a listing of live
 * tokens needs no clock from the adapter.
 */
class UnreadableRequestsAreDecidedByTheServiceTest {
    private static final String CLIENT = "198.51.100.9";

    private final TestClock clock = new TestClock(Instant.parse("2026-03-01T00:00:00Z"));
    private final RecordingAuditSink audit = new RecordingAuditSink();
    private final TokenService service = TokenService.builder(new InMemoryTokenStore()).clock(clock).audit(audit)
            .lastUsedFlushInterval(null).mintRate(2, Duration.ofHours(1)).build();
    private final Caller operator = Caller.operator(ActorLabel.CLI);

    private Caller callerFor(String... scopes) {
        String token = service.mint(operator, MintRequest.of(scopes)).value().token().reveal();
        AuthDecision decision = service.authenticate(token, ClientRequest.NONE);
        return Caller.of(assertInstanceOf(AuthDecision.Granted.class, decision).principal(), CLIENT);
    }

    @Test
    void anUnreadableMintRequest_countsAgainstTheRateLimit_likeEveryMintRequest() {
        Caller root = callerFor("*");

        Refusal first = service.refuseMint(root, "the JSON body must be an object");
        assertEquals(Refusal.Kind.INVALID_REQUEST, first.kind());
        assertEquals("the JSON body must be an object", first.message());
        assertEquals(AuditEventType.MINT_REFUSED, audit.last().type());
        assertEquals("invalid_request", audit.last().detail());

        assertEquals(true, service.mint(root, MintRequest.of("reports:read")).isDone(), "the second of two permits");
        Refusal limited = service.refuseMint(root, "the JSON body must be an object");
        assertEquals(Refusal.Kind.RATE_LIMITED, limited.kind(), "two requests used both permits, the read one too");
        assertNotNull(limited.retryAfter());
        assertEquals(Refusal.Kind.RATE_LIMITED, service.mint(root, MintRequest.of("reports:read")).refusal().kind());
    }

    @Test
    void anUnreadableMintRequest_byACallerWhoMayNotMint_isForbidden_andAudited() {
        Caller reader = callerFor("reports:read");

        Refusal refusal = service.refuseMint(reader, "the body is not valid UTF-8");

        assertEquals(Refusal.Kind.FORBIDDEN, refusal.kind());
        AuditEvent event = audit.last();
        assertEquals(AuditEventType.MINT_REFUSED, event.type());
        assertEquals("forbidden", event.detail());
        assertEquals(reader.actor(), event.actor());
        assertEquals(CLIENT, event.clientAddress());
    }

    @Test
    void aRotationByANonRootCaller_isForbiddenByTheService_withAnAuditEvent_whateverItsBody() {
        Caller reader = callerFor("reports:read");
        TokenRecord target = service.mint(operator, MintRequest.of("reports:write")).value().record();

        Refusal unreadable = service.refuseRotate(reader, target.prefix(), "graceSeconds is a whole number");
        assertEquals(Refusal.Kind.FORBIDDEN, unreadable.kind());
        assertEquals(AuditEventType.ROTATE_REFUSED, audit.last().type());
        assertEquals(target.prefix(), audit.last().target());
        assertEquals("forbidden", audit.last().detail());

        int before = audit.events.size();
        Refusal read = service.rotate(reader, target.prefix(), Duration.ZERO).refusal();
        assertEquals(Refusal.Kind.FORBIDDEN, read.kind());
        assertEquals(before + 1, audit.events.size());
        assertEquals(AuditEventType.ROTATE_REFUSED, audit.last().type());
    }

    @Test
    void anUnreadableRotation_byRoot_isInvalid_audited_andTouchesNoToken() {
        Caller root = callerFor("*");
        TokenRecord target = service.mint(operator, MintRequest.of("reports:write")).value().record();

        Refusal refusal = service.refuseRotate(root, target.prefix(), "graceSeconds is a whole number");

        assertEquals(Refusal.Kind.INVALID_REQUEST, refusal.kind());
        assertEquals("graceSeconds is a whole number", refusal.message());
        assertEquals(AuditEventType.ROTATE_REFUSED, audit.last().type());
        assertNull(service.listLive(operator, TokenQuery.all()).value().records().stream()
                .filter(r -> r.prefix().equals(target.prefix())).findFirst().orElseThrow().revokedAt());
    }

    @Test
    void anUnreadableRotation_namesNoTargetThatIsNotAPrefix() {
        Caller reader = callerFor("reports:read");

        service.refuseRotate(reader, "not a prefix at all", "graceSeconds is a whole number");

        assertNull(audit.last().target());
    }

    @Test
    void listLive_readsTheServicesClock_andLeavesRevokedAndExpiredTokensOut() {
        TokenRecord kept = service.mint(operator, MintRequest.of("a")).value().record();
        TokenRecord revoked = service.mint(operator, MintRequest.of("b")).value().record();
        service.mint(operator, MintRequest.of("c").expiringIn(Duration.ofMinutes(5)));
        service.revoke(operator, revoked.prefix());
        clock.advance(Duration.ofMinutes(5));

        List<TokenRecord> live = service.listLive(operator, TokenQuery.all()).value().records();
        List<TokenRecord> every = service.list(operator, TokenQuery.all()).value().records();

        assertEquals(List.of(kept.prefix()), live.stream().map(TokenRecord::prefix).toList());
        assertEquals(3, every.size());
    }
}
