package dev.scopekey.testkit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.Events;

/**
 * The child JVM of {@code LogProvidersTest}: runs {@link GuardedRequests} under whatever SLF4J
 * provider its class path holds and writes one line per test to the file named by its argument,
 * {@code <test> SUCCESSFUL} or {@code <test> FAILED <message>}. Its own output holds the token
 * on purpose; the parent never shows it.
 */
public final class LogProbe {
    private LogProbe() {
    }

    public static void main(String[] args) throws IOException {
        Events events = Samples.run(selectClass(GuardedRequests.class));
        List<String> lines = new ArrayList<>();
        events.finished().stream().forEach(event -> {
            TestExecutionResult result = event.getRequiredPayload(TestExecutionResult.class);
            String name = event.getTestDescriptor().getDisplayName().replaceAll("\\(.*", "");
            lines.add(name + " " + result.getStatus() + result.getThrowable()
                    .map(t -> " " + t.getClass().getSimpleName() + ": " + t.getMessage()).orElse(""));
        });
        Files.write(Path.of(args[0]), lines, StandardCharsets.UTF_8);
        System.exit(0);
    }

    /** Two requests under the guard: one to a servlet that logs the bearer token, one to a clean one. */
    @ExtendWith({EngineTestKitOnly.class, ScopeKeyExtension.class, SecretLeakGuard.class})
    static class GuardedRequests {
        @RegisterExtension
        final HttpHarnessExtension server = HttpHarnessExtension.of(fixture -> HttpHarness.filter(GateFilter.class)
                .initParam("scope", "app:use")
                .servlet("/leaky", LoggingServlet.class, Map.of("log-authorization", "true"))
                .servlet("/clean", LoggingServlet.class)
                .tokenService(fixture.service()));

        @Test
        void leakyServlet(HttpHarness http, @TestToken(scopes = "app:use") String token) {
            HttpAuthAssert.assertStatus(http.get("/leaky", token), 200);
        }

        @Test
        void cleanServlet(HttpHarness http, @TestToken(scopes = "app:use") String token) {
            HttpAuthAssert.assertStatus(http.get("/clean", token), 200);
        }
    }
}
