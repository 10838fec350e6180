package dev.scopekey.testkit.report;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** A child JVM's main: runs the sample classes through the JUnit Platform launcher, with its auto-registered listeners. */
final class SampleRun {
    private SampleRun() {
    }

    public static void main(String[] args) {
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(AbortingSample.class), selectClass(DisabledSample.class)).build());
    }
}
