package dev.scopekey.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.ScopeKey;
import dev.scopekey.domain.ActorLabel;
import dev.scopekey.domain.AuthDecision;
import dev.scopekey.domain.DenialReason;
import dev.scopekey.domain.PlainToken;
import dev.scopekey.domain.Scope;
import dev.scopekey.port.AuditSink;
import dev.scopekey.port.TokenStore;
import dev.scopekey.service.Caller;
import dev.scopekey.service.ClientRequest;
import dev.scopekey.service.MintRequest;
import dev.scopekey.service.TokenService;
import dev.scopekey.store.jdbc.JdbcTokenStore;
import dev.scopekey.testkit.UnavailableTokenStore;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The meters after real calls of a real service, read from a {@code SimpleMeterRegistry}. */
class ScopeKeyMetricsTest {
    private static final Caller OPERATOR = Caller.operator(ActorLabel.CLI);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ScopeKeyMetrics metrics = new ScopeKeyMetrics();
    private TokenService service;

    @AfterEach
    void close() {
        if (service != null) {
            service.close();
        }
    }

    private TokenService serviceOn(TokenStore store) {
        service = ScopeKey.tokens(store).audit(AuditSink.discarding()).lastUsedFlushInterval(null).metrics(metrics)
                .build();
        metrics.watch(service).bindTo(registry);
        return service;
    }

    private double decisions(String outcome, String reason) {
        return registry.get("scopekey.decisions").tags("outcome", outcome, "reason", reason).counter().count();
    }

    private double admin(String action) {
        return registry.get("scopekey.admin").tags("action", action).counter().count();
    }

    private double health(String part) {
        return registry.get("scopekey.health").tags("part", part).gauge().value();
    }

    @Test
    void everyMeter_isRegisteredAtBind_withItsTags() {
        serviceOn(ScopeKey.memoryStore());

        Set<String> meters = new TreeSet<>();
        for (Meter meter : registry.getMeters()) {
            meters.add(meter.getId().getName() + meter.getId().getTags());
        }

        assertTrue(meters.contains("scopekey.decisions[tag(outcome=denied), tag(reason=bad_checksum)]"), meters::toString);
        assertTrue(meters.contains("scopekey.decisions[tag(outcome=granted), tag(reason=none)]"), meters::toString);
        assertTrue(meters.contains("scopekey.decisions[tag(outcome=unavailable), tag(reason=none)]"), meters::toString);
        assertTrue(meters.contains("scopekey.admin[tag(action=refused)]"), meters::toString);
        assertTrue(meters.contains("scopekey.health[tag(part=token_store)]"), meters::toString);
        assertEquals(2 + DenialReason.values().length, registry.find("scopekey.decisions").counters().size());
        for (String name : new String[] {"scopekey.verification", "scopekey.store.cache.hits",
                "scopekey.store.cache.misses", "scopekey.store.cache.size", "scopekey.lastuse.flushed",
                "scopekey.lastuse.flush.lag"}) {
            assertEquals(1, registry.find(name).meters().size(), name);
        }
    }

    @Test
    void decisions_verification_admin_andFlush_countWhatTheServiceDid() {
        serviceOn(ScopeKey.memoryStore());
        PlainToken reader = service.mint(OPERATOR, MintRequest.of("kafka:read")).value().token();
        service.mint(OPERATOR, MintRequest.of("auth:tokens:write"));

        AuthDecision granted = service.authenticate(reader.reveal(), ClientRequest.NONE);
        service.authorize(((AuthDecision.Granted) granted).principal(), Scope.of("kafka:write"), ClientRequest.NONE);
        service.authenticate("legacy-token-nobody-knows", ClientRequest.NONE);
        service.authenticate("bad token", ClientRequest.NONE);
        service.deny(DenialReason.NO_CREDENTIAL, ClientRequest.NONE);
        service.revoke(OPERATOR, reader.prefix());
        service.flushLastUsed();

        assertEquals(1, decisions("granted", "none"));
        assertEquals(1, decisions("denied", "insufficient_scope"));
        assertEquals(1, decisions("denied", "unknown"));
        assertEquals(1, decisions("denied", "malformed"));
        assertEquals(1, decisions("denied", "no_credential"));
        assertEquals(0, decisions("denied", "revoked"));
        assertEquals(3, registry.get("scopekey.verification").timer().count(), "three authentications");
        assertEquals(1, admin("minted"));
        assertEquals(1, admin("refused"));
        assertEquals(1, admin("revoked"));
        assertEquals(0, admin("rotated"));
        assertEquals(1, registry.get("scopekey.lastuse.flushed").counter().count());
        assertEquals(1, registry.get("scopekey.lastuse.flush.lag").timer().count());
        assertEquals(1, registry.get("scopekey.store.cache.size").gauge().value(), "the memory store's one record");
    }

