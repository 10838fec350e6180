package dev.scopekey.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.scopekey.domain.DenialReason;
import dev.scopekey.domain.HealthChange.Part;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * Counting a decision increments a counter registered at bind: nothing is allocated per request.
 * Measured with the JVM's per-thread allocation counter (bytes, not time).
 */
class DecisionsAllocateNothingTest {
    private static final int CALLS = 20_000;

    @Test
    void countingDecisions_allocatesNothingPerCall() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "this JVM does not count allocations per thread");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ScopeKeyMetrics metrics = new ScopeKeyMetrics();
        metrics.bindTo(registry);
        DenialReason[] reasons = DenialReason.values();
        decide(metrics, reasons);

        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        decide(metrics, reasons);
        long allocated = threads.getThreadAllocatedBytes(thread) - before;

        assertTrue(allocated < CALLS, allocated + " bytes for " + CALLS + " rounds of decisions");
        assertEquals(2.0 * CALLS, registry.get("scopekey.decisions").tags("outcome", "granted").counter().count());
    }

    private static void decide(ScopeKeyMetrics metrics, DenialReason[] reasons) {
        for (int i = 0; i < CALLS; i++) {
            metrics.verified(1_000 + i);
            metrics.granted();
            metrics.denied(reasons[i % reasons.length]);
            metrics.unavailable(Part.TOKEN_STORE);
        }
    }
}
