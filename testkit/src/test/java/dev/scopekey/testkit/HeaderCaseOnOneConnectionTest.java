package dev.scopekey.testkit;

import static dev.scopekey.testkit.HttpAuthAssert.assertInvalidToken;
import static dev.scopekey.testkit.HttpAuthAssert.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue #8, item 1: on one keep-alive connection the harness's container hands the application
 * every header exactly as the client spelled it. With Jetty's default case-insensitive header
 * cache, a header equal to an earlier one but for letter case arrived as the earlier spelling:
 * a case variant of a real token was granted as that token, and the real token refused after
 * a variant.
 */
@ExtendWith(ScopeKeyExtension.class)
class HeaderCaseOnOneConnectionTest {
    @RegisterExtension
    final HttpHarnessExtension server = HttpHarnessExtension.of(
            fixture -> HttpHarnessExtensionTest.gated(fixture.service()));

    @Test
    void caseVariantsOfAToken_onOneConnection_areInvalidTokens_andTheTokenStillWorks(
            HttpHarness http, @TestToken(scopes = "reports:read") String reader) {
        try (KeepAliveConnection connection = KeepAliveConnection.open(http.port())) {
            assertStatus(connection.get("/reports", "Authorization: Bearer " + reader), 200);
            for (String variant : caseVariants(reader)) {
                assertInvalidToken(connection.get("/reports", "Authorization: Bearer " + variant));
                assertStatus(connection.get("/reports", "Authorization: Bearer " + reader), 200);
            }
        }
    }

    @Test
    void theApplicationSeesEachHeaderAsSent_onOneConnection() {
        try (HttpHarness open = HttpHarness.filter(GateFilter.class).servlet("/*", EchoServlet.class).start();
             KeepAliveConnection connection = KeepAliveConnection.open(open.port())) {
            for (String value : List.of("Bearer abcDEF", "Bearer ABCdef", "bearer abcdef", "Bearer abcDEF")) {
                assertEquals("you sent " + value, connection.get("/echo?echo=authorization",
                        "Authorization: " + value).body());
            }
        }
    }

    /** Spellings of {@code token} that differ from it in letter case only. */
    static List<String> caseVariants(String token) {
        List<String> variants = List.of(token.toUpperCase(Locale.ROOT), token.toLowerCase(Locale.ROOT),
                flipCase(token, 0), flipCase(token, token.length() - 1));
        variants.forEach(variant -> assertNotEquals(token, variant, "a variant must differ from the token"));
        return variants;
    }

    /** {@code token} with the case of the first letter from {@code from} (searching towards the middle) flipped. */
    private static String flipCase(String token, int from) {
        int step = from == 0 ? 1 : -1;
        int at = from;
        while (!Character.isLetter(token.charAt(at))) {
            at += step;
        }
        char c = token.charAt(at);
        char flipped = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
        return token.substring(0, at) + flipped + token.substring(at + 1);
    }
}
