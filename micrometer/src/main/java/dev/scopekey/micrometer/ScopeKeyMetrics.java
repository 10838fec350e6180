package dev.scopekey.micrometer;

import dev.scopekey.domain.DenialReason;
import dev.scopekey.domain.HealthChange.Part;
import dev.scopekey.port.ServiceMetrics;
import dev.scopekey.service.TokenService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The token service's meters in Micrometer: what it decides ({@code scopekey.decisions} by
 * outcome and reason), how long verification takes, what administration does, how the store's
 * cache does, how far behind last-use writes are, and whether each part works. It is both the
 * service's {@link ServiceMetrics} listener and a {@link MeterBinder}, so Spring Boot binds it
 * like any other; without Boot, call {@link #bindTo} yourself.
 *
 * <pre>{@code
 * ScopeKeyMetrics metrics = new ScopeKeyMetrics();
 * TokenService tokens = ScopeKey.tokens(store).audit(ScopeKey.slf4jAudit()).metrics(metrics).build();
 * metrics.watch(tokens).bindTo(registry);
 * }</pre>
 *
 * <p>Every counter is registered at {@link #bindTo}, so a decision only increments one it already
 * holds: nothing is looked up or allocated per request. Until it is bound, events are dropped.
 * It binds to one registry (a composite one to publish to several). Thread-safe.
 */
public final class ScopeKeyMetrics implements ServiceMetrics, MeterBinder {
    private final Tags tags;
    private volatile TokenService watched;
    private volatile BoundMeters meters;

    /** Meters without tags of their own. */
    public ScopeKeyMetrics() {
        this(Tags.empty());
    }

    /**
     * Meters that all carry {@code tags} too, e.g. the service's name when one application runs more
     * than one token service.
     *
     * @param tags tags every meter carries
     */
    public ScopeKeyMetrics(Iterable<Tag> tags) {
        this.tags = Tags.of(Objects.requireNonNull(tags, "tags"));
    }

    /**
     * Polls {@code service} for the store's cache statistics and the parts' health; until a
     * service is watched those meters read zero or, for gauges, NaN. The service is built with this
     * listener first ({@code metrics(this)}), so it is named here, after it exists.
     *
     * @param service the service whose store and health to poll
     * @return this, to bind
     */
    public ScopeKeyMetrics watch(TokenService service) {
        this.watched = Objects.requireNonNull(service, "service");
        return this;
    }

    /**
     * Registers every meter in {@code registry}.
     *
     * @param registry where the meters go
     * @throws IllegalStateException if this is already bound to a registry
     */
    @Override
    public synchronized void bindTo(MeterRegistry registry) {
        if (meters != null) {
            throw new IllegalStateException("already bound to a registry; bind a composite registry to publish to several");
        }
        meters = new BoundMeters(registry, tags, this);
    }

    /** The service the polled meters read, or null before {@link #watch}. */
    TokenService watched() {
        return watched;
    }

    @Override
    public void granted() {
        BoundMeters bound = meters;
        if (bound != null) {
            bound.granted.increment();
        }
    }

    @Override
    public void denied(DenialReason reason) {
        BoundMeters bound = meters;
        if (bound != null) {
            bound.denied[reason.ordinal()].increment();
        }
    }

    @Override
    public void unavailable(Part part) {
        BoundMeters bound = meters;
        if (bound != null) {
            bound.unavailable.increment();
        }
    }

    @Override
    public void verified(long nanos) {
        BoundMeters bound = meters;
        if (bound != null) {
            bound.verification.record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public void administered(AdminAction action, int count) {
        BoundMeters bound = meters;
        if (bound != null) {
            bound.admin[action.ordinal()].increment(action == AdminAction.REFUSED ? 1 : count);
        }
    }

    @Override
    public void lastUseFlushed(int records, long lagMillis) {
        BoundMeters bound = meters;
        if (bound != null) {
            bound.flushed.increment(records);
            bound.flushLag.record(Math.max(0, lagMillis), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public String toString() {
        return "ScopeKeyMetrics[" + (meters == null ? "unbound" : "bound") + (watched == null ? "" : ", watching") + "]";
    }
}
