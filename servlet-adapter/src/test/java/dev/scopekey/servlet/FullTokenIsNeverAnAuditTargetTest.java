package dev.scopekey.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Issue #8, item 6 (second point): a request that names a whole token where a display prefix
 * belongs — {@code DELETE /api/auth/tokens/<token>}, {@code POST …/<token>/rotate} — is audited
 * without that token. The audit goes through the real {@code Slf4jAuditSink} to slf4j-simple,
 * and the log output is searched byte for byte.
 */
class FullTokenIsNeverAnAuditTargetTest extends HttpTestSupport {
    private static final String TOKENS = WebXml.ADMIN_PATH + "/";

    @Test
    void nonRootRevokeAndRotate_ofAFullToken_leaveNoTraceOfItInTheLog() {
        start(WebXml.standard());
        String scoped = token("kafka:endpoint:read");
        String victim = token("kafka:endpoint:write");

        assertEquals(403, http.delete(TOKENS + victim, scoped).status());
        assertEquals(403, http.call("POST", TOKENS + victim + "/rotate", scoped).status());
        assertEquals(403, http.postJson(TOKENS + victim + "/rotate", scoped, "{\"graceSeconds\":5}").status());

        byte[] log = leaks.capturedOutput().getBytes(StandardCharsets.ISO_8859_1);
        assertTrue(contains(log, "event=revoke_refused"), "the refusal was not audited");
        assertTrue(contains(log, "event=rotate_refused"), "the refusal was not audited");
        assertFalse(contains(log, victim), "the whole token is in the audit log");
        assertFalse(contains(log, victim.substring(victim.length() - 38)), "the token's secret is in the audit log");
    }

    @Test
    void rootRevokeAndRotate_ofAFullToken_leaveNoTraceOfItInTheLog() {
        start(WebXml.standard());
        String root = token("*");
        String victim = token("kafka:endpoint:write");

        assertEquals(404, http.delete(TOKENS + victim, root).status());
        assertEquals(404, http.call("POST", TOKENS + victim + "/rotate", root).status());

        byte[] log = leaks.capturedOutput().getBytes(StandardCharsets.ISO_8859_1);
        assertTrue(contains(log, "event=revoke_refused"), "the refusal was not audited");
        assertFalse(contains(log, victim), "the whole token is in the audit log");
    }

    @Test
    void nonRootRefusal_ofADisplayPrefix_stillNamesIt() {
        start(WebXml.standard());
        String scoped = token("kafka:endpoint:read");
        String prefix = token("kafka:endpoint:write").substring(0, 15);

        assertEquals(403, http.delete(TOKENS + prefix, scoped).status());

        assertTrue(leaks.capturedOutput().contains("event=revoke_refused actor=token:" + scoped.substring(0, 15)
                + " target=" + prefix + " "), leaks.capturedOutput());
    }

    private static boolean contains(byte[] haystack, String needle) {
        byte[] wanted = needle.getBytes(StandardCharsets.ISO_8859_1);
        outer:
        for (int i = 0; i + wanted.length <= haystack.length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (haystack[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
