package dev.scopekey.testkit.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** A sample run only by {@link SampleRun}: a class whose three tests a condition switches off. */
@EnabledIfSystemProperty(named = "sample.never.set", matches = "yes", disabledReason = "sample.never.set is not yes")
class DisabledSample {
    @Test
    void one() {
        // never runs
    }

    @Test
    void two() {
        // never runs
    }

    @Test
    void three() {
        // never runs
    }
}
