package dev.scopekey.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.PlainToken;
import dev.scopekey.domain.TokenFormat;
import dev.scopekey.service.ClientRequest;
import dev.scopekey.service.TokenService;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.Events;
import org.opentest4j.AssertionFailedError;
import org.slf4j.LoggerFactory;

/** The leak guard fails tests whose tokens reach log output, names no secret, and passes clean tests. */
class SecretLeakGuardTest {
    /** Tokens the sample tests minted, by test name, so the checks can look for them in messages. */
    static final Map<String, String> SECRETS = new ConcurrentHashMap<>();

    @Test
    void tokenPrintedToSystemErr_failsTheTest_withoutNamingTheSecret() {
        Throwable failure = onlyFailure(Samples.run(LeakToStderr.class));
        assertLeakReported(failure, "System.err", SECRETS.get("stderr"));
    }

    @Test
    void tokenLoggedThroughSlf4jSimple_failsTheTest() {
        Throwable failure = onlyFailure(Samples.run(LeakThroughSlf4j.class));
        assertLeakReported(failure, "System.err", SECRETS.get("slf4j"));
    }

    @Test
    void tokenLoggedThroughJavaUtilLogging_failsTheTest() {
        Throwable failure = onlyFailure(Samples.run(LeakThroughJul.class));
        assertLeakReported(failure, "java.util.logging", SECRETS.get("jul"));
    }

    @Test
    void tokenPrintedToSystemOut_failsTheTest_unlessStdoutIsIgnored() {
        assertLeakReported(onlyFailure(Samples.run(LeakToStdout.class)), "System.out", SECRETS.get("stdout"));
        Events ignoring = Samples.run(PrintToStdoutIgnored.class);
        assertEquals(List.of(), Samples.failures(ignoring));
        assertEquals(1, Samples.succeeded(ignoring));
    }

    @Test
    void onlyTheSecretPartPrinted_stillFailsTheTest() {
        Throwable failure = onlyFailure(Samples.run(LeakSecretPartOnly.class));
        assertLeakReported(failure, "System.err", SECRETS.get("part"));
    }

    @Test
    void tokenMintedThroughTheInjectedService_isWatchedToo() {
        Throwable failure = onlyFailure(Samples.run(LeakServiceMinted.class));
        assertLeakReported(failure, "System.err", SECRETS.get("service"));
    }

    @Test
    void tokenGivenToWatch_isWatched_withoutScopeKeyExtension() {
        Throwable failure = onlyFailure(Samples.run(LeakWatched.class));
        assertLeakReported(failure, "System.err", SECRETS.get("watched"));
    }

    @Test
    void testThatLogsOnlyPrefixesAndOtherTokens_passes() {
        Events events = Samples.run(CleanLogging.class);
        assertEquals(List.of(), Samples.failures(events));
        assertEquals(1, Samples.succeeded(events));
    }

