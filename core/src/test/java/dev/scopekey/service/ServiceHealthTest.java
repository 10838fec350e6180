package dev.scopekey.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.ActorLabel;
import dev.scopekey.domain.HealthChange.Part;
import dev.scopekey.port.AuditSink;
import dev.scopekey.service.ServiceHealth.PartHealth;
import dev.scopekey.service.ServiceHealth.Status;
import dev.scopekey.testing.FlakyStore;
import dev.scopekey.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The health snapshot: unknown until used, failing with a sanitised cause during an outage, up after. */
class ServiceHealthTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final TestClock clock = new TestClock(START);
    private final FlakyStore store = new FlakyStore();
    private final TokenService service = TokenService.builder(store).clock(clock).audit(AuditSink.discarding())
            .lastUsedFlushInterval(null).build();

    @Test
    void aFreshService_claimsNothing_untilAPartIsUsed() {
        ServiceHealth health = service.health();

        for (PartHealth part : health.parts()) {
            assertEquals(Status.UNKNOWN, part.status(), part.part().label());
            assertNull(part.since());
        }
        assertFalse(health.isFailing());
        assertEquals(START, health.at());
    }

    @Test
    void checkHealth_readsTheStore_soItsStateIsKnownWithoutARequest() {
        clock.advance(Duration.ofSeconds(5));

        PartHealth up = service.checkHealth().part(Part.TOKEN_STORE);

        assertEquals(new PartHealth(Part.TOKEN_STORE, Status.UP, START.plusSeconds(5), null, 0), up);
        store.failReads(true);
        PartHealth down = service.checkHealth().part(Part.TOKEN_STORE);
        assertEquals(Status.FAILING, down.status());
        assertEquals(Status.UNKNOWN, service.health().part(Part.CREDENTIAL_TIER).status(), "no tier was asked");
    }

    @Test
    void anOutage_flipsTheStoreToFailing_withASanitisedCause_andBackToUp() {
        String token = service.mint(Caller.operator(ActorLabel.CLI), MintRequest.of("kafka:read")).value()
                .token().reveal();
        service.authenticate(token, ClientRequest.NONE);
        assertEquals(Status.UP, service.health().part(Part.TOKEN_STORE).status());

        store.failReads(true);
        clock.advance(Duration.ofMinutes(1));
        service.authenticate(token, ClientRequest.NONE);
        clock.advance(Duration.ofMinutes(1));
        service.authenticate(token, ClientRequest.NONE);
        ServiceHealth outage = service.health();
        PartHealth failing = outage.part(Part.TOKEN_STORE);

        assertTrue(outage.isFailing());
        assertEquals(Status.FAILING, failing.status());
        assertEquals(START.plus(Duration.ofMinutes(1)), failing.since(), "since the first failure");
        assertEquals(2, failing.failedCalls());
        assertTrue(failing.cause().contains("cannot query the token table"), failing.cause());
        assertFalse(failing.cause().contains(FlakyStore.PASSWORD), failing.cause());
        assertFalse(outage.toString().contains(FlakyStore.PASSWORD));

        store.failReads(false);
        clock.advance(Duration.ofMinutes(1));
        service.authenticate(token, ClientRequest.NONE);
        PartHealth back = service.health().part(Part.TOKEN_STORE);

        assertEquals(new PartHealth(Part.TOKEN_STORE, Status.UP, START.plus(Duration.ofMinutes(3)), null, 0), back);
        assertFalse(service.health().isFailing());
    }

    @Test
    void aFailingLastUseFlush_isShown_butIsNotServingFailure() {
        String token = service.mint(Caller.operator(ActorLabel.CLI), MintRequest.of("kafka:read")).value()
                .token().reveal();
        service.authenticate(token, ClientRequest.NONE);
        store.failLastUseWrites(true);

        assertFalse(service.flushLastUsed());

        ServiceHealth health = service.health();
        assertEquals(Status.FAILING, health.part(Part.LAST_USE_FLUSH).status());
        assertFalse(health.isFailing(), "requests are still answered");
    }

    @Test
    void snapshots_areEqualWhenTakenAtTheSameTimeInTheSameState_andTheirTextNamesEveryPart() {
        ServiceHealth first = service.health();
        ServiceHealth same = service.health();

        assertEquals(first, same);
        assertEquals(first.hashCode(), same.hashCode());
        assertFalse(first.equals("health"));
        clock.advance(Duration.ofSeconds(1));
        ServiceHealth later = service.health();
        assertFalse(first.equals(later), "another time");
        assertFalse(first.hashCode() == later.hashCode(), "another time hashes apart");
        store.failReads(true);
        ServiceHealth failing = service.checkHealth();
        clock.advance(Duration.ZERO);
        assertFalse(failing.equals(new ServiceHealth(failing.at(), later.parts())), "another state");

        String text = failing.toString();
        assertTrue(text.startsWith("ServiceHealth[" + Part.values()[0].label() + ": "), text);
        assertTrue(text.endsWith("]"), text);
        assertEquals(Part.values().length - 1, text.split(", ", -1).length - 1, text);
        assertTrue(text.contains(Part.TOKEN_STORE.label() + ": FAILING ("), text);
        assertEquals(Part.values().length, failing.parts().size());
    }
}
