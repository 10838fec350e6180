package dev.scopekey.testkit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Runs sample test classes through the Jupiter engine and reports how their tests ended. */
final class Samples {
    private Samples() {
    }

    static Events run(Class<?> sample) {
        return run(selectClass(sample));
    }

    /** Runs what the selector picks, such as one inherited test method of a sample class. */
    static Events run(DiscoverySelector selector) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter(EngineTestKitOnly.PARAMETER, "true")
                .selectors(selector)
                .execute()
                .testEvents();
    }

    /** The failures of the finished tests, in order. */
    static List<Throwable> failures(Events events) {
        return events.finished().stream()
                .map(e -> e.getRequiredPayload(TestExecutionResult.class))
                .filter(r -> r.getStatus() != TestExecutionResult.Status.SUCCESSFUL)
                .map(r -> r.getThrowable().orElseThrow())
                .collect(Collectors.toList());
    }

    static long succeeded(Events events) {
        return events.succeeded().count();
    }
}
