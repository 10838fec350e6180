package dev.scopekey.spring;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The application the HTTP tests start: {@code /reports} guarded by the filter's rules, and
 * {@code /secured/reports} guarded by Spring Security with the opaque-token introspector (a
 * public path for the filter, so only Spring Security decides there).
 */
@SpringBootApplication
@EnableMethodSecurity
public class TestApplication {

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers("/secured/**").authenticated().anyRequest().permitAll())
                .oauth2ResourceServer(o -> o.opaqueToken(Customizer.withDefaults()))
                .csrf(c -> c.disable());
        return http.build();
    }

    /** The routes the tests call. */
    @RestController
    static class Reports {
        @GetMapping("/reports")
        String list() {
            return "reports";
        }

        @PostMapping("/reports")
        ResponseEntity<String> create() {
            return ResponseEntity.status(201).body("created");
        }

        @GetMapping("/secured/reports")
        @PreAuthorize("hasAuthority('SCOPE_reports:read')")
        String securedList(java.security.Principal principal) {
            return "secured reports for " + principal.getName();
        }

        @PostMapping("/secured/reports")
        @PreAuthorize("hasAuthority('SCOPE_reports:write')")
        ResponseEntity<String> securedCreate() {
            return ResponseEntity.status(201).body("created");
        }
    }
}
