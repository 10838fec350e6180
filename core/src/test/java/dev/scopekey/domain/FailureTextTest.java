package dev.scopekey.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** A failure's description names the exception and its message, and never a secret. */
class FailureTextTest {

    @Test
    void of_namesClassAndMessage_ofTheFailureAndItsCauses() {
        Exception failure = new IllegalStateException("cannot read",
                new RuntimeException("wrapped", new SQLException("Connection refused")));

        assertEquals("IllegalStateException: cannot read (caused by RuntimeException: wrapped; caused by "
                + "SQLException: Connection refused)", FailureText.of(failure));
        assertEquals("NullPointerException", FailureText.of(new NullPointerException()));
        assertEquals("String: IllegalStateException: x", FailureText.of("a source", new IllegalStateException("x")));
    }

    @Test
    void of_takesOutPasswordsInSettingsAndUrls_bearerCredentials_andTokens() {
        String token = TokenFormat.standard().generate(new SecureRandom()).reveal();
        String message = "jdbc:postgresql://db:5432/app?user=app&password=s3cret&ssl=true; "
                + "jdbc:mysql://admin:hunter2@db/x; pwd = swordfish; Authorization: Bearer legacy-secret-1 "
                + "token " + token + " hash " + "a".repeat(64);

        String text = FailureText.of(new SQLException(message));

        for (String secret : new String[] {"s3cret", "hunter2", "swordfish", "legacy-secret-1", token,
                token.substring(3, 40), "a".repeat(64)}) {
            assertFalse(text.contains(secret), secret + " in " + text);
        }
        assertTrue(text.contains("user=app&password=***&ssl=true"), text);
        assertTrue(text.contains("//admin:***@db/x"), text);
        assertTrue(text.contains("SQLException: jdbc:postgresql://db:5432/app"), text);
    }

    @Test
    void of_keepsPathsAndOrdinaryWords() {
        String message = "the token file /var/lib/scopekey/production/tokens.d/primary-tokens is missing";
        assertEquals("TokenStoreException: " + message,
                FailureText.of(new dev.scopekey.port.TokenStoreException(message)));
    }

    @Test
    void of_isBounded_andTheDecisionKeepsItToOneLine() {
        String text = FailureText.of(new IllegalStateException("word ".repeat(500)));
        assertEquals(FailureText.MAX_LENGTH, text.length());

        String cause = new AuthDecision.Unavailable(FailureText.of(new IllegalStateException("a\r\nb"))).cause();
        assertEquals("IllegalStateException: a\\r\\nb", cause);
    }
}
