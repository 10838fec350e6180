package dev.scopekey.micrometer;

import dev.scopekey.domain.DenialReason;
import dev.scopekey.domain.HealthChange.Part;
import dev.scopekey.port.ServiceMetrics.AdminAction;
import dev.scopekey.port.StoreStatistics;
import dev.scopekey.service.ServiceHealth;
import dev.scopekey.service.TokenService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The meters of one registry, each registered once: one decision counter per outcome and reason,
 * one admin counter per action (indexed by the enums' ordinals), the timers, and the polled
 * meters that read the watched service when the registry asks. Those hold the
 * {@link ScopeKeyMetrics} as their state (Micrometer keeps it weakly; the service it listens to
 * keeps it alive).
 */
final class BoundMeters {
    static final String DECISIONS = "scopekey.decisions";
    static final String VERIFICATION = "scopekey.verification";
    static final String ADMIN = "scopekey.admin";
    static final String CACHE_HITS = "scopekey.store.cache.hits";
    static final String CACHE_MISSES = "scopekey.store.cache.misses";
    static final String CACHE_SIZE = "scopekey.store.cache.size";
    static final String FLUSHED = "scopekey.lastuse.flushed";
    static final String FLUSH_LAG = "scopekey.lastuse.flush.lag";
    static final String HEALTH = "scopekey.health";
    static final String NONE = "none";

    final Counter granted;
    final Counter unavailable;
    final Counter[] denied = new Counter[DenialReason.values().length];
    final Counter[] admin = new Counter[AdminAction.values().length];
    final Timer verification;
    final Counter flushed;
    final Timer flushLag;

    BoundMeters(MeterRegistry registry, Tags tags, ScopeKeyMetrics source) {
        granted = decisions(registry, tags, "granted", NONE);
        unavailable = decisions(registry, tags, "unavailable", NONE);
        for (DenialReason reason : DenialReason.values()) {
            denied[reason.ordinal()] = decisions(registry, tags, "denied", snake(reason));
        }
        for (AdminAction action : AdminAction.values()) {
            admin[action.ordinal()] = Counter.builder(ADMIN).tags(tags).tag("action", snake(action))
                    .description("Tokens minted, revoked and rotated, and administrative calls refused")
                    .register(registry);
        }
        verification = Timer.builder(VERIFICATION).tags(tags)
                .description("Time an authentication takes to verify a credential").register(registry);
        flushed = Counter.builder(FLUSHED).tags(tags).baseUnit("records")
                .description("Last-use times written to the store").register(registry);
        flushLag = Timer.builder(FLUSH_LAG).tags(tags)
                .description("From the oldest last-use time a flush wrote to the write").register(registry);
        statistic(registry, tags, CACHE_HITS, source, StoreStatistics::cacheHits,
                "Lookups by hash the store's cache answered");
        statistic(registry, tags, CACHE_MISSES, source, StoreStatistics::cacheMisses,
                "Lookups by hash the store's cache passed to the store behind it");
        Gauge.builder(CACHE_SIZE, source, metrics -> polled(metrics, StoreStatistics::size, Double.NaN))
                .tags(tags).description("Entries the store holds in memory: cached answers, or every record")
                .register(registry);
        for (Part part : Part.values()) {
            Gauge.builder(HEALTH, source, metrics -> health(metrics.watched(), part)).tags(tags).tag("part", snake(part))
                    .description("1 while the part works, 0 while it fails, NaN before it is used")
                    .register(registry);
        }
    }

    private static Counter decisions(MeterRegistry registry, Tags tags, String outcome, String reason) {
        return Counter.builder(DECISIONS).tags(tags).tag("outcome", outcome).tag("reason", reason)
                .description("Request-path decisions: credentials granted, requests denied, answers unavailable")
                .register(registry);
    }

    private static void statistic(MeterRegistry registry, Tags tags, String name, ScopeKeyMetrics source,
                                  ToDoubleFunction<StoreStatistics> read, String description) {
        FunctionCounter.builder(name, source, metrics -> polled(metrics, read, 0)).tags(tags)
                .description(description).register(registry);
    }

    private static double polled(ScopeKeyMetrics source, ToDoubleFunction<StoreStatistics> read, double otherwise) {
        TokenService service = source.watched();
        if (service == null) {
            return otherwise;
        }
        return service.storeStatistics().map(read::applyAsDouble).orElse(otherwise);
    }

    private static double health(TokenService service, Part part) {
        if (service == null) {
            return Double.NaN;
        }
        ServiceHealth.Status status = service.health().part(part).status();
        return status == ServiceHealth.Status.UNKNOWN ? Double.NaN : status == ServiceHealth.Status.UP ? 1 : 0;
    }

    /** An enum constant as a tag value: {@code BAD_CHECKSUM} is {@code bad_checksum}. */
    static String snake(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }
}
