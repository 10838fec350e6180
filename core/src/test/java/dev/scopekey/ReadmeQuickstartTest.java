package dev.scopekey;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.audit.Slf4jAuditSink;
import dev.scopekey.domain.AuthDecision;
import dev.scopekey.service.Caller;
import dev.scopekey.service.MintRequest;
import dev.scopekey.service.MintedToken;
import dev.scopekey.service.TokenService;
import dev.scopekey.store.file.FileTokenStore;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's Java quickstart, line for line, so it keeps compiling and doing what it says. */
class ReadmeQuickstartTest {

    @Test
    void quickstart_mintsAuthorizesAndRevokes(@TempDir Path dir) {
        try (FileTokenStore store = FileTokenStore.open(dir.resolve("scopekey-tokens"));
             TokenService tokens = TokenService.builder(store).audit(new Slf4jAuditSink()).build()) {

            MintedToken minted = tokens.mint(Caller.operator("cli"),
                    MintRequest.of("kafka:endpoint:read").named("reporting").expiringIn(Duration.ofDays(30))).value();
            String bearer = minted.token().reveal();

            AuthDecision decision = tokens.authorize(bearer, "kafka:endpoint:read", "203.0.113.7");
            assertTrue(decision.isGranted());
            assertFalse(tokens.authorize(bearer, "kafka:endpoint:write", null).isGranted());

            tokens.revoke(Caller.operator("cli"), minted.token().prefix());
            assertFalse(tokens.authorize(bearer, "kafka:endpoint:read", null).isGranted());
        }
    }
}
