package dev.scopekey.servlet;

import dev.scopekey.audit.Slf4jAuditSink;
import dev.scopekey.domain.ActorLabel;
import dev.scopekey.port.TokenStore;
import dev.scopekey.service.Caller;
import dev.scopekey.service.MintRequest;
import dev.scopekey.service.TokenService;
import dev.scopekey.store.memory.InMemoryTokenStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the HTTP tests that hand the filter a {@link TokenService} through the context
 * attribute: an in-memory store, a clock the test moves, tokens minted by the operator.
 */
abstract class HttpTestSupport {
    /** The break-glass token surefire puts in the environment variable of this name. */
    static final String ADMIN_ENV = "SCOPEKEY_TEST_ADMIN_TOKEN";

    @TempDir
    Path webappDir;
    final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
    TokenStore store = new InMemoryTokenStore();
    TokenService service;
    JettyHarness http;

    /** Deploys {@code webXml} with a service over {@link #store}, built with the optional admin token. */
    JettyHarness start(WebXml webXml, String adminToken) throws Exception {
        service = TokenService.builder(store).clock(clock).audit(new Slf4jAuditSink())
                .lastUsedFlushInterval(null).adminToken(adminToken).build();
        http = JettyHarness.start(webappDir, webXml, Map.of(ScopeKeyFilter.SERVICE_ATTRIBUTE, service));
        if (adminToken != null) {
            http.watch.secret(adminToken);
        }
        return http;
    }

    JettyHarness start(WebXml webXml) throws Exception {
        return start(webXml, null);
    }

    /** A token with these scopes, minted by the operator (so {@code *} is allowed); watched. */
    String token(String... scopes) {
        String token = service.mint(Caller.operator(ActorLabel.CLI), MintRequest.of(scopes)).value().token().reveal();
        http.watch.secret(token);
        return token;
    }

    @AfterEach
    void stopServer() throws Exception {
        if (http != null) {
            http.stop();
        }
        if (service != null) {
            service.close();
        }
    }
}
