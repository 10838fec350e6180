package dev.scopekey.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Asks {@link ScopeKeyExtension} for a token minted into the test's fresh service, as a
 * {@code String} or a {@link dev.scopekey.domain.PlainToken} parameter:
 *
 * <pre>{@code
 * @Test
 * void readerMayRead(TokenService service, @TestToken(scopes = "kafka:read") String token) {
 *     AuthDecisionAssert.assertGranted(TokenChecks.authorize(service, token, "kafka:read", ClientRequest.NONE));
 * }
 * }</pre>
 *
 * <p>Tokens are minted by the operator through the real service (so mint rules apply: no
 * {@code auth:tokens} scopes, names of at most 100 characters). Each parameter gets its own token.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface TestToken {
    /**
     * The scopes the token holds; required unless {@link #root()} is set.
     *
     * @return the scopes
     */
    String[] scopes() default {};

    /**
     * Holds {@code *}. From the store this is a root token that administers tokens; with {@link #runtime()} it is not.
     *
     * @return whether the token holds {@code *}
     */
    boolean root() default false;

    /**
     * Already expired when the test starts: its {@code expiresAt} is the clock's start.
     *
     * @return whether it is expired
     */
    boolean expired() default false;

    /**
     * Revoked through the service before the test starts.
     *
     * @return whether it is revoked
     */
    boolean revoked() default false;

    /**
     * Registered in process memory ({@code RUNTIME}) instead of the store; never administers tokens, has no subject.
     *
     * @return whether it lives in process memory
     */
    boolean runtime() default false;

    /**
     * The subject the token acts for; empty for none.
     *
     * @return the subject, or empty
     */
    String subject() default "";

    /**
     * The token's name; empty for none.
     *
     * @return the name, or empty
     */
    String name() default "";

    /**
     * Lifetime from the clock's start, such as {@code 1h} or {@code PT30M}; empty for no expiry.
     *
     * @return the lifetime, or empty
     */
    String expiresIn() default "";
}
