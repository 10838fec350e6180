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
}
