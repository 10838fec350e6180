package dev.scopekey;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.AuthDecision;
import dev.scopekey.domain.DenialReason;
import dev.scopekey.domain.Scope;
import dev.scopekey.service.Caller;
import dev.scopekey.service.ClientRequest;
import dev.scopekey.service.MintRequest;
import dev.scopekey.service.MintedToken;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's Java quickstart, line for line, so it keeps compiling and doing what it says. */
class ReadmeQuickstartTest {

    @Test
    void quickstart_mintsAuthorizesAndRevokes(@TempDir Path dir) {
        try (var store = ScopeKey.fileStore(dir.resolve("scopekey-tokens"));
             var tokens = ScopeKey.tokens(store).audit(ScopeKey.slf4jAudit()).build()) {

            MintedToken minted = tokens.mint(Caller.operator("cli"),
                    MintRequest.of("kafka:endpoint:read").named("reporting").expiringIn(Duration.ofDays(30))).value();
            String bearer = minted.token().reveal();

            Scope read = Scope.of("kafka:endpoint:read");
            Scope write = Scope.of("kafka:endpoint:write");

            ClientRequest request = ClientRequest.from("203.0.113.7");
            AuthDecision.Granted granted = assertInstanceOf(AuthDecision.Granted.class,
                    tokens.authenticate(bearer, request));
            assertTrue(tokens.authorize(granted.principal(), read, request).isGranted());
            assertFalse(tokens.authorize(granted.principal(), write, request).isGranted());

            tokens.revoke(Caller.operator("cli"), minted.token().prefix());
            AuthDecision.Denied revoked = assertInstanceOf(AuthDecision.Denied.class,
                    tokens.authenticate(bearer, request));
            assertTrue(revoked.reason() == DenialReason.REVOKED, revoked.toString());
        }
    }
}
