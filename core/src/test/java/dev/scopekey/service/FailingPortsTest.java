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
import dev.scopekey.port.AuditSink;
import dev.scopekey.port.ServiceMetrics;
import dev.scopekey.port.ServiceMetrics.AdminAction;
import dev.scopekey.service.ServiceHealth.Status;
import dev.scopekey.testing.FlakyStore;
import dev.scopekey.testing.TestClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A metrics listener or audit sink that throws changes no decision: its part is failing until it works again. */
class FailingPortsTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final FlakyStore store = new FlakyStore();
    private final List<HealthChange> changes = new ArrayList<>();
    private boolean metricsThrow;
    private boolean auditThrows;

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
}
