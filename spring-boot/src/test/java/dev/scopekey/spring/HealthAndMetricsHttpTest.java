package dev.scopekey.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The health indicator UP over a readable token file, and the service's meters in Boot's registry. */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "scopekey.store=file:target/boot-health-tokens.txt",
                "scopekey.rules=GET /reports reports:read",
                "scopekey.public-paths=/actuator/health/**",
                "management.endpoint.health.show-details=always"})
class HealthAndMetricsHttpTest {
    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry registry;

    @Test
    void health_isUp_withEachPart_andNoSecret() {
        HttpResponse<String> answer = Http.get(port, "/actuator/health/scopekey", null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("\"status\":\"UP\"").contains("\"token_store\":{\"status\":\"UP\"")
                .contains("audit_sink").doesNotContain(ScopeKeyBootHttpTest.ADMIN);
    }

    @Test
    void decisions_areCountedInTheRegistry() {
        double before = deniedCount();
        assertThat(Http.get(port, "/reports", "sk_notarealtoken").statusCode()).isEqualTo(401);
        assertThat(deniedCount()).isGreaterThan(before);
    }

    private double deniedCount() {
        return registry.find("scopekey.decisions").tag("outcome", "denied").counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }
}
