package dev.scopekey.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScopeTest {

    @ParameterizedTest
    @ValueSource(strings = {"*", "a", "kafka:endpoint:read", "workspaces:w42:*", "a0:b_c.d-e", "9"})
    void of_acceptsTheGrammar(String text) {
        assertEquals(text, Scope.of(text).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "A", "kafka:Read", ":a", "a:", "a::b", "a:*:b", "*:a", "a*", "a:b*", "_a", "a b",
        "a,b", "ä", "a:-b", "**", "a:**"})
    void of_rejectsWhatBreaksTheGrammar_withoutEchoingIt(String text) {
        InvalidScopeException e = assertThrows(InvalidScopeException.class, () -> Scope.of(text));
        if (text.length() > 2) {
            assertFalse(e.getMessage().contains(text), "the message names the rule, not the input");
        }
    }

    @Test
    void of_rejectsNullAndOverlongScopes() {
        assertThrows(InvalidScopeException.class, () -> Scope.of(null));
        assertEquals(200, Scope.of("a".repeat(200)).value().length());
        assertThrows(InvalidScopeException.class, () -> Scope.of("a".repeat(201)));
    }

    @Test
    void subtreeWildcard_grantsStrictlyBelow_notTheStemItself_norSiblingsWithTheSameLetters() {
        Scope kafka = Scope.of("kafka:*");
        assertTrue(kafka.grants(Scope.of("kafka:endpoint:read")));
        assertTrue(kafka.grants(Scope.of("kafka:x")));
        assertFalse(kafka.grants(Scope.of("kafka")));
        assertFalse(kafka.grants(Scope.of("kafkaesque:x")));
        assertFalse(kafka.grants(Scope.of("kafka:*")), "a wildcard is never required");
    }

    @Test
    void pathBoundWorkspaceScopes_orgWideAndOneWorkspace() {
        Scope required42 = Scope.of("workspaces:w42:write");
        Scope required43 = Scope.of("workspaces:w43:write");
        assertTrue(Scope.of("workspaces:*").grants(required42));
        assertTrue(Scope.of("workspaces:*").grants(required43));
        assertTrue(Scope.of("workspaces:w42:*").grants(required42));
        assertFalse(Scope.of("workspaces:w42:*").grants(required43));
    }

    @Test
    void adminNamespace_coversItselfItsSubtreeAndWildcardsAboveIt() {
        for (String reserved : List.of("auth:tokens", "auth:tokens:write", "auth:tokens:*", "auth:*")) {
            assertTrue(Scope.of(reserved).touchesAdminNamespace(), reserved);
        }
        for (String free : List.of("auth", "auth:sessions", "authx:*", "a:*", "tokens:*")) {
            assertFalse(Scope.of(free).touchesAdminNamespace(), free);
        }
    }

    @Test
    void isValidSegment_forBindingPathVariables() {
        assertTrue(Scope.isValidSegment("w42"));
        assertFalse(Scope.isValidSegment("W42"));
        assertFalse(Scope.isValidSegment("a:b"));
        assertFalse(Scope.isValidSegment("*"));
        assertFalse(Scope.isValidSegment(""));
        assertFalse(Scope.isValidSegment(null));
    }

    @Test
    void scopeSet_parseList_sortsDeduplicatesAndFailsOnEmpty() {
        ScopeSet set = ScopeSet.parseList(" b:c , a,b:c ");
        assertEquals(List.of("a", "b:c"), set.values());
        assertEquals("a,b:c", set.toCommaList());
        assertThrows(InvalidScopeException.class, () -> ScopeSet.parseList(""));
        assertThrows(InvalidScopeException.class, () -> ScopeSet.parseList("a,,b"));
    }

    @Test
    void scopeSet_grantsFailClosedForMalformedRequired() {
        ScopeSet root = ScopeSet.root();
        assertFalse(root.grants((String) null));
        assertFalse(root.grants("Bad Scope"));
        assertFalse(root.grants("*"));
        assertFalse(ScopeSet.empty().grants("a"));
        assertTrue(root.grants("a:b"));
    }

    @Test
    void of_namesTheBrokenRuleInTheMessage() {
        assertEquals("scope is empty", assertThrows(InvalidScopeException.class, () -> Scope.of("")).getMessage());
        assertEquals("scope is longer than 200 characters",
            assertThrows(InvalidScopeException.class, () -> Scope.of("a".repeat(201))).getMessage());
        assertEquals("scope has an empty segment",
            assertThrows(InvalidScopeException.class, () -> Scope.of(":a")).getMessage());
        assertEquals("scope has an empty segment",
            assertThrows(InvalidScopeException.class, () -> Scope.of("a::b")).getMessage());
        assertEquals("scope segment must start with a-z or 0-9",
            assertThrows(InvalidScopeException.class, () -> Scope.of("a:_b")).getMessage());
        assertEquals("scope may contain only a-z, 0-9, '_', '.', '-', ':' and a trailing '*'",
            assertThrows(InvalidScopeException.class, () -> Scope.of("ab$")).getMessage());
    }

    @Test
    void parse_isEmptyForEveryBrokenRule() {
        for (String broken : List.of("", "a".repeat(201), ":a", "a:_b", "ab$", "a:")) {
            assertTrue(Scope.parse(broken).isEmpty(), broken);
        }
        assertEquals(Scope.of("a:b"), Scope.parse("a:b").orElseThrow());
        assertTrue(Scope.parse("*").orElseThrow().isRoot());
    }

    @Test
    void rootGrantsEveryConcreteScope_andAConcreteScopeGrantsOnlyItself() {
        assertTrue(Scope.ROOT.grants(Scope.of("a:b")));
        assertFalse(Scope.ROOT.grants(Scope.of("a:*")));
        assertFalse(Scope.ROOT.grants(null));
        Scope read = Scope.of("kafka:read");
        assertTrue(read.grants(Scope.of("kafka:read")));
        assertFalse(read.grants(Scope.of("kafka:write")));
        assertFalse(read.grants(Scope.of("kafka:read:x")));
    }

    @Test
    void equalsAndHashCode_followTheText_andToStringIsTheText() {
        assertEquals(Scope.of("a:b"), Scope.of("a:b"));
        assertEquals(Scope.of("a:b").hashCode(), Scope.of("a:b").hashCode());
        assertFalse(Scope.of("a:b").equals(Scope.of("a:c")));
        assertFalse(Scope.of("a:b").equals("a:b"));
        assertFalse(Scope.of("a").hashCode() == Scope.of("b").hashCode());
        assertEquals("a:b", Scope.of("a:b").toString());
    }

    @Test
    void scopeSet_sizeIsEmptyIteratorAndAsList() {
        ScopeSet set = ScopeSet.parseList("b,a,b");
        assertEquals(2, set.size());
        assertFalse(set.isEmpty());
        assertEquals(List.of(Scope.of("a"), Scope.of("b")), set.asList());
        List<String> iterated = new java.util.ArrayList<>();
        for (Scope scope : set) {
            iterated.add(scope.value());
        }
        assertEquals(List.of("a", "b"), iterated);
        assertEquals("a,b", set.toString());
        ScopeSet none = ScopeSet.of(List.of());
        assertTrue(none.isEmpty());
        assertEquals(0, none.size());
        assertEquals(ScopeSet.empty(), none);
    }

    @Test
    void scopeSet_subtreeWildcardGrantsBelowItsStemOnly() {
        ScopeSet set = ScopeSet.parseList("kafka:*,x:y");
        assertTrue(set.grants("kafka:read"));
        assertTrue(set.grants("x:y"));
        assertFalse(set.grants("kafka"));
        assertFalse(set.grants("other:read"));
        assertFalse(set.grants("kafkaesque:read"));
    }

    @Test
    void scopeSet_equalsAndHashCodeFollowTheScopes() {
        assertEquals(ScopeSet.parseList("a,b"), ScopeSet.parseList("b,a"));
        assertEquals(ScopeSet.parseList("a,b").hashCode(), ScopeSet.parseList("b,a").hashCode());
        assertFalse(ScopeSet.parseList("a").equals(ScopeSet.parseList("b")));
        assertFalse(ScopeSet.parseList("a").hashCode() == ScopeSet.parseList("b").hashCode());
    }
}
