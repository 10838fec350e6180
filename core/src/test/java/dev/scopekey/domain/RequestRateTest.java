package dev.scopekey.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestRateTest {

    @Test
    void parse_readsUnitsAndDurations() {
        assertEquals(new RequestRate(100, Duration.ofMinutes(1)), RequestRate.parse("100/minute"));
        assertEquals(new RequestRate(5, Duration.ofSeconds(1)), RequestRate.parse(" 5 / Second "));
        assertEquals(new RequestRate(10, Duration.ofHours(1)), RequestRate.parse("10/hour"));
        assertEquals(new RequestRate(1, Duration.ofDays(1)), RequestRate.parse("1/day"));
        assertEquals(new RequestRate(100, Duration.ofMinutes(15)), RequestRate.parse("100/15m"));
        assertEquals(new RequestRate(1, Duration.ofHours(2)), RequestRate.parse("1/PT2H"));
        assertEquals(new RequestRate(1_000_000, Duration.ofSeconds(1)), RequestRate.parse("1000000/second"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "100", "/minute", "0/minute", "-1/minute", "+1/minute", "1000001/second",
        "1/fortnight", "1/0s", "1/-PT1H", "x/minute", "1.5/minute", "99999999999/second", "1/minute/2"})
    void parse_refusesAnythingElse(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RequestRate.parse(text));
        assertEquals(true, e.getMessage().startsWith("a rate is <permits>/<period>"), e.getMessage());
    }

    @Test
    void toString_isCanonical_andReadsBackEqual() {
        for (String text : new String[] {"100/minute", "5/second", "7/hour", "1/day", "100/PT15M", "3/PT36H"}) {
            RequestRate rate = RequestRate.parse(text);
            assertEquals(text, rate.toString());
            assertEquals(rate, RequestRate.parse(rate.toString()));
        }
        assertEquals("100/PT15M", RequestRate.parse("100/15m").toString());
    }

    @Test
    void parse_refusesAMissingCountBeforeTheSlash_withTheFormsMessage() {
        for (String text : new String[] {"/", " /second", "/ 1"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RequestRate.parse(text));
            assertEquals(true, e.getMessage().startsWith("a rate is <permits>/<period>"), e.getMessage());
        }
    }
}
