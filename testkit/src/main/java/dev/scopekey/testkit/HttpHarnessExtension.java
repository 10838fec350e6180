package dev.scopekey.testkit;

import dev.scopekey.domain.PlainToken;
import java.util.Objects;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that starts an {@link HttpHarness} before each test, on that test's
 * {@link ScopeKeyExtension} fixture, and closes it after: every token the fixture minted is
 * watched, so the test fails if a reply carries one.
 *
 * <pre>{@code
 * @ExtendWith(ScopeKeyExtension.class)
 * class ReportsHttpTest {
 *     @RegisterExtension
 *     final HttpHarnessExtension http = HttpHarnessExtension.of(
 *             fixture -> HttpHarness.webApp(Path.of("src/main/webapp")).tokenService(fixture.service()));
 *
 *     @Test
 *     void readerMayRead(HttpHarness http, @TestToken(scopes = "reports:read") String token) {
 *         HttpAuthAssert.assertStatus(http.get("/reports", token), 200);
 *     }
 * }
 * }</pre>
 *
 * <p>Register {@link ScopeKeyExtension} first (class-level {@code @ExtendWith} comes before
 * {@code @RegisterExtension} fields). Test and {@code @BeforeEach} methods may ask for the
 * {@link HttpHarness}.
 */
public final class HttpHarnessExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(
            HttpHarnessExtension.class);
    private static final String HARNESS = "harness";

    private final Function<ScopeKeyFixture, WebApplication> application;

    private HttpHarnessExtension(Function<ScopeKeyFixture, WebApplication> application) {
        this.application = application;
    }

    /**
     * Starts, for each test, the application that {@code application} describes for the test's fixture.
     *
     * @param application builds the application from the test's fixture
     * @return the extension
     */
    public static HttpHarnessExtension of(Function<ScopeKeyFixture, WebApplication> application) {
        return new HttpHarnessExtension(Objects.requireNonNull(application, "application"));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        ScopeKeyFixture fixture = ScopeKeyExtension.fixtureOf(context);
        if (fixture == null) {
            throw new ExtensionConfigurationException("HttpHarnessExtension runs on ScopeKeyExtension's fixture: "
                    + "register ScopeKeyExtension first, with @ExtendWith on the class");
        }
        context.getStore(NAMESPACE).put(HARNESS, application.apply(fixture).start());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        HttpHarness harness = context.getStore(NAMESPACE).remove(HARNESS, HttpHarness.class);
        if (harness == null) {
            return;
        }
        ScopeKeyFixture fixture = ScopeKeyExtension.fixtureOf(context);
        if (fixture != null) {
            for (PlainToken token : fixture.mintedTokens()) {
                harness.watch(token.reveal());
            }
        }
        harness.close();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == HttpHarness.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        HttpHarness harness = context.getStore(NAMESPACE).get(HARNESS, HttpHarness.class);
        if (harness == null) {
            throw new ParameterResolutionException("HttpHarnessExtension starts a harness per test: ask for it in a test or @BeforeEach method");
        }
        return harness;
    }
}
