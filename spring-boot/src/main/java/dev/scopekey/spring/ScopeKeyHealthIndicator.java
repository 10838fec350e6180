package dev.scopekey.spring;

import dev.scopekey.domain.HealthChange.Part;
import dev.scopekey.service.ServiceHealth;
import dev.scopekey.service.TokenService;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * The token service's health for Spring Boot Actuator ({@code /actuator/health/scopekey}): each
 * probe reads the store once ({@link TokenService#checkHealth()}), so whether the database is
 * reachable or the token file readable is current. DOWN while a part the service cannot work
 * without fails (store, credential tier, audit sink), UNKNOWN while the store's state is not known,
 * else UP. The details give each part's status, since when and its sanitised cause; no token,
 * secret or path beyond what the part's cause already names. Thread-safe.
 */
public final class ScopeKeyHealthIndicator implements HealthIndicator {
    private final TokenService service;

    /**
     * An indicator of {@code service}.
     *
     * @param service the token service
     */
    public ScopeKeyHealthIndicator(TokenService service) {
        this.service = Objects.requireNonNull(service, "service");
    }

    @Override
    public Health health() {
        ServiceHealth health = service.checkHealth();
        Status status = Status.UP;
        Map<String, Object> details = new LinkedHashMap<>();
        for (ServiceHealth.PartHealth part : health.parts()) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("status", part.status().name());
            if (part.since() != null) {
                detail.put("since", part.since().toString());
            }
            if (part.cause() != null) {
                detail.put("cause", part.cause());
                detail.put("failedCalls", part.failedCalls());
            }
            details.put(part.part().name().toLowerCase(Locale.ROOT), detail);
            if (part.isFailing() && part.part().isSerious()) {
                status = Status.DOWN;
            } else if (part.part() == Part.TOKEN_STORE
                    && part.status() == ServiceHealth.Status.UNKNOWN && status == Status.UP) {
                status = Status.UNKNOWN;
            }
        }
        return Health.status(status).withDetails(details).build();
    }
}
