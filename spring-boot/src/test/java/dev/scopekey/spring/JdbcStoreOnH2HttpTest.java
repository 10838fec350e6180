package dev.scopekey.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** scopekey.store=jdbc over the application's DataSource (H2), migrated by the library in its own history table. */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.datasource.url=jdbc:h2:mem:scopekey_boot_h2;DB_CLOSE_DELAY=-1",
                "scopekey.store=jdbc",
                "scopekey.rules=GET /reports reports:read, POST /reports reports:write",
                "scopekey.admin-token-env=SCOPEKEY_TEST_ADMIN_TOKEN"})
class JdbcStoreOnH2HttpTest {
    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Test
    void mintedToken_isInTheDatabase_andReads_butDoesNotWrite() {
        HttpResponse<String> minted = Http.post(port, "/api/auth/tokens", ScopeKeyBootHttpTest.ADMIN,
                "{\"scopes\":[\"reports:read\"]}");
        assertThat(minted.statusCode()).as(minted.body()).isEqualTo(201);
        String token = Http.tokenOf(minted.body());
        assertThat(Http.get(port, "/reports", token).statusCode()).isEqualTo(200);
        assertThat(Http.post(port, "/reports", token, "{}").statusCode()).isEqualTo(403);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM scopekey_tokens", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT version FROM scopekey_schema_history ORDER BY version", Integer.class))
                .as("every shipped migration, recorded in the library's own history table").containsExactly(1, 2);
    }
}
