package dev.scopekey.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RouteRulesTest {

    private static RouteRules rules(String text) {
        return RouteRules.parse(text, RequiredAccess.AUTHENTICATED);
    }

    private static String scope(RouteRules rules, String method, String path) {
        RequiredAccess access = rules.accessFor(method, path);
        return access.scope() == null ? null : access.scope().value();
    }

    @Test
    void firstWrittenRule_wins_whenSeveralMatch() {
        RouteRules rules = rules("GET /a/** a:any\nGET /a/b a:b");

        assertEquals("a:any", scope(rules, "GET", "/a/b"));
    }

    @Test
    void methodMustMatch_andStarMatchesAny() {
        RouteRules rules = rules("POST /a a:write\n* /a a:other");

        assertEquals("a:write", scope(rules, "POST", "/a"));
        assertEquals("a:other", scope(rules, "GET", "/a"));
        assertEquals("a:other", scope(rules, "PATCH", "/a"));
    }

    @Test
    void getRule_coversHead() {
        assertEquals("a:read", scope(rules("GET /a a:read"), "HEAD", "/a"));
        assertSame(RequiredAccess.AUTHENTICATED, rules("POST /a a:read").accessFor("HEAD", "/a"));
    }

    @Test
    void doubleStar_matchesZeroOrMoreSegments() {
        RouteRules rules = rules("* /a/** a:x");

        assertEquals("a:x", scope(rules, "GET", "/a"));
        assertEquals("a:x", scope(rules, "GET", "/a/"));
        assertEquals("a:x", scope(rules, "GET", "/a/b/c/d"));
        assertSame(RequiredAccess.AUTHENTICATED, rules.accessFor("GET", "/ab"));
    }

    @Test
    void singleStar_matchesExactlyOneSegment() {
        RouteRules rules = rules("* /a/*/c a:x");

        assertEquals("a:x", scope(rules, "GET", "/a/b/c"));
        assertSame(RequiredAccess.AUTHENTICATED, rules.accessFor("GET", "/a/c"));
        assertSame(RequiredAccess.AUTHENTICATED, rules.accessFor("GET", "/a/b/b/c"));
    }

    @Test
    void emptySegments_areIgnored() {
        RouteRules rules = rules("POST /api/kafka/endpoint k:w");

        assertEquals("k:w", scope(rules, "POST", "/api//kafka/endpoint/"));
    }

    @Test
    void pathVariables_areBoundIntoTheScope() {
        RouteRules rules = rules("* /workspaces/{id}/channels/{channel} workspaces:{id}:channels:{channel}:write");

        assertEquals("workspaces:w42:channels:general:write", scope(rules, "PUT", "/workspaces/w42/channels/general"));
    }

    @Test
    void boundValueThatIsNotAScopeSegment_denies() {
        RouteRules rules = rules("* /workspaces/{id}/** workspaces:{id}:write");

        for (String id : new String[] {"W42", "w:42", "-w", "w*", "w%20", "_w", "é"}) {
            assertSame(RequiredAccess.DENY, rules.accessFor("GET", "/workspaces/" + id + "/x"), id);
        }
        assertSame(RequiredAccess.DENY, rules.accessFor("GET", "/workspaces/" + "w".repeat(300)));
    }

    @Test
    void unmatchedPolicy_appliesWhenNoRuleMatches() {
        assertSame(RequiredAccess.DENY, RouteRules.parse("GET /a a:r", RequiredAccess.DENY).accessFor("GET", "/b"));
        assertSame(RequiredAccess.AUTHENTICATED, rules(null).accessFor("GET", "/b"));
    }

    @Test
    void commentsAndBlankLines_andRunsOfWhitespace_areFine() {
        RouteRules rules = rules("  # a comment\n\n\tGET \t  /a    a:r   \r\n");

        assertEquals(1, rules.size());
        assertEquals("a:r", scope(rules, "GET", "/a"));
    }

    @Test
    void manyRules_stillFindTheOneThatMatches() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            text.append("GET /service").append(i).append("/{id}/items svc").append(i).append(":{id}:read\n");
        }
        RouteRules rules = rules(text.toString());

        assertEquals(20_000, rules.size());
        assertEquals("svc19999:x1:read", scope(rules, "GET", "/service19999/x1/items"));
        assertEquals("svc0:y:read", scope(rules, "GET", "/service0/y/items"));
        assertSame(RequiredAccess.AUTHENTICATED, rules.accessFor("GET", "/service20000/y/items"));
    }

    @Test
    void malformedRules_areRefused_withTheirLineNumber() {
        String[] bad = {
            "GET /a", "GET /a a:r extra", "get /a a:r", "GET a a:r", "GET /a/**/b a:r", "GET /a* a:r",
            "GET /{id}/{id} a:{id}", "GET /a b:{id}", "GET /a a:*", "GET /a *", "GET /a A:B", "GET /{1x} a:r",
            "GET /a a:{unclosed",
        };
        for (String line : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rules("\n" + line), line);
            assertTrue(e.getMessage().startsWith("rules line 2: "), e.getMessage());
        }
    }
}
