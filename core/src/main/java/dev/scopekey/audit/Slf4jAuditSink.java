package dev.scopekey.audit;

import dev.scopekey.domain.AuditEvent;
import dev.scopekey.port.AuditSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * The default audit sink: one INFO line per event on logger {@value #LOGGER_NAME}, with the
 * event's fields as SLF4J key-value pairs (refusals and denials at WARN).
 */
public final class Slf4jAuditSink implements AuditSink {
    /** The logger every audit event goes to. */
    public static final String LOGGER_NAME = "dev.scopekey.audit";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);

    @Override
    public void record(AuditEvent event) {
        LoggingEventBuilder line = event.detail() == null ? LOG.atInfo() : LOG.atWarn();
        line = line.addKeyValue("event", event.type().name().toLowerCase(java.util.Locale.ROOT))
                .addKeyValue("actor", event.actor());
        if (event.target() != null) {
            line = line.addKeyValue("target", event.target());
        }
        line = line.addKeyValue("at", event.at());
        if (event.clientAddress() != null) {
            line = line.addKeyValue("client", event.clientAddress());
        }
        if (event.detail() != null) {
            line = line.addKeyValue("detail", event.detail());
        }
        line.log("scopekey audit");
    }
}
