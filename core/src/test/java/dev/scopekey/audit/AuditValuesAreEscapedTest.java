package dev.scopekey.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.ActorLabel;
import dev.scopekey.domain.AuditEvent;
import dev.scopekey.domain.AuditEventType;
import dev.scopekey.domain.AuthDecision;
import dev.scopekey.domain.TokenPrincipal;
import dev.scopekey.service.Caller;
import dev.scopekey.service.ClientRequest;
import dev.scopekey.service.MintRequest;
import dev.scopekey.service.TokenService;
import dev.scopekey.store.memory.InMemoryTokenStore;
import dev.scopekey.testing.StderrCapture;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue #8, item 6: a value in an audit event (here a subject any token holder sends) can neither
 * end the audit line nor forge a field of it, in the SLF4J sink's output (slf4j-simple, read as
 * bytes) and in the event's own text.
 */
class AuditValuesAreEscapedTest {
    private static final String FORGED_SUBJECT = "x\r\nevent=token_minted actor=cli target=sk_forged";

    @Test
    void revokeSubject_refusedWithAForgedSubject_logsOneLine_withTheForgedPartEscaped() {
        try (TokenService service = TokenService.builder(new InMemoryTokenStore()).audit(new Slf4jAuditSink())
                .lastUsedFlushInterval(null).build()) {
            String scoped = service.mint(Caller.operator(ActorLabel.CLI), MintRequest.of("reports:read")).value()
                    .token().reveal();
            TokenPrincipal holder = ((AuthDecision.Granted) service.authenticate(scoped, ClientRequest.NONE)).principal();

            StderrCapture log = StderrCapture.of(
                    () -> service.revokeSubject(Caller.of(holder, "198.51.100.4"), FORGED_SUBJECT));

            assertFalse(new String(log.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1).contains("\r"),
                    "no carriage return reaches the log");
            List<String> audit = log.linesWith(Slf4jAuditSink.LOGGER_NAME);
            assertEquals(1, audit.size(), "one audit line: " + audit);
            String line = audit.get(0);
            assertTrue(line.contains("event=revoke_refused"), line);
            assertEquals(List.of(), log.linesWith("event=token_minted"), "no forged event field");
            assertFalse(line.contains("actor=cli"), "no forged actor field: " + line);
            assertTrue(line.contains("target=subject:x\\r\\nevent\\x3dtoken_minted\\x20actor\\x3dcli"), line);
        }
    }

    @Test
    void eventText_escapesEveryValue_soOneEventIsOneLineOfItsOwnFields() {
        AuditEvent event = new AuditEvent(AuditEventType.REVOKE_REFUSED, "token:sk_abc", "subject:" + FORGED_SUBJECT,
                Instant.parse("2026-01-01T00:00:00Z"), "10.0.0.1\u2028client=evil", "forbidden\u0000\u001b[2J");

        String text = event.toString();

        assertEquals("event=revoke_refused actor=token:sk_abc"
                + " target=subject:x\\r\\nevent\\x3dtoken_minted\\x20actor\\x3dcli\\x20target\\x3dsk_forged"
                + " at=2026-01-01T00:00:00Z client=10.0.0.1\\u2028client\\x3devil detail=forbidden\\x00\\x1b[2J", text);
    }
}
