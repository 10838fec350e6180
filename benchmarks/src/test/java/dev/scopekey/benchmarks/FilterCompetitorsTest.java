package dev.scopekey.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.servlet.Filter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The filter benchmark compares like with like: every competitor lets the valid request through
 * (the application reached, 200) and answers the unknown token with 401 without reaching it,
 * so that no row measures a competitor that short-circuits or lets everything in.
 */
class FilterCompetitorsTest {
    private FilterTokens tokens;

    @BeforeEach
    void mint() {
        tokens = FilterTokens.create();
    }

    @AfterEach
    void close() {
        tokens.close();
    }

    @ParameterizedTest
    @EnumSource(FilterCompetitor.class)
    void grantsTheValidTokenAgainAndAgain(FilterCompetitor competitor) throws Exception {
        assertEverySend(competitor, tokens.valid(), 200);
    }

    @ParameterizedTest
    @EnumSource(value = FilterCompetitor.class, names = "NOOP", mode = EnumSource.Mode.EXCLUDE)
    void refusesTheUnknownTokenAgainAndAgain(FilterCompetitor competitor) throws Exception {
        assertEverySend(competitor, tokens.unknown(), -401);
    }

    @ParameterizedTest
    @EnumSource(value = FilterCompetitor.class, names = "NOOP", mode = EnumSource.Mode.EXCLUDE)
    void aDenialDoesNotLeakIntoTheNextGrantedRequest(FilterCompetitor competitor) throws Exception {
        Filter filter = competitor.create(tokens);
        FilterHarness denied = new FilterHarness(tokens.unknown());
        FilterHarness granted = new FilterHarness(tokens.valid());
        assertEquals(-401, denied.send(filter), competitor + " denied");
        assertEquals(200, granted.send(filter), competitor + " granted after a denial");
        assertEquals(-401, denied.send(filter), competitor + " denied after a grant");
        filter.destroy();
    }

    /** Sends the same request three times; {@code expected} is negative when the application must not be reached. */
    private void assertEverySend(FilterCompetitor competitor, String token, int expected) throws Exception {
        Filter filter = competitor.create(tokens);
        FilterHarness harness = new FilterHarness(token);
        for (int i = 0; i < 3; i++) {
            assertEquals(expected, harness.send(filter), competitor + ", send " + i);
        }
        filter.destroy();
    }
}
