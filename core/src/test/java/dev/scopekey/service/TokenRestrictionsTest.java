package dev.scopekey.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.AddressList;
import dev.scopekey.domain.AuditEvent;
import dev.scopekey.domain.AuditEventType;
import dev.scopekey.domain.AuthDecision;
import dev.scopekey.domain.DenialReason;
import dev.scopekey.domain.PlainToken;
import dev.scopekey.domain.RequestRate;
import dev.scopekey.domain.ScopeSet;
import dev.scopekey.domain.TokenFormat;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.port.TokenChange;
import dev.scopekey.store.memory.InMemoryTokenStore;
import dev.scopekey.testing.TestClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** A token's own restrictions on the request path: allow-list, disabled, rate limit. */
class TokenRestrictionsTest {
    private static final ClientRequest FROM_LOOPBACK = new ClientRequest("127.0.0.1", "GET", "/r");
    private static final ClientRequest FROM_ELSEWHERE = new ClientRequest("203.0.113.7", "GET", "/r");

    private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemoryTokenStore store = new InMemoryTokenStore();
    private final RecordingAuditSink audit = new RecordingAuditSink();
    private final TokenService service = TokenService.builder(store).clock(clock).audit(audit)
            .lastUsedFlushInterval(null).build();

    private String stored(UnaryOperator<TokenRecord.Builder> restrict) {
        PlainToken token = TokenFormat.standard().generate(new SecureRandom());
        TokenRecord record = TokenRecord.builder(token.prefix(), token.hash(), ScopeSet.parseList("r:read"))
                .createdAt(clock.instant()).build();
        store.apply(TokenChange.insert(restrict.apply(record.toBuilder()).build()));
        return token.reveal();
    }

    private static DenialReason reason(AuthDecision decision) {
        return assertInstanceOf(AuthDecision.Denied.class, decision).reason();
    }

    @Test
    void anAllowList_grantsFromInside_andDeniesFromElsewhere_asAnInvalidToken_auditedWithItsReason() {
        String token = stored(b -> b.allowedAddresses(AddressList.parse("127.0.0.0/8, ::1")));

        assertTrue(service.authenticate(token, FROM_LOOPBACK).isGranted());
        assertTrue(service.authenticate(token, new ClientRequest("0:0:0:0:0:0:0:1", "GET", "/r")).isGranted());
        assertEquals(DenialReason.ADDRESS_NOT_ALLOWED, reason(service.authenticate(token, FROM_ELSEWHERE)));
        assertTrue(DenialReason.ADDRESS_NOT_ALLOWED.isInvalidToken());
        AuditEvent event = audit.last();
        assertEquals(AuditEventType.AUTHENTICATION_DENIED, event.type());
        assertEquals("ADDRESS_NOT_ALLOWED", event.detail());
        assertEquals("203.0.113.7", event.clientAddress());
        assertEquals(TokenFormat.displayPrefix(token).orElseThrow(), event.target());
    }

    @Test
    void anAllowList_deniesARequestWithNoKnownAddress() {
        String token = stored(b -> b.allowedAddresses(AddressList.parse("0.0.0.0/0,::/0")));

        assertEquals(DenialReason.ADDRESS_NOT_ALLOWED, reason(service.authenticate(token, ClientRequest.NONE)));
        assertEquals(DenialReason.ADDRESS_NOT_ALLOWED,
                reason(service.authenticate(token, ClientRequest.from("gateway.internal"))));
    }

    @Test
    void aDisabledToken_isDenied_asAnInvalidToken_andInactiveToIntrospection() {
        String token = stored(b -> b.disabled(true));

        assertEquals(DenialReason.DISABLED, reason(service.authenticate(token, FROM_LOOPBACK)));
        assertTrue(DenialReason.DISABLED.isInvalidToken());
        assertEquals("DISABLED", audit.last().detail());
        assertEquals(DenialReason.DISABLED, reason(service.introspect(token)));
    }

    @Test
    void introspection_ignoresTheHoldersAllowListAndRate() {
        String token = stored(b -> b.allowedAddresses(AddressList.parse("10.0.0.1")).rateLimit(RequestRate.parse("1/hour")));

        assertTrue(service.introspect(token).isGranted());
        assertTrue(service.introspect(token).isGranted());
    }

    @Test
    void aRateLimit_deniesOverTheLimit_withTheWait_andRefillsWithTime() {
        String token = stored(b -> b.rateLimit(RequestRate.parse("2/minute")));

        assertTrue(service.authenticate(token, FROM_LOOPBACK).isGranted());
        assertTrue(service.authenticate(token, FROM_LOOPBACK).isGranted());
        AuthDecision.Denied denied = assertInstanceOf(AuthDecision.Denied.class,
                service.authenticate(token, FROM_LOOPBACK));
        assertEquals(DenialReason.RATE_LIMITED, denied.reason());
        assertEquals(Duration.ofSeconds(30), denied.retryAfter());
        assertEquals(TokenFormat.displayPrefix(token).orElseThrow(), denied.principal().prefix());
        assertEquals("RATE_LIMITED", audit.last().detail());

        clock.advance(Duration.ofSeconds(30));
        assertTrue(service.authenticate(token, FROM_LOOPBACK).isGranted());
        assertEquals(DenialReason.RATE_LIMITED, reason(service.authenticate(token, FROM_LOOPBACK)));
    }

    @Test
    void aRateLimit_isPerToken_andARefusedRequestTakesNoPermit() {
        String limited = stored(b -> b.rateLimit(RequestRate.parse("1/hour"))
                .allowedAddresses(AddressList.parse("127.0.0.1")));
        String other = stored(b -> b.rateLimit(RequestRate.parse("1/hour")));

        assertEquals(DenialReason.ADDRESS_NOT_ALLOWED, reason(service.authenticate(limited, FROM_ELSEWHERE)));
        assertTrue(service.authenticate(limited, FROM_LOOPBACK).isGranted());
        assertTrue(service.authenticate(other, FROM_LOOPBACK).isGranted());
        assertEquals(DenialReason.RATE_LIMITED, reason(service.authenticate(limited, FROM_LOOPBACK)));
    }

    @Test
    void aDeniedRequest_leavesNoLastUse() {
        String token = stored(b -> b.disabled(true));
        service.authenticate(token, FROM_LOOPBACK);
        service.flushLastUsed();

        assertNull(store.findByPrefix(TokenFormat.displayPrefix(token).orElseThrow()).get(0).lastUsedAt());
    }

    @Test
    void rateBuckets_dropFullBuckets_whenTheTableGrows() {
        RateBuckets<Integer> buckets = new RateBuckets<>(clock);
        RequestRate rate = RequestRate.parse("1/second");
        for (int key = 0; key <= RateBuckets.SWEEP_THRESHOLD; key++) {
            assertNull(buckets.acquire(key, rate));
        }
        clock.advance(Duration.ofSeconds(1));
        buckets.acquire(-1, rate);
        buckets.acquire(-2, rate);

        assertEquals(2, buckets.size());
    }
}
