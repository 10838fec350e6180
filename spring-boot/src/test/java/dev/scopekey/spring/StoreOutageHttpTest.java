package dev.scopekey.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekey.port.TokenStore;
import dev.scopekey.testkit.UnavailableTokenStore;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** A store that cannot answer: 503 from the filter and from Spring Security's side, never 401 or 200; health DOWN. */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "scopekey.public-paths=/secured/**, /actuator/health/**",
                "management.endpoint.health.show-details=always"})
@Import(StoreOutageHttpTest.DownStore.class)
class StoreOutageHttpTest {
    @LocalServerPort
    int port;

    @TestConfiguration(proxyBeanMethods = false)
    static class DownStore {
        @Bean
        TokenStore failingStore() {
            return new UnavailableTokenStore();
        }
    }

    @Test
    void filterGuardedRoute_is503_withRetryAfter() {
        HttpResponse<String> answer = Http.get(port, "/reports", "sk_anytokenatall");
        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).isPresent();
        assertThat(answer.body()).contains("temporarily_unavailable");
    }

    @Test
    void springSecurityGuardedRoute_is503_not401() {
        HttpResponse<String> answer = Http.get(port, "/secured/reports", "sk_anytokenatall");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).isPresent();
        assertThat(answer.body()).contains("temporarily_unavailable");
    }

    @Test
    void health_isDown_namingTheStore() {
        HttpResponse<String> answer = Http.get(port, "/actuator/health/scopekey", null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
        assertThat(answer.body()).contains("\"status\":\"DOWN\"").contains("token_store").contains("FAILING");
    }
}
