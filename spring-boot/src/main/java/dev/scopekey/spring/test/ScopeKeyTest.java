package dev.scopekey.spring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.annotation.Import;

/**
 * Puts the testkit into a {@code @SpringBootTest}: the application's {@code TokenService} and
 * {@code TokenStore} become a {@link dev.scopekey.testkit.ScopeKeyFixture}'s (in memory, on a
 * {@link dev.scopekey.testkit.MutableClock}), and test method parameters annotated with
 * {@link dev.scopekey.testkit.TestToken} get tokens minted into it, so they work against the real
 * filter, admin API and Spring Security over the real embedded server:
 *
 * <pre>{@code
 * @ScopeKeyTest
 * @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
 * class ReportsHttpTest {
 *     @Test
 *     void readerMayRead(@LocalServerPort int port, @TestToken(scopes = "reports:read") String token) { ... }
 * }
 * }</pre>
 *
 * <p>The fixture lives as long as the Spring context, which Spring caches across test classes:
 * tokens one test minted stay valid in the next, and each {@code @TestToken} parameter gets a token
 * of its own. {@code ScopeKeyFixture}, {@code MutableClock} and {@code TokenService} parameters are
 * resolved too.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Import(ScopeKeyTestConfiguration.class)
@ExtendWith(ScopeKeySpringExtension.class)
public @interface ScopeKeyTest {
}
