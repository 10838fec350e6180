package dev.scopekey.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.ActorLabel;
import dev.scopekey.domain.AuthDecision;
import dev.scopekey.domain.DenialReason;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.port.AuditSink;
import dev.scopekey.store.memory.InMemoryTokenStore;
import dev.scopekey.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Last use is coarse: uses within the window are only read, yet the latest time still reaches the store. */
class LastUseCoalescingTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00.123456789Z");
    private static final Duration WINDOW = Duration.ofMillis(LastUseRecorder.COALESCE_MILLIS);

    private final TestClock clock = new TestClock(T0);
    private final InMemoryTokenStore memory = new InMemoryTokenStore();
    private final CountingStore store = new CountingStore(memory);
    private final TokenService service = TokenService.builder(store).clock(clock)
            .audit(AuditSink.discarding()).lastUsedFlushInterval(null).build();
    private final Caller operator = Caller.operator(ActorLabel.CLI);

    private MintedToken mint() {
        return service.mint(operator, MintRequest.of("reports:read")).value();
    }

    private TokenRecord stored(MintedToken minted) {
        return memory.findByPrefix(minted.record().prefix()).get(0);
    }

    @Test
    void usesWithinTheWindow_keepTheFirstTime_andTheTimeIsFlushedAtFullPrecision() {
        MintedToken minted = mint();
        assertTrue(service.authenticate(minted.token().reveal(), ClientRequest.NONE).isGranted());
        clock.advance(WINDOW.minusMillis(1));
        assertTrue(service.authenticate(minted.token().reveal(), ClientRequest.NONE).isGranted());

        assertTrue(service.flushLastUsed());

        assertEquals(T0, stored(minted).lastUsedAt(), "the pending time is the first use of the window, to the nanosecond");
        assertEquals(1, store.usedTokens.get());
    }

    @Test
    void aUseAfterTheWindow_movesThePendingTimeForward_andAfterAFlushAUseIsNotedAgain() {
        MintedToken minted = mint();
        assertTrue(service.authenticate(minted.token().reveal(), ClientRequest.NONE).isGranted());
        clock.advance(WINDOW);
        assertTrue(service.authenticate(minted.token().reveal(), ClientRequest.NONE).isGranted());
        assertTrue(service.flushLastUsed());
        assertEquals(T0.plus(WINDOW), stored(minted).lastUsedAt());

        clock.advance(Duration.ofMillis(1));
        assertTrue(service.authenticate(minted.token().reveal(), ClientRequest.NONE).isGranted());
        assertTrue(service.flushLastUsed());
        assertEquals(T0.plus(WINDOW).plusMillis(1), stored(minted).lastUsedAt(), "a flush empties the window");
    }

    @Test
    void aClockThatStepsBack_neverMovesLastUseBackwards() {
        MintedToken minted = mint();
        clock.advance(Duration.ofMinutes(5));
        assertTrue(service.authenticate(minted.token().reveal(), ClientRequest.NONE).isGranted());
        clock.set(T0.plusSeconds(10));
        assertTrue(service.authenticate(minted.token().reveal(), ClientRequest.NONE).isGranted());
        assertTrue(service.flushLastUsed());
        assertEquals(T0.plus(Duration.ofMinutes(5)), stored(minted).lastUsedAt());

        assertTrue(service.authenticate(minted.token().reveal(), ClientRequest.NONE).isGranted());
        assertTrue(service.flushLastUsed());
        assertEquals(T0.plus(Duration.ofMinutes(5)), stored(minted).lastUsedAt(), "the store never goes back either");
    }

    @Test
    void aTokenRevokedWhileItsUseIsPending_staysRevokedAfterTheFlush() {
        MintedToken minted = mint();
        assertTrue(service.authenticate(minted.token().reveal(), ClientRequest.NONE).isGranted());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(service.revoke(operator, minted.record().prefix()).isDone());

        assertTrue(service.flushLastUsed());

        TokenRecord after = stored(minted);
        assertEquals(T0, after.lastUsedAt());
        assertTrue(after.isRevokedAt(clock.instant()), "a flush never writes a revoked record back unrevoked");
        assertEquals(DenialReason.REVOKED, assertInstanceOf(AuthDecision.Denied.class,
                service.authenticate(minted.token().reveal(), ClientRequest.NONE)).reason());
    }

    @Test
    void aTokenThatCanExpire_isNotedToo() {
        MintedToken minted = service.mint(operator, MintRequest.of("a").expiringIn(Duration.ofHours(1))).value();
        clock.advance(Duration.ofMinutes(1));
        assertTrue(service.authenticate(minted.token().reveal(), ClientRequest.NONE).isGranted());
        assertTrue(service.flushLastUsed());
        assertEquals(T0.plus(Duration.ofMinutes(1)), stored(minted).lastUsedAt());
    }
}
