package dev.scopekey.testkit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The guard shows a test what was logged so far, for assertions on log lines. */
class SecretLeakGuardOutputTest {
    @RegisterExtension
    final SecretLeakGuard guard = new SecretLeakGuard();

    @Test
    void capturedOutput_holdsStderrAndJulLines_ofThisTestOnly() {
        assertFalse(guard.capturedOutput().contains("line-of-this-test"));

        System.err.println("stderr-line-of-this-test");
        Logger.getLogger("dev.scopekey.testkit.sample").warning("jul-line-of-this-test");

        String output = guard.capturedOutput();
        assertTrue(output.contains("stderr-line-of-this-test"), output);
        assertTrue(output.contains("jul-line-of-this-test"), output);
    }

    @Test
    void capturedOutput_outsideATest_isRefused() {
        assertThrows(IllegalStateException.class, () -> new SecretLeakGuard().capturedOutput());
    }
}
