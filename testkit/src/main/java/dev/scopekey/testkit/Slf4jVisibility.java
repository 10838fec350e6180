package dev.scopekey.testkit;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

/**
 * Whether log lines written through SLF4J reach output the leak guard reads. With no provider
 * on the class path SLF4J drops every line, so a guard that passed would vouch for nothing.
 */
final class Slf4jVisibility {
    static final String NO_PROVIDER = "SecretLeakGuard cannot see what the code under test logs: there is no SLF4J "
            + "provider on the test class path, so SLF4J drops every log line. Add one as a test dependency "
            + "(org.slf4j:slf4j-simple, or ch.qos.logback:logback-classic) so that the guard can check the output.";

    private Slf4jVisibility() {
    }

    /** @throws ExtensionConfigurationException when SLF4J logs nowhere */
    static void requireProvider() {
        if (LoggerFactory.getILoggerFactory() instanceof NOPLoggerFactory) {
            throw new ExtensionConfigurationException(NO_PROVIDER);
        }
    }
}
