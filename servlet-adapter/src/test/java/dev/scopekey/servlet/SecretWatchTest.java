package dev.scopekey.servlet;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The leak check the HTTP tests rely on does fail when a token shows up where it must not. */
class SecretWatchTest {
    private static final String TOKEN = "sk_watchedwatchedwatched";

    @Test
    void tokenInAnotherBody_failsTheCheck() {
        SecretWatch watch = new SecretWatch();
        watch.close();
        Reply mint = new Reply(201, Map.of(), "{\"token\":\"" + TOKEN + "\"}");
        watch.minted(TOKEN, mint);
        watch.saw(mint);
        watch.verify();

        watch.saw(new Reply(200, Map.of(), "[{\"prefix\":\"" + TOKEN + "\"}]"));

        assertThrows(AssertionFailedError.class, watch::verify);
    }

    @Test
    void tokenInTheLog_failsTheCheck() {
        SecretWatch watch = new SecretWatch();
        try {
            watch.secret(TOKEN);
            System.err.println("oops " + TOKEN);
        } finally {
            watch.close();
        }

        assertThrows(AssertionFailedError.class, watch::verify);
    }
}
