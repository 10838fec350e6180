package dev.scopekey.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A route pattern reads as it was configured, and names its variables in order. */
class PathPatternTest {
    @Test
    void aPattern_readsAsConfigured_withItsVariablesInOrder() {
        PathPattern pattern = PathPattern.parse("/orgs/{org}/repos/{repo}/**");

        assertEquals("/orgs/{org}/repos/{repo}/**", pattern.toString());
        assertEquals(List.of("org", "repo"), pattern.variables());
    }
}
