package dev.scopekey.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The scope grammar at the edges of each character range: the last letter in, the next one out. */
class ScopeGrammarBoundaryTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "z", "0", "9", "za:z9", "0a:9z", "a_", "a.", "a-", "az09", "a:z:*", "z:*"})
    void scopeGrammar_acceptsTheFirstAndLastCharacterOfEachRange(String text) {
        assertEquals(text, Scope.of(text).value());
        assertTrue(Scope.parse(text).isPresent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"`", "{", "/", "@", "[", "a`", "a{", "a/", "a@", "a[", "a:`", "a:{", "a:/b", "a:b{",
        "z:Z", "a*:b", "a:*b", "a:b:**"})
    void scopeGrammar_refusesTheCharacterJustOutsideEachRange(String text) {
        assertFalse(Scope.parse(text).isPresent());
        assertFalse(Scope.isValidSegment(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "z", "0", "9", "a_b", "z.9", "0-a"})
    void isValidSegment_acceptsWhatAScopeSegmentMayBe(String text) {
        assertTrue(Scope.isValidSegment(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "*", "a:b", "_a", "-a", ".a", "a b"})
    void isValidSegment_refusesTheSeparatorTheWildcardAndALeadingMark(String text) {
        assertFalse(Scope.isValidSegment(text));
    }
}
