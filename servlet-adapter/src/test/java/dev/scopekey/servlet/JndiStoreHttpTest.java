package dev.scopekey.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scopekey.domain.ActorLabel;
import dev.scopekey.port.AuditSink;
import dev.scopekey.service.Caller;
import dev.scopekey.service.MintRequest;
import dev.scopekey.service.TokenService;
import dev.scopekey.store.jdbc.JdbcTokenStore;
import java.nio.file.Path;
import javax.naming.Context;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code store=jndi:<name>}: the filter finds a DataSource in JNDI (an H2 database here) and
 * serves tokens from the JDBC store over it.
 */
class JndiStoreHttpTest {
    @TempDir
    Path dir;
    private JettyHarness http;
    private JdbcDataSource dataSource;
    private String previousFactory;

    @BeforeEach
    void bindDataSource() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:jndi" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        previousFactory = System.getProperty(Context.INITIAL_CONTEXT_FACTORY);
        System.setProperty(Context.INITIAL_CONTEXT_FACTORY, TestNaming.class.getName());
    }

    @AfterEach
    void unbind() throws Exception {
        if (http != null) {
            http.stop();
        }
        TestNaming.BOUND.clear();
        if (previousFactory == null) {
            System.clearProperty(Context.INITIAL_CONTEXT_FACTORY);
        } else {
            System.setProperty(Context.INITIAL_CONTEXT_FACTORY, previousFactory);
        }
    }

    /** Migrates the schema and mints a root token the way an operator would, before the webapp starts. */
    private String rootTokenInTheDatabase() {
        try (JdbcTokenStore store = JdbcTokenStore.builder(dataSource).build();
             TokenService operator = TokenService.builder(store).audit(AuditSink.discarding()).build()) {
            store.migrate();
            return operator.mint(Caller.operator(ActorLabel.CLI), MintRequest.of("*")).value().token().reveal();
        }
    }

    @Test
    void dataSourceInTheEnvironment_servesTokens() throws Exception {
        String root = rootTokenInTheDatabase();
        TestNaming.BOUND.put("java:comp/env/jdbc/tokens", dataSource);
        http = JettyHarness.start(dir, WebXml.standard().param(FilterSettings.STORE, "jndi:jdbc/tokens"));
        http.watch.secret(root);

        Reply minted = http.mint(root, "{\"scopes\":[\"kafka:endpoint:read\"]}");
        assertEquals(201, minted.status());
        String read = Json.field(minted.body(), "token");
        assertEquals(200, http.get("/api/kafka/endpoint", read).status());
        assertEquals(403, http.call("POST", "/api/kafka/endpoint", read).status());
        assertEquals(204, http.call("DELETE", WebXml.ADMIN_PATH + "/" + Json.field(minted.body(), "prefix"), root)
                .status());
        assertEquals(401, http.get("/api/kafka/endpoint", read).status());
    }

    @Test
    void dataSourceUnderAGlobalName_isFoundToo() throws Exception {
        String root = rootTokenInTheDatabase();
        TestNaming.BOUND.put("tokens-db", dataSource);
        http = JettyHarness.start(dir, WebXml.standard().param(FilterSettings.STORE, "jndi:tokens-db"));
        http.watch.secret(root);

        assertEquals(200, http.get(WebXml.ADMIN_PATH + "/", root).status());
    }

    @Test
    void schemaNotMigrated_answers503_neverAnAllow() throws Exception {
        TestNaming.BOUND.put("java:comp/env/jdbc/tokens", dataSource);
        http = JettyHarness.start(dir, WebXml.standard().param(FilterSettings.STORE, "jndi:jdbc/tokens"));

        Reply reply = http.get("/api/kafka/endpoint", "sk_anything");
        assertEquals(503, reply.status());
        assertEquals("5", reply.header("Retry-After"));
    }
}
