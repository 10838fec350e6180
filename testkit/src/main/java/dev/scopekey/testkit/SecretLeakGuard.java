package dev.scopekey.testkit;

import dev.scopekey.domain.PlainToken;
import dev.scopekey.domain.TokenFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.AssertionFailedError;

/**
 * JUnit 5 extension that fails a test when a token minted during it shows up in log output:
 * {@code System.err} (where slf4j-simple writes), {@code System.out}, and records reaching the
 * root {@code java.util.logging} logger. It watches every token {@link ScopeKeyExtension} mints
 * for the test, any minted-format token the test's fixture store knows (so tokens minted
 * through the injected service count too), and any secret given to {@link #watch}.
 *
 * <pre>{@code
 * @ExtendWith({ScopeKeyExtension.class, SecretLeakGuard.class})
 * class NoLeaksTest {
 *     @Test
 *     void loginNeverLogsTheToken(@TestToken(scopes = "app:use") String token) {
 *         new LoginService().login(token);   // fails the test if the token reaches a log
 *     }
 * }
 * }</pre>
 *
 * <p>A minted token counts as leaked when its 32-character secret part appears; a watched
 * legacy token when its whole text does. The failure names the token's display prefix and where
 * it appeared, never the secret. Output is copied, not swallowed. Logging frameworks that keep
 * their own reference to the console stream from before the test (some console appenders do)
 * bypass the copy; log to a stream the guard sees in tests. {@code System.out} and
 * {@code System.err} are global, so do not run guarded tests in parallel. A test that prints a
 * token on purpose (a CLI's mint output) can use {@link #ignoringStdout()}.
 *
 * <p>With no SLF4J provider on the class path SLF4J drops every log line, so the guard fails each
 * test with an {@code ExtensionConfigurationException} that says so rather than vouch for output
 * it cannot see. The HTTP harness keeps its own Jetty's loggers at INFO, so their DEBUG lines
 * (request headers) are not what the guard reports.
 */
public final class SecretLeakGuard implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private final boolean watchStdout;
    private final List<PlainToken> watched = new CopyOnWriteArrayList<>();
    private volatile OutputCapture capture;

    /** A guard over {@code System.out}, {@code System.err} and {@code java.util.logging}. */
    public SecretLeakGuard() {
        this(true);
    }

    private SecretLeakGuard(boolean watchStdout) {
        this.watchStdout = watchStdout;
    }

    /**
     * A guard over {@code System.err} and {@code java.util.logging} only.
     *
     * @return the guard
     */
    public static SecretLeakGuard ignoringStdout() {
        return new SecretLeakGuard(false);
    }

    /**
     * Watches a token minted outside {@link ScopeKeyExtension} for the rest of the running test.
     *
     * @param token the token's text
     * @return this guard
     * @throws IllegalArgumentException if the text is not a token
     */
    public SecretLeakGuard watch(String token) {
        return watch(PlainToken.of(Objects.requireNonNull(token, "token")));
    }

    /**
     * Watches a token minted outside {@link ScopeKeyExtension} for the rest of the running test.
     *
     * @param token the token
     * @return this guard
     */
    public SecretLeakGuard watch(PlainToken token) {
        watched.add(Objects.requireNonNull(token, "token"));
        return this;
    }

    /**
     * Everything the guard copied so far in the running test, {@code java.util.logging} records
     * first, then {@code System.err} and {@code System.out}: for tests that assert on a log line.
     *
     * @return the captured output
     * @throws IllegalStateException outside a test
     */
    public String capturedOutput() {
        OutputCapture running = capture;
        if (running == null) {
            throw new IllegalStateException("the guard captures output only while a test runs");
        }
        return String.join("", running.snapshot().values());
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Slf4jVisibility.requireProvider();
        watched.clear();
        capture = new OutputCapture(watchStdout);
        capture.start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (capture == null) {
            return;
        }
        Map<String, String> output = capture.stop();
        capture = null;
        ScopeKeyFixture fixture = ScopeKeyExtension.fixtureOf(context);
        List<PlainToken> tokens = new ArrayList<>(watched);
        if (fixture != null) {
            tokens.addAll(fixture.mintedTokens());
        }
        watched.clear();
        for (Map.Entry<String, String> source : output.entrySet()) {
            String leaked = findLeak(source.getValue(), tokens, fixture);
            if (leaked != null) {
                throw new AssertionFailedError("SecretLeakGuard: the token with prefix " + leaked
                        + " appeared in " + source.getKey() + " output during this test; find the code that "
                        + "logged it (the guard never prints the secret)");
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == SecretLeakGuard.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return this;
    }

    /** The display prefix of a token whose secret is in {@code text}, or null. */
    static String findLeak(String text, List<PlainToken> tokens, ScopeKeyFixture fixture) {
        for (PlainToken token : tokens) {
            if (text.contains(secretPart(token))) {
                return token.prefix();
            }
        }
        return fixture == null ? null : findStoredMintedToken(text, fixture);
    }

    /** The 32-character secret of a minted token; the whole text of a legacy one. */
    static String secretPart(PlainToken token) {
        String text = token.reveal();
        if (!token.isMinted()) {
            return text;
        }
        int secretStart = token.prefix().length();
        return text.substring(secretStart, secretStart + TokenFormat.SECRET_LENGTH);
    }

    /** Minted-format tokens in {@code text} that the fixture's store holds, found by their checksum. */
    private static String findStoredMintedToken(String text, ScopeKeyFixture fixture) {
        int bodyLength = TokenFormat.ID_LENGTH + TokenFormat.SECRET_LENGTH + TokenFormat.CHECK_LENGTH;
        for (int underscore = text.indexOf('_'); underscore >= 0; underscore = text.indexOf('_', underscore + 1)) {
            if (underscore + 1 + bodyLength > text.length()) {
                return null;
            }
            for (int start = Math.max(0, underscore - 16); start < underscore - 1; start++) {
                String candidate = text.substring(start, underscore + 1 + bodyLength);
                if (TokenFormat.isValidMinted(candidate)) {
                    PlainToken token = PlainToken.of(candidate);
                    if (fixture.store().findByHash(token.hash()).isPresent()) {
                        return token.prefix();
                    }
                }
            }
        }
        return null;
    }
}
