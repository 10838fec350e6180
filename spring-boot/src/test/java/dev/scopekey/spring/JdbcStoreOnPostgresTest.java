package dev.scopekey.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekey.domain.AuthDecision;
import dev.scopekey.service.Caller;
import dev.scopekey.service.ClientRequest;
import dev.scopekey.service.MintRequest;
import dev.scopekey.service.TokenService;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * scopekey.store=jdbc on PostgreSQL: the server in {@code SCOPEKEY_TEST_POSTGRES_URL}, else an
 * embedded one; a schema of its own, dropped afterwards.
 */
class JdbcStoreOnPostgresTest {
    private static EmbeddedPostgres embedded;
    private static String serverUrl;
    private static final String SCHEMA = "sk_boot_" + UUID.randomUUID().toString().replace("-", "")
            .substring(0, 12).toLowerCase(Locale.ROOT);

    @BeforeAll
    static void startDatabase() throws Exception {
        serverUrl = System.getenv("SCOPEKEY_TEST_POSTGRES_URL");
        if (serverUrl == null || serverUrl.isBlank()) {
            embedded = EmbeddedPostgres.builder().start();
            serverUrl = embedded.getJdbcUrl("postgres", "postgres");
        }
        execute("CREATE SCHEMA " + SCHEMA);
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        execute("DROP SCHEMA " + SCHEMA + " CASCADE");
        if (embedded != null) {
            embedded.close();
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(serverUrl); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void serviceOverTheApplicationsDataSource_migratesMintsAndAuthenticates() {
        String url = serverUrl + (serverUrl.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, ScopeKeyAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + url, "scopekey.store=jdbc")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    TokenService service = context.getBean(TokenService.class);
                    String token = service.mint(Caller.operator("cli"), MintRequest.of("reports:read")).value()
                            .token().reveal();
                    assertThat(service.authenticate(token, ClientRequest.NONE)).isInstanceOf(AuthDecision.Granted.class);
                    JdbcTemplate jdbc = new JdbcTemplate(context.getBean(javax.sql.DataSource.class));
                    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + SCHEMA + ".scopekey_tokens", Integer.class))
                            .isEqualTo(1);
                    assertThat(jdbc.queryForList("SELECT version FROM " + SCHEMA
                            + ".scopekey_schema_history ORDER BY version", Integer.class))
                            .as("every shipped migration, recorded in the library's own history table")
                            .containsExactly(1, 2);
                });
    }
}
