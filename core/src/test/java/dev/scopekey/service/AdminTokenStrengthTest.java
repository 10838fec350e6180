package dev.scopekey.service;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.TokenFormat;
import dev.scopekey.port.AuditSink;
import dev.scopekey.store.memory.InMemoryTokenStore;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AdminTokenStrengthTest {
    private static TokenServiceBuilder withAdmin(String token) {
        return TokenService.builder(new InMemoryTokenStore()).audit(AuditSink.discarding())
                .lastUsedFlushInterval(null).adminToken(token);
    }

    @ParameterizedTest
    @ValueSource(strings = {"q7", "hunter2", "correct-horse-battery-staple", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "abababababababababababababababababababab", "abcabcabcabcabcabcabcabcabcabcabcabcabcabcabcabc",
            "0000000000000000000000000000000000000000000000000000000000000123456789"})
    void weakAdminToken_failsTheBuild_withoutPrintingIt(String weak) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> withAdmin(weak).build());

        assertTrue(e.getMessage().startsWith("the admin token is too"), e.getMessage());
        assertFalse(e.getMessage().contains(weak), "the message never holds the token");
    }

    @Test
    void shortToken_messageSaysTheMinimum() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> withAdmin("x").build());

        assertTrue(e.getMessage().contains("at least 32 are required"), e.getMessage());
    }

    @Test
    void randomTokens_areAccepted() {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 50; i++) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            String base64 = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            StringBuilder hex = new StringBuilder();
            for (byte b : bytes) {
                hex.append(String.format("%02x", b));
            }
            String minted = TokenFormat.standard().generate(random).reveal();
            assertDoesNotThrow(() -> withAdmin(base64).build().close(), "base64 of 32 random bytes");
            assertDoesNotThrow(() -> withAdmin(hex.toString()).build().close(), "hex of 32 random bytes");
            assertDoesNotThrow(() -> withAdmin(minted).build().close(), "a minted token");
        }
    }

    @Test
    void noAdminToken_isNoProblem() {
        assertDoesNotThrow(() -> withAdmin(null).build().close());
        assertDoesNotThrow(() -> withAdmin("  ").build().close());
    }
}
