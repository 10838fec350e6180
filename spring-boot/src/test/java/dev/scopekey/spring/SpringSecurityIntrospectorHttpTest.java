package dev.scopekey.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Spring Security's resource server with scopekey tokens: {@code /secured/**} is a public path
 * for the filter, so there Spring Security alone decides, by the introspector's
 * {@code SCOPE_<scope>} authorities and {@code @PreAuthorize}.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "scopekey.store=memory",
                "scopekey.public-paths=/secured/**",
                "scopekey.admin-token-env=SCOPEKEY_TEST_ADMIN_TOKEN"})
class SpringSecurityIntrospectorHttpTest {
    @LocalServerPort
    int port;

    private String mint(String body) {
        HttpResponse<String> minted = Http.post(port, "/api/auth/tokens", ScopeKeyBootHttpTest.ADMIN, body);
        assertThat(minted.statusCode()).as(minted.body()).isEqualTo(201);
        return Http.tokenOf(minted.body());
    }

    @Test
    void preAuthorize_grantsTheScope_andTheNameIsTheSubject() {
        String reader = mint("{\"scopes\":[\"reports:read\"],\"subject\":\"alice\"}");
        HttpResponse<String> answer = Http.get(port, "/secured/reports", reader);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("secured reports for alice");
    }

    @Test
    void preAuthorize_refusesAMissingScope_with403() {
        String reader = mint("{\"scopes\":[\"reports:read\"]}");
        assertThat(Http.post(port, "/secured/reports", reader, "{}").statusCode()).isEqualTo(403);
        String writer = mint("{\"scopes\":[\"reports:write\"]}");
        assertThat(Http.post(port, "/secured/reports", writer, "{}").statusCode()).isEqualTo(201);
        assertThat(Http.get(port, "/secured/reports", writer).statusCode()).isEqualTo(403);
    }

    @Test
    void unknownOrRevokedToken_is401() {
        assertThat(Http.get(port, "/secured/reports", "sk_notarealtoken").statusCode()).isEqualTo(401);
        String reader = mint("{\"scopes\":[\"reports:read\"]}");
        String prefix = reader.substring(0, reader.indexOf('_') + 13);
        HttpResponse<String> revoked = Http.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/api/auth/tokens/" + prefix))
                .header("Authorization", "Bearer " + ScopeKeyBootHttpTest.ADMIN).DELETE());
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(204);
        assertThat(Http.get(port, "/secured/reports", reader).statusCode()).isEqualTo(401);
    }

    @Test
    void noToken_is401() {
        assertThat(Http.get(port, "/secured/reports", null).statusCode()).isEqualTo(401);
    }
}
