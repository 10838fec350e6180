package dev.scopekey.testkit;

import dev.scopekey.domain.PlainToken;
import dev.scopekey.port.TokenStore;
import dev.scopekey.service.TokenService;
import dev.scopekey.store.memory.InMemoryTokenStore;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that gives every test a fresh in-memory {@link TokenService} on a
 * {@link MutableClock}, and tokens minted by declaration with {@link TestToken}:
 *
 * <pre>{@code
 * @ExtendWith(ScopeKeyExtension.class)
 * class ReportsTest {
 *     @Test
 *     void expiredTokensAreRefused(TokenService service, MutableClock clock,
 *                                  @TestToken(scopes = "reports:read", expiresIn = "1h") String token) {
 *         clock.advance(Duration.ofHours(1));
 *         AuthDecisionAssert.assertDenied(service.authenticate(token, ClientRequest.NONE), DenialReason.EXPIRED);
 *     }
 * }
 * }</pre>
 *
 * <p>Test and {@code @BeforeEach} methods may ask for {@link TokenService}, {@link MutableClock}
 * (or {@link Clock}), {@link TokenStore} (or {@link InMemoryTokenStore}), {@link ScopeKeyFixture},
 * and {@code @TestToken String} or {@code @TestToken PlainToken}. All of them belong to the one
 * fixture of the running test; the service is closed after it.
 */
public final class ScopeKeyExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
    static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ScopeKeyExtension.class);
    private static final String FIXTURE = "fixture";
    private static final List<Class<?>> RESOLVED = List.of(TokenService.class, MutableClock.class, Clock.class,
            TokenStore.class, InMemoryTokenStore.class, ScopeKeyFixture.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).getOrComputeIfAbsent(FIXTURE, key -> ScopeKeyFixture.create(),
                ScopeKeyFixture.class);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ScopeKeyFixture fixture = fixtureOf(context);
        if (fixture != null) {
            fixture.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (parameter.isAnnotated(TestToken.class)) {
            if (type != String.class && type != PlainToken.class) {
                throw new ParameterResolutionException("@TestToken goes on a String or PlainToken parameter, not "
                        + type.getSimpleName());
            }
            return true;
        }
        return RESOLVED.contains(type);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ScopeKeyFixture fixture = fixtureOf(context);
        if (fixture == null || context.getTestMethod().isEmpty()) {
            throw new ParameterResolutionException("ScopeKeyExtension makes a fresh service per test: ask for "
                    + "it in a test or @BeforeEach method, not a constructor or @BeforeAll method");
        }
        Class<?> type = parameter.getParameter().getType();
        if (parameter.isAnnotated(TestToken.class)) {
            PlainToken token = mint(fixture, parameter.findAnnotation(TestToken.class).orElseThrow());
            return type == String.class ? token.reveal() : token;
        }
        if (type == TokenService.class) {
            return fixture.service();
        }
        if (type == MutableClock.class || type == Clock.class) {
            return fixture.clock();
        }
        if (type == TokenStore.class || type == InMemoryTokenStore.class) {
            return fixture.store();
        }
        return fixture;
    }

    /** The running test's fixture, or null outside a test. */
    static ScopeKeyFixture fixtureOf(ExtensionContext context) {
        return context.getStore(NAMESPACE).get(FIXTURE, ScopeKeyFixture.class);
    }

    private static PlainToken mint(ScopeKeyFixture fixture, TestToken spec) {
        try {
            return fixture.mint(spec);
        } catch (IllegalArgumentException e) {
            throw new ParameterResolutionException("@TestToken: " + e.getMessage(), e);
        }
    }
}