    @Test
    void anOutage_countsUnavailable_andTheHealthGaugeDrops() {
        serviceOn(new UnavailableTokenStore());
        assertTrue(Double.isNaN(health("token_store")), "not used yet: not claimed up");

        service.authenticate("legacy-token-somebody-knows", ClientRequest.NONE);

        assertEquals(1, decisions("unavailable", "none"));
        assertEquals(0, health("token_store"));
        assertTrue(Double.isNaN(registry.get("scopekey.store.cache.size").gauge().value()), "no statistics");
    }

    @Test
    void theJdbcCache_feedsHitsMissesAndSize() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:metrics-cache;DB_CLOSE_DELAY=-1");
        try (JdbcTokenStore store = JdbcTokenStore.builder(h2).listenForChanges(false).build()) {
            store.migrate();
            serviceOn(store);
            String token = service.mint(OPERATOR, MintRequest.of("kafka:read")).value().token().reveal();

            for (int i = 0; i < 3; i++) {
                service.authenticate(token, ClientRequest.NONE);
            }
            service.checkHealth();

            assertEquals(2, registry.get("scopekey.store.cache.hits").functionCounter().count());
            assertEquals(1, registry.get("scopekey.store.cache.misses").functionCounter().count());
            assertEquals(1, registry.get("scopekey.store.cache.size").gauge().value());
            assertEquals(1, health("token_store"));
        }
    }

    @Test
    void extraTags_areOnEveryMeter() {
        ScopeKeyMetrics tagged = new ScopeKeyMetrics(Tags.of("service", "billing"));
        tagged.bindTo(registry);

        for (Meter meter : registry.getMeters()) {
            assertEquals("billing", meter.getId().getTag("service"), meter.getId().toString());
        }
        assertTrue(registry.getMeters().size() > 10);
    }

    @Test
    void beforeBinding_eventsAreDropped_andASecondBindIsRefused() {
        metrics.granted();
        metrics.denied(DenialReason.UNKNOWN);
        metrics.bindTo(registry);

        assertEquals(0, decisions("granted", "none"));
        assertEquals(0, decisions("denied", "unknown"));
        assertThrows(IllegalStateException.class, () -> metrics.bindTo(new SimpleMeterRegistry()));
        metrics.granted();
        assertEquals(1, decisions("granted", "none"));
        assertTrue(Double.isNaN(health("token_store")), "no service watched");
        assertEquals(0, registry.get("scopekey.store.cache.hits").functionCounter().count());
    }

    @Test
    void aRotation_andASubjectRevocation_countTheirTokens() {
        serviceOn(ScopeKey.memoryStore());
        service.mint(OPERATOR, MintRequest.of("kafka:read").forSubject("alice"));
        service.mint(OPERATOR, MintRequest.of("kafka:read").forSubject("alice"));
        PlainToken old = service.mint(OPERATOR, MintRequest.of("kafka:read")).value().token();

        service.rotate(OPERATOR, old.prefix(), Duration.ZERO);
        service.revokeSubject(OPERATOR, "alice");

        assertEquals(1, admin("rotated"));
        assertEquals(2, admin("revoked"));
        assertEquals(3, admin("minted"));
    }
}
