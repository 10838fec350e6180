package dev.scopekey.spring.test;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekey.domain.PlainToken;
import dev.scopekey.service.TokenService;
import dev.scopekey.spring.TestApplication;
import dev.scopekey.testkit.ScopeKeyFixture;
import dev.scopekey.testkit.TestToken;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** @ScopeKeyTest: @TestToken parameters minted into the application's service, used over real HTTP. */
@ScopeKeyTest
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"scopekey.store=jdbc", "scopekey.rules=GET /reports reports:read, POST /reports reports:write"})
class ScopeKeyTestAnnotationTest {
    @LocalServerPort
    int port;

    @Autowired
    TokenService applicationService;

    private int status(String method, String path, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void readToken_reads_butDoesNotWrite(@TestToken(scopes = "reports:read") String reader) throws Exception {
        assertThat(status("GET", "/reports", reader)).isEqualTo(200);
        assertThat(status("POST", "/reports", reader)).isEqualTo(403);
    }

    @Test
    void revokedAndExpiredTokens_are401(@TestToken(scopes = "reports:read", revoked = true) String revoked,
                                        @TestToken(scopes = "reports:read", expired = true) PlainToken expired)
            throws Exception {
        assertThat(status("GET", "/reports", revoked)).isEqualTo(401);
        assertThat(status("GET", "/reports", expired.reveal())).isEqualTo(401);
    }

    @Test
    void theApplicationsServiceIsTheFixtures(ScopeKeyFixture fixture, @TestToken(root = true) String root)
            throws Exception {
        assertThat(applicationService).isSameAs(fixture.service());
        assertThat(status("GET", "/api/auth/tokens", root)).isEqualTo(200);
    }
}
