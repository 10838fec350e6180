package dev.scopekey.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scopekey.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The mint rate's token bucket: how many mints it grants, what retry-after it names, and its table's bound. */
class MintRateLimitTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00.900Z");
    private static final int SWEEP_THRESHOLD = 10_000;

    private final TestClock clock = new TestClock(START);

    @Test
    void mintRateLimit_refusesTheEleventhMintWithinTheHour_andAllowsItAfterTheRefill() {
        MintRateLimit limit = new MintRateLimit(10, Duration.ofHours(1), clock);

        for (int i = 0; i < 10; i++) {
            assertNull(limit.acquire("10.0.0.1"), "mint " + (i + 1));
        }
        assertEquals(Duration.ofMinutes(6), limit.acquire("10.0.0.1"), "one permit refills every 6 minutes");

        clock.advance(Duration.ofMinutes(6).minusNanos(1));
        assertEquals(Duration.ofNanos(1), limit.acquire("10.0.0.1"));
        clock.advance(Duration.ofNanos(1));
        assertNull(limit.acquire("10.0.0.1"), "the refilled permit is granted");
        assertEquals(Duration.ofMinutes(6), limit.acquire("10.0.0.1"), "and only that one");
    }

    @Test
    void mintRateLimit_namesTheTimeLeft_acrossASecondBoundary() {
        MintRateLimit limit = new MintRateLimit(1, Duration.ofSeconds(1), clock);

        assertNull(limit.acquire("client"));
        clock.advance(Duration.ofMillis(250));
        assertEquals(Duration.ofMillis(750), limit.acquire("client"), "0.9 s + 0.25 s crosses into the next second");
        clock.advance(Duration.ofMillis(750));
        assertNull(limit.acquire("client"));
    }

    @Test
    void mintRateLimit_keepsOneBucketPerClient() {
        MintRateLimit limit = new MintRateLimit(1, Duration.ofMinutes(1), clock);

        assertNull(limit.acquire("a"));
        assertEquals(Duration.ofMinutes(1), limit.acquire("a"));
        assertNull(limit.acquire("b"), "another client has its own permit");
    }

    @Test
    void mintRateLimit_withMorePermitsThanNanos_stillGrantsEachPermitOnce() {
        MintRateLimit limit = new MintRateLimit(4, Duration.ofNanos(2), clock);

        for (int i = 0; i < 4; i++) {
            assertNull(limit.acquire("client"), "mint " + (i + 1));
        }
        assertEquals(Duration.ofNanos(1), limit.acquire("client"), "a permit is at least one nanosecond");
    }

    @Test
    void mintRateLimit_refusesAConfigurationWithoutPermits() {
        assertThrows(IllegalArgumentException.class, () -> new MintRateLimit(0, Duration.ofHours(1), clock));
        assertThrows(IllegalArgumentException.class, () -> new MintRateLimit(1, Duration.ZERO, clock));
        assertThrows(IllegalArgumentException.class, () -> new MintRateLimit(1, Duration.ofHours(-1), clock));
        assertNull(new MintRateLimit(1, Duration.ofNanos(1), clock).acquire("client"), "one permit per nanosecond is a rate");
    }

    @Test
    void mintRateLimit_dropsRefilledBuckets_onlyOnceTheTableHoldsMoreThanTenThousandClients() {
        MintRateLimit limit = new MintRateLimit(1, Duration.ofMinutes(1), clock);
        for (int i = 0; i < SWEEP_THRESHOLD; i++) {
            limit.acquire("client-" + i);
        }
        clock.advance(Duration.ofMinutes(1));

        limit.acquire("client-" + SWEEP_THRESHOLD);
        assertEquals(SWEEP_THRESHOLD + 1, limit.clients(), "at the threshold nothing is swept yet");

        limit.acquire("one-more");
        assertEquals(2, limit.clients(), "past it, every refilled bucket is dropped: the two just used stay");
    }

    @Test
    void mintRateLimit_sweep_keepsTheBucketsStillRefilling() {
        MintRateLimit limit = new MintRateLimit(1, Duration.ofMinutes(1), clock);
        for (int i = 0; i <= SWEEP_THRESHOLD; i++) {
            limit.acquire("client-" + i);
        }

        limit.acquire("one-more");
        assertEquals(SWEEP_THRESHOLD + 2, limit.clients());
        assertEquals(Duration.ofMinutes(1), limit.acquire("client-0"), "a swept table still remembers its clients");
    }
}
