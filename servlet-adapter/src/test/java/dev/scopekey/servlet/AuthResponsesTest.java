package dev.scopekey.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scopekey.domain.AuthDecision;
import dev.scopekey.domain.DenialReason;
import dev.scopekey.domain.ScopeSet;
import dev.scopekey.domain.TokenPrincipal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The filter's answers, called directly: status, challenge, Retry-After and body for each decision. */
class AuthResponsesTest {
    private static final TokenPrincipal CALLER =
            TokenPrincipal.integrator("test-tier", "alice", ScopeSet.parseList("orders:read"));

    @Test
    void aGrantedDecision_isNeverAnsweredAsARefusal() {
        RecordedResponse response = new RecordedResponse();

        assertThrows(IllegalArgumentException.class,
                () -> new AuthResponses("api", false).reject(response.proxy(), new AuthDecision.Granted(CALLER)));
        assertEquals(0, response.status);
        assertEquals(Map.of(), response.headers);
    }

    @Test
    void aRateLimitedDenial_withoutAWait_isToldToRetryAfterOneSecond() throws Exception {
        RecordedResponse response = new RecordedResponse();

        new AuthResponses("api", false).reject(response.proxy(), AuthDecision.Denied.because(DenialReason.RATE_LIMITED));

        assertEquals(429, response.status);
        assertEquals("1", response.headers.get("Retry-After"));
        assertFalse(response.headers.containsKey("WWW-Authenticate"));
    }

    @Test
    void aRateLimitedDenial_isToldTheWaitInWholeSecondsRoundedUp() throws Exception {
        RecordedResponse response = new RecordedResponse();

        new AuthResponses("api", false).reject(response.proxy(),
                AuthDecision.Denied.rateLimited(CALLER, Duration.ofMillis(2001)));

        assertEquals(429, response.status);
        assertEquals("3", response.headers.get("Retry-After"));
    }

    @Test
    void seconds_roundUp_andAreAtLeastOne() {
        assertEquals(1, AuthResponses.seconds(Duration.ZERO));
        assertEquals(1, AuthResponses.seconds(Duration.ofNanos(1)));
        assertEquals(1, AuthResponses.seconds(Duration.ofSeconds(1)));
        assertEquals(2, AuthResponses.seconds(Duration.ofSeconds(1).plusNanos(1)));
        assertEquals(60, AuthResponses.seconds(Duration.ofMinutes(1)));
        assertEquals(1, AuthResponses.seconds(Duration.ofSeconds(-5)));
    }

    @Test
    void insufficientScope_namesTheScopeInTheChallenge_onlyWhenTheChallengeIsOn() throws Exception {
        AuthDecision.Denied denied = new AuthDecision.Denied(DenialReason.INSUFFICIENT_SCOPE, CALLER, "orders:write");
        RecordedResponse on = new RecordedResponse();
        RecordedResponse off = new RecordedResponse();

        new AuthResponses("api", true).reject(on.proxy(), denied);
        new AuthResponses("api", false).reject(off.proxy(), denied);

        assertEquals(403, on.status);
        assertEquals("Bearer realm=\"api\", error=\"insufficient_scope\", scope=\"orders:write\"",
                on.headers.get("WWW-Authenticate"));
        assertEquals(403, off.status);
        assertFalse(off.headers.containsKey("WWW-Authenticate"));
        assertEquals(on.body(), off.body());
        assertEquals("{\"error\":\"insufficient_scope\",\"message\":\"this route requires scope orders:write\"}",
                on.body());
    }

    @Test
    void aRouteNoRuleGrants_isA403WithoutAScope() throws Exception {
        AuthDecision.Denied denied = new AuthDecision.Denied(DenialReason.INSUFFICIENT_SCOPE, CALLER, null);
        RecordedResponse on = new RecordedResponse();

        new AuthResponses("api", true).reject(on.proxy(), denied);

        assertEquals(403, on.status);
        assertEquals("Bearer realm=\"api\", error=\"insufficient_scope\"", on.headers.get("WWW-Authenticate"));
        assertEquals("{\"error\":\"insufficient_scope\",\"message\":\"no rule grants access to this route\"}",
                on.body());
    }
}
