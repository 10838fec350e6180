package dev.scopekey.audit;

import dev.scopekey.domain.AuditEvent;
import dev.scopekey.domain.HealthChange;
import dev.scopekey.domain.LogText;
import dev.scopekey.port.AuditSink;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * The default audit sink: one line per event on logger {@value #LOGGER_NAME}, INFO for mutations
 * and WARN for refusals and denials. The message itself carries the facts
 * ({@link AuditEvent#message()}: {@code token_minted actor=cli target=sk_AbC… scopes=…}), so a
 * pattern that shows only {@code %msg} (Spring Boot's console pattern, most Logback set-ups)
 * still tells the whole event; the same fields are SLF4J key-value pairs for structured encoders,
 * every value a string (times in ISO-8601), so a JSON encoder needs no date-time module. Values
 * are escaped ({@link LogText#value}) in both: whatever a caller sent, an event stays one line of
 * its own fields. Health changes (a store, tier, this sink or the last-use flush failing or
 * recovering) go to logger {@value AuditSink#HEALTH_LOGGER}, one line per change.
 */
public final class Slf4jAuditSink implements AuditSink {
    /** The logger every audit event goes to. */
    public static final String LOGGER_NAME = "dev.scopekey.audit";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);
    private static final Logger HEALTH = LoggerFactory.getLogger(HEALTH_LOGGER);

    @Override
    public void record(AuditEvent event) {
        LoggingEventBuilder line = event.detail() == null ? LOG.atInfo() : LOG.atWarn();
        for (Map.Entry<String, String> field : event.fields().entrySet()) {
            line = line.addKeyValue(field.getKey(), LogText.value(field.getValue()));
        }
        line.log(event.message());
    }

    /**
     * One line on logger {@value AuditSink#HEALTH_LOGGER}: ERROR when a part fails (WARN for the
     * last-use flush), INFO when it works again, with {@code part} and {@code state} key-value pairs.
     */
    @Override
    public void healthChanged(HealthChange change) {
        LoggingEventBuilder line = change.working() ? HEALTH.atInfo()
                : change.part().isSerious() ? HEALTH.atError() : HEALTH.atWarn();
        line.addKeyValue("part", change.part().name().toLowerCase(Locale.ROOT))
                .addKeyValue("state", change.working() ? "working" : "failing")
                .log(change.describe());
    }
}
