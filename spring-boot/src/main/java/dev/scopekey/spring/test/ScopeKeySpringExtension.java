package dev.scopekey.spring.test;

import dev.scopekey.domain.PlainToken;
import dev.scopekey.service.TokenService;
import dev.scopekey.testkit.MutableClock;
import dev.scopekey.testkit.ScopeKeyFixture;
import dev.scopekey.testkit.TestToken;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Resolves {@link TestToken} parameters (a {@code String} or {@code PlainToken}) of a
 * {@link ScopeKeyTest} by minting into the Spring context's {@link ScopeKeyFixture}, and
 * {@code ScopeKeyFixture}, {@code MutableClock} and {@code TokenService} parameters from it.
 * Stateless; the fixture is the context's.
 */
public final class ScopeKeySpringExtension implements ParameterResolver {
    private static final List<Class<?>> RESOLVED = List.of(ScopeKeyFixture.class, MutableClock.class,
            TokenService.class);

    /** Creates the extension. */
    public ScopeKeySpringExtension() {
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
        return RESOLVED.contains(type) && parameter.getDeclaringExecutable() instanceof java.lang.reflect.Method;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ApplicationContext spring = SpringExtension.getApplicationContext(context);
        ScopeKeyFixture fixture = spring.getBean(ScopeKeyFixture.class);
        Class<?> type = parameter.getParameter().getType();
        if (parameter.isAnnotated(TestToken.class)) {
            PlainToken token;
            try {
                token = fixture.mint(parameter.findAnnotation(TestToken.class).orElseThrow());
            } catch (IllegalArgumentException e) {
                throw new ParameterResolutionException("@TestToken: " + e.getMessage(), e);
            }
            return type == String.class ? token.reveal() : token;
        }
        if (type == MutableClock.class) {
            return fixture.clock();
        }
        if (type == TokenService.class) {
            return fixture.service();
        }
        return fixture;
    }
}
