package dev.scopekey.servlet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.testkit.HttpReply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #8, item 4: while {@code enabled=false} the admin API acts for nobody — mint, revoke and
 * rotate are refused with a JSON 403 and the token file is left as it was, so nothing done while
 * auth is off outlives it as a privilege once auth is back on. Checked across a real restart on
 * a real token file.
 */
class AuthDisabledLeavesNoPrivilegeTest extends HttpTestSupport {
    private static final String TOKENS = WebXml.ADMIN_PATH + "/";
    /** A legacy line: a root token of the operator's. */
    private static final String OPERATOR_ROOT = "operator-root-token-Hq4Zt";

    @TempDir
    Path dir;

    private Path tokens;

    private void deployOn(String fileContent, boolean enabled) throws Exception {
        tokens = dir.resolve("tokens");
        if (fileContent != null) {
            Files.writeString(tokens, fileContent);
        }
        WebXml webXml = WebXml.standard().param(FilterSettings.STORE, "file:" + tokens);
        if (enabled) {
            webXml.param(FilterSettings.ADMIN_TOKEN_ENV, ADMIN_ENV);
        } else {
            webXml.param(FilterSettings.ENABLED, "false");
        }
        deploy(webXml);
        watch(OPERATOR_ROOT);
    }

    private void restart(boolean enabled) throws Exception {
        http.close();
        http = null;
        deployOn(null, enabled);
    }

    /** The break-glass token; watched once the server runs. */
    private String admin() {
        String admin = System.getenv(ADMIN_ENV);
        Assumptions.assumeTrue(admin != null, ADMIN_ENV + " is set by the build's surefire configuration");
        watch(admin);
        return admin;
    }

    @Test
    void rootMint_whileAuthIsOff_isRefused_andNoRootTokenExistsAfterARestartWithAuthOn() throws Exception {
        deployOn("", false);

        HttpReply attempt = http.postJson(TOKENS, null, "{\"scopes\":[\"*\"]}");
        String obtained = attempt.status() == 201 ? issued(attempt) : null;
        String fileWhileOff = Files.readString(tokens, StandardCharsets.UTF_8);
        restart(true);
        String admin = admin();

        HttpReply listed = http.get(TOKENS, admin);
        assertEquals(200, listed.status());
        List<Object> rootScopes = new ArrayList<>();
        for (Object record : Json.array(listed.body())) {
            if (((Map<?, ?>) record).get("scopes").equals(List.of("*"))) {
                rootScopes.add(((Map<?, ?>) record).get("prefix"));
            }
        }
        assertEquals(List.of(), rootScopes, "root tokens in the store after auth is back on");
        if (obtained != null) {
            assertNotEquals(200, http.get(TOKENS, obtained).status(),
                    "the token obtained while auth was off administers tokens once it is on");
        }
        assertEquals("", fileWhileOff, "the refused mint wrote to the token file");
        assertRefusedForAuthOff(attempt);
    }

    @Test
    void scopedMint_whileAuthIsOff_isRefusedToo() throws Exception {
        deployOn("", false);

        HttpReply json = http.postJson(TOKENS, null, "{\"scopes\":[\"kafka:endpoint:read\"]}");
        HttpReply form = http.post(TOKENS, null, "application/x-www-form-urlencoded", "scope=kafka:endpoint:read");
        HttpReply unreadable = http.postJson(TOKENS, null, "{not json");

        for (HttpReply reply : List.of(json, form, unreadable)) {
            if (reply.status() == 201) {
                issued(reply);
            }
            assertRefusedForAuthOff(reply);
        }
        assertEquals("", Files.readString(tokens, StandardCharsets.UTF_8));
    }

    @Test
    void revokeAndRotate_whileAuthIsOff_areRefused_andTheOperatorsTokenStillWorksAfterARestart() throws Exception {
        deployOn(OPERATOR_ROOT + "\n", false);
        byte[] before = Files.readAllBytes(tokens);
        String prefix = OPERATOR_ROOT.substring(0, 8);

        HttpReply revoke = http.call("DELETE", TOKENS + prefix, null);
        HttpReply revokeSubject = http.call("DELETE", TOKENS + "?subject=alice", null);
        HttpReply rotate = http.postJson(TOKENS + prefix + "/rotate", null, "{\"graceSeconds\":0}");
        if (rotate.status() == 201) {
            issued(rotate);
        }
        HttpReply list = http.get(TOKENS, null);

        assertRefusedForAuthOff(revoke);
        assertRefusedForAuthOff(revokeSubject);
        assertRefusedForAuthOff(rotate);
        assertEquals(200, list.status(), "listing changes nothing and stays open while auth is off");
        assertEquals(prefix, ((Map<?, ?>) Json.array(list.body()).get(0)).get("prefix"));
        assertArrayEquals(before, Files.readAllBytes(tokens), "the token file changed while auth was off");
        restart(true);
        assertEquals(200, http.get(TOKENS, OPERATOR_ROOT).status());
    }

    @Test
    void refusalsWhileAuthIsOff_areAudited() throws Exception {
        deployOn("", false);

        assertRefusedForAuthOff(http.postJson(TOKENS, null, "{\"scopes\":[\"*\"]}"));

        String log = leaks.capturedOutput();
        assertTrue(log.contains("event=mint_refused actor=auth-disabled"), log);
    }

    private static void assertRefusedForAuthOff(HttpReply reply) {
        assertEquals(403, reply.status(), reply.body());
        assertEquals("forbidden", Json.field(reply.body(), "error"));
        assertTrue(Json.field(reply.body(), "message").contains("enabled=false"), reply.body());
        assertTrue(reply.header("Content-Type").startsWith("application/json"), reply.header("Content-Type"));
    }
}
