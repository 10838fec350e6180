package dev.scopekey.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.ActorLabel;
import dev.scopekey.domain.AuditEvent;
import dev.scopekey.domain.AuthDecision;
import dev.scopekey.domain.DenialReason;
import dev.scopekey.domain.HealthChange;
import dev.scopekey.domain.HealthChange.Part;
import dev.scopekey.domain.Scope;
import dev.scopekey.domain.TokenPrincipal;
import dev.scopekey.port.AuditSink;
import dev.scopekey.port.ServiceMetrics;
import dev.scopekey.port.ServiceMetrics.AdminAction;
import dev.scopekey.service.ServiceHealth.Status;
import dev.scopekey.testing.FlakyStore;
import dev.scopekey.testing.TestClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** A metrics listener or audit sink that throws changes no decision: its part is failing until it works again. */
class FailingPortsTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final FlakyStore store = new FlakyStore();
    private final List<HealthChange> changes = new ArrayList<>();
    private boolean metricsThrow;
    private boolean auditThrows;
    private boolean healthThrows;

    private final ServiceMetrics metrics = new ServiceMetrics() {
        @Override
        public void denied(DenialReason reason) {
            failIfAsked();
        }

        @Override
        public void unavailable(Part part) {
            failIfAsked();
        }

        @Override
        public void administered(AdminAction action, int count) {
            failIfAsked();
        }

        @Override
        public void verified(long nanos) {
            failIfAsked();
        }

        @Override
        public void granted() {
            failIfAsked();
        }

        @Override
        public void lastUseFlushed(int records, long lagMillis) {
            failIfAsked();
        }

        private void failIfAsked() {
            if (metricsThrow) {
                throw new IllegalStateException("metrics backend down");
            }
        }
    };

    private final AuditSink audit = new AuditSink() {
        @Override
        public void record(AuditEvent event) {
            if (auditThrows) {
                throw new IllegalStateException("audit disk full");
            }
        }

        @Override
        public void healthChanged(HealthChange change) {
            if (healthThrows) {
                throw new IllegalStateException("health channel closed");
            }
            changes.add(change);
        }
    };

    private final TokenService service = TokenService.builder(store).clock(clock).audit(audit).metrics(metrics)
            .lastUsedFlushInterval(null).build();

    private Status metricsStatus() {
        return service.health().part(Part.METRICS).status();
    }

    @Test
    void aThrowingListener_onDenials_leavesTheDenial_andMarksMetricsFailing_untilItCountsAgain() {
        metricsThrow = true;
        AuthDecision denied = service.authenticate("not-a-known-token-0123456789", ClientRequest.NONE);

        assertEquals(DenialReason.UNKNOWN, assertInstanceOf(AuthDecision.Denied.class, denied).reason());
        assertEquals(Status.FAILING, metricsStatus());
        assertTrue(changes.contains(HealthChange.failing(Part.METRICS,
                service.health().part(Part.METRICS).cause())), changes.toString());

        metricsThrow = false;
        service.authenticate("not-a-known-token-0123456789", ClientRequest.NONE);
        assertEquals(Status.UP, metricsStatus());
        assertEquals(2, changes.stream().filter(change -> change.part() == Part.METRICS).count(), changes.toString());
    }

    @Test
    void aThrowingListener_onOutages_andOnAdminActions_marksMetricsFailing_untilItCountsAgain() {
        store.failReads(true);
        metricsThrow = true;
        assertInstanceOf(AuthDecision.Unavailable.class, service.authenticate("not-a-known-token-0123456789", ClientRequest.NONE));
        assertEquals(Status.FAILING, metricsStatus());

        metricsThrow = false;
        service.authenticate("not-a-known-token-0123456789", ClientRequest.NONE);
        assertEquals(Status.UP, metricsStatus());

        store.failReads(false);
        metricsThrow = true;
        service.mint(Caller.operator(ActorLabel.CLI), MintRequest.of("kafka:read")).value();
        assertEquals(Status.FAILING, metricsStatus());
        metricsThrow = false;
        service.mint(Caller.operator(ActorLabel.CLI), MintRequest.of("kafka:read")).value();
        assertEquals(Status.UP, metricsStatus());
    }

    @Test
    void aThrowingAuditSink_leavesTheMint_andMarksTheSinkFailing_untilItRecordsAgain() {
        auditThrows = true;
        service.mint(Caller.operator(ActorLabel.CLI), MintRequest.of("kafka:read")).value();

        assertEquals(Status.FAILING, service.health().part(Part.AUDIT_SINK).status());
        assertEquals(1, store.list(dev.scopekey.port.TokenQuery.all()).size());
        auditThrows = false;
        service.mint(Caller.operator(ActorLabel.CLI), MintRequest.of("kafka:read")).value();
        assertEquals(Status.UP, service.health().part(Part.AUDIT_SINK).status());
    }

    @Test
    void aThrowingListener_onScopeDenials_onAdapterDenials_andOnFlushes_marksMetricsFailing_untilItCountsAgain() {
        Caller operator = Caller.operator(ActorLabel.CLI);
        String token = service.mint(operator, MintRequest.of("kafka:read")).value().token().reveal();
        TokenPrincipal principal = assertInstanceOf(AuthDecision.Granted.class,
                service.authenticate(token, ClientRequest.NONE)).principal();

        metricsThrow = true;
        assertInstanceOf(AuthDecision.Denied.class, service.authorize(principal, Scope.of("kafka:write"), ClientRequest.NONE));
        assertEquals(Status.FAILING, metricsStatus());
        metricsThrow = false;
        service.authorize(principal, Scope.of("kafka:write"), ClientRequest.NONE);
        assertEquals(Status.UP, metricsStatus());

        metricsThrow = true;
        assertEquals(DenialReason.NO_CREDENTIAL, service.deny(DenialReason.NO_CREDENTIAL, ClientRequest.NONE).reason());
        assertEquals(Status.FAILING, metricsStatus());
        metricsThrow = false;
        service.deny(DenialReason.NO_CREDENTIAL, ClientRequest.NONE);
        assertEquals(Status.UP, metricsStatus());

        metricsThrow = true;
        assertTrue(service.flushLastUsed(), "the last use is written although the listener throws");
        assertEquals(Status.FAILING, metricsStatus());
    }

    @Test
    void aSinkWhoseHealthChannelThrows_stillHasTheChangeLogged_toThePlatformLogger() {
        List<LogRecord> logged = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(AuditSink.HEALTH_LOGGER);
        logger.addHandler(handler);
        try {
            healthThrows = true;
            store.failReads(true);
            service.authenticate("not-a-known-token-0123456789", ClientRequest.NONE);

            assertEquals(Status.FAILING, service.health().part(Part.TOKEN_STORE).status());
            assertEquals(1, logged.size(), "the change reached the platform logger");
            assertTrue(logged.get(0).getMessage().contains("token store failing"), logged.get(0).getMessage());
        } finally {
            logger.removeHandler(handler);
        }
    }
}
