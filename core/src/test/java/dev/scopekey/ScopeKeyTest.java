package dev.scopekey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.audit.Slf4jAuditSink;
import dev.scopekey.domain.AuthDecision;
import dev.scopekey.domain.Scope;
import dev.scopekey.port.AuditSink;
import dev.scopekey.port.TokenQuery;
import dev.scopekey.port.TokenStore;
import dev.scopekey.service.Caller;
import dev.scopekey.service.ClientRequest;
import dev.scopekey.service.MintRequest;
import dev.scopekey.service.TokenService;
import dev.scopekey.store.file.FileTokenStore;
import dev.scopekey.store.file.FileTokenStoreOptions;
import dev.scopekey.store.jdbc.JdbcTokenStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each of the entry point's factories builds something that works: a store keeps a minted token, the service checks it. */
class ScopeKeyTest {
    private static final Scope READ = Scope.of("reports:read");

    /** Mints through a service over {@code store} and checks the token grants what it was minted with, and no more. */
    private static String mintsAndChecks(TokenStore store) {
        try (TokenService tokens = ScopeKey.tokens(store).audit(AuditSink.discarding()).build()) {
            String token = tokens.mint(Caller.operator("cli"), MintRequest.of("reports:read")).value().token().reveal();
            AuthDecision.Granted granted = assertInstanceOf(AuthDecision.Granted.class,
                    tokens.authenticate(token, ClientRequest.NONE));
            assertTrue(tokens.authorize(granted.principal(), READ, ClientRequest.NONE).isGranted());
            assertFalse(tokens.authorize(granted.principal(), Scope.of("reports:write"), ClientRequest.NONE)
                    .isGranted());
            return token;
        }
    }

    @Test
    void tokens_buildsAServiceThatStillNeedsAnAuditSink() {
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> ScopeKey.tokens(ScopeKey.memoryStore()).build());
        assertTrue(missing.getMessage().contains("audit"), missing.getMessage());
    }

    @Test
    void memoryStore_keepsWhatTheServiceMints() {
        TokenStore store = ScopeKey.memoryStore();
        mintsAndChecks(store);
        assertEquals(1, store.list(TokenQuery.all()).size());
    }

    @Test
    void memoryStore_isANewStoreEachTime() {
        TokenStore first = ScopeKey.memoryStore();
        mintsAndChecks(first);
        assertTrue(ScopeKey.memoryStore().list(TokenQuery.all()).isEmpty());
    }

    @Test
    void fileStore_createsTheFile_andATokenSurvivesReopening(@TempDir Path dir) {
        Path file = dir.resolve("tokens");
        String token;
        try (FileTokenStore store = ScopeKey.fileStore(file)) {
            token = mintsAndChecks(store);
        }
        assertTrue(Files.exists(file));
        try (FileTokenStore reopened = ScopeKey.fileStore(file, FileTokenStoreOptions.defaults()
                .withRecheckInterval(Duration.ZERO));
             TokenService tokens = ScopeKey.tokens(reopened).audit(AuditSink.discarding()).build()) {
            assertTrue(tokens.authenticate(token, ClientRequest.NONE).isGranted());
        }
    }

    @Test
    void jdbcStore_overAMigratedDatabase_keepsWhatTheServiceMints() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:scopekey-entry-point;DB_CLOSE_DELAY=-1");
        try (JdbcTokenStore store = ScopeKey.jdbcStore(dataSource).build()) {
            assertFalse(store.migrate().isEmpty(), "a new database gets the schema");
            mintsAndChecks(store);
            assertEquals(1, store.list(TokenQuery.all()).size());
        }
    }

    @Test
    void slf4jAudit_isTheSlf4jSink() {
        assertInstanceOf(Slf4jAuditSink.class, ScopeKey.slf4jAudit());
    }
}
