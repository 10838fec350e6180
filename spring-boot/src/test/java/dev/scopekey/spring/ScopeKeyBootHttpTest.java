package dev.scopekey.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The auto-configured filter and admin API over real HTTP on the embedded Tomcat, tokens in memory. */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "scopekey.store=memory",
                "scopekey.rules=GET /reports reports:read, POST /reports reports:write",
                "scopekey.public-paths=/secured/**",
                "scopekey.admin-token-env=SCOPEKEY_TEST_ADMIN_TOKEN",
                "scopekey.realm=reports"})
class ScopeKeyBootHttpTest {
    static final String ADMIN = "breakglass-test-admin-Zq7Vx2Lm9Rk4Tp8Wn3Yc";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    private String mint(String scope) {
        HttpResponse<String> minted = Http.post(port, "/api/auth/tokens", ADMIN,
                "{\"scopes\":[\"" + scope + "\"],\"name\":\"boot test\"}");
        assertThat(minted.statusCode()).as(minted.body()).isEqualTo(201);
        return Http.tokenOf(minted.body());
    }

    @Test
    void adminApi_mintsWithTheBreakGlassToken_andTheReaderReads() {
        String reader = mint("reports:read");
        HttpResponse<String> read = Http.get(port, "/reports", reader);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).isEqualTo("reports");
    }

    @Test
    void write_withAReadToken_is403() {
        String reader = mint("reports:read");
        HttpResponse<String> write = Http.post(port, "/reports", reader, "{}");
        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(write.body()).contains("insufficient_scope");
    }

    @Test
    void write_withAWriteToken_is201() {
        assertThat(Http.post(port, "/reports", mint("reports:write"), "{}").statusCode()).isEqualTo(201);
    }

    @Test
    void noToken_is401_withTheRfc6750Challenge_ofTheConfiguredRealm() {
        HttpResponse<String> answer = Http.get(port, "/reports", null);
        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Bearer").contains("realm=\"reports\""));
    }

    @Test
    void adminApi_refusesANonRootToken() {
        HttpResponse<String> answer = Http.get(port, "/api/auth/tokens", mint("reports:read"));
        assertThat(answer.statusCode()).isEqualTo(403);
    }

    @Test
    void adminApi_listsWithoutSecrets() {
        String reader = mint("reports:read");
        HttpResponse<String> list = Http.get(port, "/api/auth/tokens", ADMIN);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("reports:read").doesNotContain(reader).doesNotContain(ADMIN);
    }

    @Test
    void theFilterRunsBeforeSpringSecurity() {
        assertThat(context.getBean("scopekeyFilter", org.springframework.boot.web.servlet.FilterRegistrationBean.class)
                .getOrder()).isEqualTo(ScopeKeyAutoConfiguration.FILTER_ORDER).isLessThan(-100);
    }
}
