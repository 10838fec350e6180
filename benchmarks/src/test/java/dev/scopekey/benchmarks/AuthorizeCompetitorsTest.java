package dev.scopekey.benchmarks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every {@link AuthorizeBenchmark} competitor grants its own tokens and refuses unknown ones. */
class AuthorizeCompetitorsTest {

    @ParameterizedTest
    @ValueSource(strings = {"floor", "memory", "file", "jdbc"})
    void grantsKnownTokensAndRefusesUnknownOnes(String name) {
        try (TokenCheck check = AuthorizeBenchmark.open(name, 8)) {
            for (String token : check.knownTokens()) {
                assertTrue(check.grants(token), name + " grants a token it holds");
            }
            for (String token : ScopeKeyApi.unknownTokens(3)) {
                assertFalse(check.grants(token), name + " refuses a token it does not hold");
            }
        }
    }
}
