package dev.scopekey.testkit;

import static dev.scopekey.testkit.HttpAuthAssert.assertAuthenticationRequired;
import static dev.scopekey.testkit.HttpAuthAssert.assertForbiddenWithoutChallenge;
import static dev.scopekey.testkit.HttpAuthAssert.assertInvalidToken;
import static dev.scopekey.testkit.HttpAuthAssert.assertStatus;
import static dev.scopekey.testkit.HttpAuthAssert.assertUnavailable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.port.TokenStoreException;
import dev.scopekey.service.TokenService;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The extension starts a harness per test on the test's fixture, hands it to the test, and
 * closes it after, failing the test when a reply repeated one of the fixture's tokens.
 */
@Tag("http")
@ExtendWith(ScopeKeyExtension.class)
class HttpHarnessExtensionTest {
    /** Tokens the sample tests minted, by sample, so the checks can look for them in messages. */
    static final Map<String, String> SECRETS = new ConcurrentHashMap<>();

    @RegisterExtension
    final HttpHarnessExtension http = HttpHarnessExtension.of(fixture -> gated(fixture.service()));

    static WebApplication gated(TokenService service) {
        return HttpHarness.filter(GateFilter.class).initParam("scope", "reports:read")
                .servlet("/*", EchoServlet.class).tokenService(service);
    }

    @Test
    void harness_runsOnTheTestsService_overRealHttp(HttpHarness http, TokenService service,
                                                   @TestToken(scopes = "reports:read") String reader,
                                                   @TestToken(scopes = "other") String other,
                                                   @TestToken(scopes = "reports:read", revoked = true) String revoked) {
        assertSame(service, http.attribute(HttpHarness.TOKEN_SERVICE_ATTRIBUTE));
        assertStatus(http.get("/reports", reader), 200);
        assertEquals("gate", assertAuthenticationRequired(http.get("/reports", null)).realm());
        assertInvalidToken(http.get("/reports", revoked));
        assertInvalidToken(http.get("/reports", "sk_unknown"));
        assertForbiddenWithoutChallenge(http.get("/reports", other));
    }

    @Test
    void aStoreThatFails_is503(@TestToken(scopes = "reports:read") String reader) {
        try (TokenService failing = TokenService.builder(new UnavailableTokenStore()).audit(event -> { }).build();
             HttpHarness down = gated(failing).start()) {
            assertEquals("5", assertUnavailable(down.get("/reports", reader)));
        }
    }

    @Test
    void aReplyRepeatingAFixtureToken_failsTheTest_namingOnlyItsPrefix() {
        List<Throwable> failures = Samples.failures(Samples.run(EchoingSample.class));

        assertEquals(1, failures.size());
        String message = failures.get(0).getMessage();
        String token = SECRETS.get("echo");
        assertTrue(message.contains("prefix " + token.substring(0, 15)), message);
        assertFalse(message.contains(token.substring(15)), message);
    }

    @Test
    void withoutScopeKeyExtension_theTestFailsSayingWhy() {
        List<Throwable> failures = Samples.failures(Samples.run(WithoutFixtureSample.class));

        assertEquals(1, failures.size());
        assertTrue(failures.get(0) instanceof ExtensionConfigurationException, failures.get(0).toString());
        assertTrue(failures.get(0).getMessage().contains("register ScopeKeyExtension first"));
    }

    @ExtendWith({EngineTestKitOnly.class, ScopeKeyExtension.class})
    static class EchoingSample {
        @RegisterExtension
        final HttpHarnessExtension http = HttpHarnessExtension.of(fixture -> gated(fixture.service()));

        @Test
        void echoesTheToken(HttpHarness http, @TestToken(scopes = "reports:read") String token) {
            SECRETS.put("echo", token);
            assertStatus(http.get("/reports?echo=authorization", token), 200);
        }
    }

    @ExtendWith(EngineTestKitOnly.class)
    static class WithoutFixtureSample {
        @RegisterExtension
        final HttpHarnessExtension http = HttpHarnessExtension.of(fixture -> gated(fixture.service()));

        @Test
        void neverRuns(HttpHarness http) {
            throw new TokenStoreException("not reached");
        }
    }
}
