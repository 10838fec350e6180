package dev.scopekey.spring.demo;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Spring Boot demo: {@code GET /api/reports} needs {@code reports:read}, {@code POST /api/reports}
 * needs {@code reports:write} (rules in {@code application.properties}), the token admin API is at
 * {@code /api/auth/tokens}, and tokens live in an H2 file under {@code ./scopekey-spring-demo}, or in
 * PostgreSQL with {@code --spring.datasource.url=jdbc:postgresql://...}. Run it with
 * {@code SCOPEKEY_ADMIN_TOKEN=<a long secret> java -jar examples/spring-boot/target/scopekey-spring-demo.jar}.
 */
@SpringBootApplication
public class DemoApplication {
    /**
     * Starts the demo.
     *
     * @param args Spring Boot arguments, such as {@code --server.port=9090}
     */
    public static void main(String[] args) {
        SpringApplication.run(DemoApplication.class, args);
    }

    /** The reports the scopes guard. */
    @RestController
    static class Reports {
        private final List<String> reports = new CopyOnWriteArrayList<>(List.of("q3-revenue"));

        @GetMapping("/api/reports")
        Map<String, Object> list(Principal caller) {
            return Map.of("reports", reports, "caller", caller.getName());
        }

        @PostMapping("/api/reports")
        ResponseEntity<Map<String, Object>> create(@RequestBody Map<String, String> body) {
            String name = body.getOrDefault("name", "untitled");
            reports.add(name);
            return ResponseEntity.status(201).body(Map.of("created", name));
        }
    }
}
