package dev.scopekey.testkit;

import static dev.scopekey.testkit.HttpAuthAssert.assertInvalidToken;
import static dev.scopekey.testkit.HttpAuthAssert.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Tag;
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
@Tag("http")
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
            for (String variant : TokenArbitraries.caseVariants(reader)) {
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
}
