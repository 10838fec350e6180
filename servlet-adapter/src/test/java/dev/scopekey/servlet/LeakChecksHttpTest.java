package dev.scopekey.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.scopekey.testkit.HttpHarness;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.opentest4j.AssertionFailedError;
import org.slf4j.LoggerFactory;

/** The leak checks every HTTP test relies on do fail when a token shows up where it must not. */
@Tag("http")
class LeakChecksHttpTest extends HttpTestSupport {
    private static final String SAMPLES = "scopekey.servlet.leak-samples";
    private static final String KAFKA = "/api/kafka/endpoint";

    @Test
    void tokenInAnotherResponseBody_failsTheCheck_namingOnlyItsPrefix() {
        start(WebXml.standard());
        String read = token("kafka:endpoint:read");
        assertEquals(200, http.get(KAFKA, read).status());
        assertTrue(http.get("/echo/" + read, read).body().contains(read), "the echo resource repeats its path");

        HttpHarness leaky = http;
        http = null;
        AssertionFailedError failure = assertThrows(AssertionFailedError.class, leaky::close);

        assertTrue(failure.getMessage().contains("prefix " + read.substring(0, 15)), failure.getMessage());
        assertFalse(failure.getMessage().contains(read.substring(15)), failure.getMessage());
    }

    @Test
    void tokenInTheLog_failsTheTest() {
        System.setProperty(SAMPLES, "true");
        List<Throwable> failures;
        try {
            failures = EngineTestKit.engine("junit-jupiter").selectors(selectClass(LogsItsToken.class)).execute()
                    .testEvents().failed().stream().map(e -> e.getRequiredPayload(TestExecutionResult.class)
                            .getThrowable().orElseThrow()).collect(Collectors.toList());
        } finally {
            System.clearProperty(SAMPLES);
        }

        assertEquals(1, failures.size());
        assertTrue(failures.get(0).getMessage().startsWith("SecretLeakGuard: the token with prefix "),
                failures.get(0).getMessage());
    }

    /** Logs a token it minted: run only by {@link #tokenInTheLog_failsTheTest}. */
    @EnabledIfSystemProperty(named = SAMPLES, matches = "true")
    static class LogsItsToken extends HttpTestSupport {
        @Test
        void logsTheToken() {
            start(WebXml.standard());
            String read = token("kafka:endpoint:read");
            assertEquals(200, http.get(KAFKA, read).status());
            LoggerFactory.getLogger(LogsItsToken.class).info("calling with {}", read);
        }
    }
}