    @Test
    void guard_restoresTheConsoleStreams_afterEachTest() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        Samples.run(LeakToStderr.class);
        Samples.run(CleanLogging.class);
        assertSame(out, System.out);
        assertSame(err, System.err);
    }

    private static Throwable onlyFailure(Events events) {
        List<Throwable> failures = Samples.failures(events);
        assertEquals(1, failures.size(), "one sample test fails");
        return failures.get(0);
    }

    private static void assertLeakReported(Throwable failure, String where, String secret) {
        assertTrue(failure instanceof AssertionFailedError, "an assertion failure, got " + failure);
        String message = failure.getMessage();
        assertTrue(message.startsWith("SecretLeakGuard:"), message);
        assertTrue(message.contains(where), message);
        assertTrue(secret != null && secret.length() > 20, "the sample recorded its token");
        String prefix = PlainToken.of(secret).prefix();
        assertTrue(message.contains(prefix), "the failure names the prefix: " + message);
        assertFalse(message.contains(secret.substring(prefix.length())), "the failure never names the secret");
    }

    // --- sample test classes, run only through EngineTestKit -------------------------------------

    @ExtendWith({EngineTestKitOnly.class, ScopeKeyExtension.class, SecretLeakGuard.class})
    static class LeakToStderr {
        @Test
        void leaks(@TestToken(scopes = "a") String token) {
            SECRETS.put("stderr", token);
            System.err.println("debug: presented " + token);
        }
    }

    @ExtendWith({EngineTestKitOnly.class, ScopeKeyExtension.class, SecretLeakGuard.class})
    static class LeakThroughSlf4j {
        @Test
        void leaks(@TestToken(scopes = "a") String token) {
            SECRETS.put("slf4j", token);
            LoggerFactory.getLogger("sample.login").warn("rejected bearer {}", token);
        }
    }

    @ExtendWith({EngineTestKitOnly.class, ScopeKeyExtension.class, SecretLeakGuard.class})
    static class LeakThroughJul {
        @Test
        void leaks(@TestToken(scopes = "a") PlainToken token) {
            SECRETS.put("jul", token.reveal());
            Logger.getLogger("sample.jul").warning("token=" + token.reveal());
        }
    }

    @ExtendWith({EngineTestKitOnly.class, ScopeKeyExtension.class, SecretLeakGuard.class})
    static class LeakToStdout {
        @Test
        void leaks(@TestToken(scopes = "a") String token) {
            SECRETS.put("stdout", token);
            System.out.println(token);
        }
    }

    @ExtendWith({EngineTestKitOnly.class, ScopeKeyExtension.class})
    static class PrintToStdoutIgnored {
        @RegisterExtension
        final SecretLeakGuard guard = SecretLeakGuard.ignoringStdout();

        @Test
        void printsTheMintedTokenOnPurpose(@TestToken(scopes = "a") String token) {
            System.out.println(token);
        }
    }

    @ExtendWith({EngineTestKitOnly.class, ScopeKeyExtension.class, SecretLeakGuard.class})
    static class LeakSecretPartOnly {
        @Test
        void leaks(@TestToken(scopes = "a") PlainToken token) {
            SECRETS.put("part", token.reveal());
            String secret = token.reveal().substring(token.prefix().length(), token.prefix().length() + 32);
            System.err.println("secret part " + secret);
        }
    }

    @ExtendWith({EngineTestKitOnly.class, ScopeKeyExtension.class, SecretLeakGuard.class})
    static class LeakServiceMinted {
        @Test
        void leaks(TokenService service, ScopeKeyFixture fixture) {
            String token = service.mint(fixture.operator(), dev.scopekey.service.MintRequest.of("a")).value()
                    .token().reveal();
            SECRETS.put("service", token);
            System.err.println("[" + token + "]");
        }
    }

    @ExtendWith(EngineTestKitOnly.class)
    static class LeakWatched {
        @RegisterExtension
        final SecretLeakGuard guard = new SecretLeakGuard();

        @Test
        void leaks() {
            String token = TokenFormat.withBrand("acme").generate(new SecureRandom()).reveal();
            guard.watch(token);
            SECRETS.put("watched", token);
            System.err.print(token);
        }
    }

    @ExtendWith({EngineTestKitOnly.class, ScopeKeyExtension.class, SecretLeakGuard.class})
    static class CleanLogging {
        @Test
        void logsPrefixesOnly(@TestToken(scopes = "a") PlainToken token, TokenService service) {
            System.err.println("minted " + token.prefix() + " " + token);
            LoggerFactory.getLogger("sample.clean").info("authenticated {}", token.prefix());
            Logger.getLogger("sample.clean").info("prefix " + token.prefix());
            String stranger = TokenFormat.standard().generate(new SecureRandom()).reveal();
            System.err.println("a token this test's store does not know: " + stranger);
            assertTrue(service.authenticate(token.reveal(), ClientRequest.NONE).isGranted());
        }
    }
}
