package dev.scopekey.testkit.report;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A sample run only by {@link SampleRun}: one test passes, two abort, and a nested class aborts before its tests. */
class AbortingSample {
    @Test
    void passes() {
        // runs and passes
    }

    @Test
    void abortsForLackOfAServer() {
        Assumptions.abort("SAMPLE_SERVER_URL is not set:\n the sample needs a server");
    }

    @Test
    void abortsForLackOfAServerToo() {
        Assumptions.abort("SAMPLE_SERVER_URL is not set:\n the sample needs a server");
    }

    @Nested
    class WithoutItsFixture {
        @org.junit.jupiter.api.BeforeEach
        void fixture() {
            Assumptions.abort("no fixture here");
        }

        @Test
        void first() {
            // never runs
        }

        @Test
        void second() {
            // never runs
        }
    }
}
