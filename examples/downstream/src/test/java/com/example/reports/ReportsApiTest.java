package com.example.reports;

import static dev.scopekey.testkit.HttpAuthAssert.assertAuthenticationRequired;
import static dev.scopekey.testkit.HttpAuthAssert.assertForbiddenWithoutChallenge;
import static dev.scopekey.testkit.HttpAuthAssert.assertInvalidRequest;
import static dev.scopekey.testkit.HttpAuthAssert.assertInvalidToken;
import static dev.scopekey.testkit.HttpAuthAssert.assertStatus;
import static dev.scopekey.testkit.HttpAuthAssert.assertUnavailable;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scopekey.ScopeKey;
import dev.scopekey.port.AuditSink;
import dev.scopekey.service.TokenService;
import dev.scopekey.testkit.HttpHarness;
import dev.scopekey.testkit.HttpHarnessExtension;
import dev.scopekey.testkit.HttpReply;
import dev.scopekey.testkit.MutableClock;
import dev.scopekey.testkit.ScopeKeyExtension;
import dev.scopekey.testkit.SecretLeakGuard;
import dev.scopekey.testkit.TestToken;
import dev.scopekey.testkit.UnavailableTokenStore;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The application as it ships: its own web.xml on a real Jetty, run on each test's in-memory
 * token service (the production store and admin token in web.xml are left out). Tokens come
 * from {@code @TestToken}; the test fails if one reaches a log line or a response it should not.
 */
@ExtendWith({ScopeKeyExtension.class, SecretLeakGuard.class})
class ReportsApiTest {
    private static final Path WEBAPP = Path.of("src/main/webapp");

    @RegisterExtension
    final HttpHarnessExtension server = HttpHarnessExtension.of(
            fixture -> HttpHarness.webApp(WEBAPP).tokenService(fixture.service()));

    @Test
    void readerSeesTheReports(HttpHarness http, @TestToken(scopes = "reports:read", subject = "alice") String token) {
        HttpReply reply = assertStatus(http.get("/api/reports", token), 200);

        assertEquals("reports for alice: q1 revenue", reply.body());
    }

    @Test
    void writerAddsAReport(HttpHarness http, @TestToken(scopes = {"reports:read", "reports:write"}) String token) {
        assertStatus(http.post("/api/reports", token, "text/plain", "q2 costs"), 201);

        assertEquals("q1 revenue, q2 costs", http.get("/api/reports", token).body().split(": ")[1]);
    }

    @Test
    void readerCannotWrite(HttpHarness http, @TestToken(scopes = "reports:read") String token) {
        assertForbiddenWithoutChallenge(http.post("/api/reports", token, "text/plain", "q2 costs"));
    }

    @Test
    void withoutATokenTheCallerIsChallenged(HttpHarness http) {
        assertEquals("reports", assertAuthenticationRequired(http.get("/api/reports", null)).realm());
    }

    @Test
    void revokedUnknownAndExpiredTokensAreInvalid(HttpHarness http, MutableClock clock,
                                                  @TestToken(scopes = "reports:read", revoked = true) String revoked,
                                                  @TestToken(scopes = "reports:read", expiresIn = "1h") String hourly) {
        assertInvalidToken(http.get("/api/reports", revoked));
        assertInvalidToken(http.get("/api/reports", "sk_not-a-real-token"));
        assertStatus(http.get("/api/reports", hourly), 200);

        clock.advance(Duration.ofHours(1));

        assertInvalidToken(http.get("/api/reports", hourly));
    }

    @Test
    void twoTokensInOneRequestAreAnInvalidRequest(HttpHarness http, @TestToken(scopes = "reports:read") String token) {
        byte[] header = ("Authorization: Bearer " + token).getBytes(US_ASCII);

        assertInvalidRequest(http.rawGet("/api/reports", header, header));
    }

    @Test
    void healthIsOpen_andUnknownRoutesAreDenied(HttpHarness http, @TestToken(scopes = "reports:read") String token) {
        assertEquals("ok", assertStatus(http.get("/health", null), 200).body());
        assertForbiddenWithoutChallenge(http.get("/api/other", token));
    }

    @Test
    void rootMintsAReaderOverTheAdminApi(HttpHarness http, @TestToken(root = true) String root) {
        HttpReply minted = assertStatus(http.postJson("/api/auth/tokens/", root, "{\"scopes\":[\"reports:read\"]}"), 201);
        String reader = minted.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        http.issuedIn(reader, minted);

        assertStatus(http.get("/api/reports", reader), 200);
        assertForbiddenWithoutChallenge(http.postJson("/api/auth/tokens/", reader, "{\"scopes\":[\"reports:read\"]}"));
    }

    @Test
    void aTokenStoreOutageIsA503(@TestToken(scopes = "reports:read") String token) {
        try (TokenService down = ScopeKey.tokens(new UnavailableTokenStore()).audit(AuditSink.discarding()).build();
             HttpHarness http = HttpHarness.webApp(WEBAPP).tokenService(down).start()) {
            assertUnavailable(http.get("/api/reports", token));
        }
    }
}
