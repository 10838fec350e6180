package dev.scopekey.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.audit.Slf4jAuditSink;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue #8, item 6: a token holder who sends a subject with CR LF and {@code key=value} text
 * cannot forge an audit line. The real SLF4J sink (slf4j-simple) logs; its output is read as bytes.
 */
class AuditLineForgeryHttpTest extends HttpTestSupport {
    private static final String FORGED = "?subject=x%0d%0aevent=token_minted%20actor=cli";

    @Test
    void revokeSubject_withCrLfAndFieldsInTheSubject_isAuditedAsOneLine_withTheForgedPartEscaped() {
        start(WebXml.standard());
        String scoped = token("reports:read");

        assertEquals(403, http.call("DELETE", WebXml.ADMIN_PATH + "/" + FORGED, scoped).status());

        byte[] logged = leaks.capturedOutput().getBytes(StandardCharsets.ISO_8859_1);
        for (byte b : logged) {
            assertFalse(b == '\r', "no carriage return reaches the log");
        }
        List<String> audit = new ArrayList<>();
        for (String line : new String(logged, StandardCharsets.ISO_8859_1).split("[\r\n]")) {
            assertFalse(line.startsWith("event="), "a line that is not the logger's own: " + line);
            if (line.contains(Slf4jAuditSink.LOGGER_NAME) && line.contains("event=revoke_refused")) {
                audit.add(line);
            }
        }
        assertEquals(1, audit.size(), "one refusal line: " + audit);
        assertTrue(audit.get(0).contains("target=subject:x\\r\\nevent\\x3dtoken_minted\\x20actor\\x3dcli"),
                audit.get(0));
    }
}
