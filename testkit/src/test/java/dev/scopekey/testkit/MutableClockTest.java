package dev.scopekey.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MutableClockTest {

    @Test
    void clock_standsStill_untilMoved() {
        MutableClock clock = MutableClock.start();
        assertEquals(MutableClock.DEFAULT_START, clock.instant());
        assertEquals(MutableClock.DEFAULT_START, clock.instant());
        assertEquals(ZoneOffset.UTC, clock.getZone());
        assertEquals(MutableClock.DEFAULT_START.plusSeconds(90), clock.advance(Duration.ofSeconds(90)));
        assertEquals(MutableClock.DEFAULT_START.plusSeconds(90), clock.instant());
        Instant elsewhere = Instant.parse("2001-02-03T04:05:06.789Z");
        clock.set(elsewhere);
        assertEquals(elsewhere.toEpochMilli(), clock.millis());
    }

    @Test
    void withZone_sharesTheTime() {
        MutableClock clock = MutableClock.at(Instant.EPOCH);
        MutableClock paris = clock.withZone(ZoneId.of("Europe/Paris"));
        clock.advance(Duration.ofDays(1));
        assertEquals(Instant.EPOCH.plus(Duration.ofDays(1)), paris.instant());
        assertSame(MutableClock.class, paris.getClass());
        assertEquals(ZoneId.of("Europe/Paris"), paris.getZone());
    }
}
