package dev.scopekey.servlet;

import dev.scopekey.audit.Slf4jAuditSink;
import dev.scopekey.domain.ActorLabel;
import dev.scopekey.port.TokenStore;
import dev.scopekey.service.Caller;
import dev.scopekey.service.MintRequest;
import dev.scopekey.service.TokenService;
import dev.scopekey.store.memory.InMemoryTokenStore;
import dev.scopekey.testkit.HttpHarness;
import dev.scopekey.testkit.HttpReply;
import dev.scopekey.testkit.MutableClock;
import dev.scopekey.testkit.SecretLeakGuard;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Base of the HTTP tests: a real web.xml deployed on the testkit's {@link HttpHarness}, and
 * every secret the test knows watched twice — no response may carry it except the mint answer
 * that issued it (the harness checks on close), and no log line may carry it at all (the
 * {@link SecretLeakGuard} checks after the test). Tests that hand the filter a
 * {@link TokenService} get one over {@link #store}, on a clock they move, with tokens minted by
 * the operator.
 */
@Tag("http")
abstract class HttpTestSupport {
    /** The break-glass token surefire puts in the environment variable of this name. */
    static final String ADMIN_ENV = "SCOPEKEY_TEST_ADMIN_TOKEN";

    @RegisterExtension
    final SecretLeakGuard leaks = new SecretLeakGuard();
    final MutableClock clock = MutableClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    TokenStore store = new InMemoryTokenStore();
    TokenService service;
    HttpHarness http;

    /** Deploys {@code webXml} with a service over {@link #store}, built with the optional admin token. */
    HttpHarness start(WebXml webXml, String adminToken) {
        service = TokenService.builder(store).clock(clock).audit(new Slf4jAuditSink())
                .lastUsedFlushInterval(null).adminToken(adminToken).build();
        http = HttpHarness.webXml(webXml.render()).attribute(ScopeKeyFilter.SERVICE_ATTRIBUTE, service).start();
        if (adminToken != null) {
            watch(adminToken);
        }
        return http;
    }

    HttpHarness start(WebXml webXml) {
        return start(webXml, null);
    }

    /** Deploys {@code webXml} as it is: the filter builds its own service from the init-params. */
    HttpHarness deploy(WebXml webXml) {
        http = HttpHarness.webXml(webXml.render()).start();
        return http;
    }

    /** A secret no response and no log line may carry. */
    void watch(String secret) {
        http.watch(secret);
        leaks.watch(secret);
    }

    /** The token a mint or rotation answer issued: allowed in that answer only, and in no log line. */
    String issued(HttpReply answer) {
        String token = Json.field(answer.body(), "token");
        http.issuedIn(token, answer);
        leaks.watch(token);
        return token;
    }

    /** A token with these scopes, minted by the operator (so {@code *} is allowed); watched. */
    String token(String... scopes) {
        String token = service.mint(Caller.operator(ActorLabel.CLI), MintRequest.of(scopes)).value().token().reveal();
        watch(token);
        return token;
    }

    /** Mints over HTTP with {@code token}; a new token is watched and allowed only in this answer. */
    HttpReply mint(String token, String json) {
        HttpReply reply = http.postJson(WebXml.ADMIN_PATH + "/", token, json);
        if (reply.status() == 201) {
            issued(reply);
        }
        return reply;
    }

    @AfterEach
    void stopServer() {
        try {
            if (http != null) {
                http.close();
            }
        } finally {
            if (service != null) {
                service.close();
            }
        }
    }
}
