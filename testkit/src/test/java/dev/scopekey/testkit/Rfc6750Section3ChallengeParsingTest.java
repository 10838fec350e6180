package dev.scopekey.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * RFC 6750 §3 challenges, read by the RFC 9110 §11.6.1 grammar: attribute order, case of names
 * and scheme, quoting and other schemes beside {@code Bearer} do not change what is read; a
 * broken header is an error, never a guess.
 */
class Rfc6750Section3ChallengeParsingTest {

    private static Optional<BearerChallenge> bearer(String... values) {
        return BearerChallenge.of(HttpReply.of(401, Map.of("WWW-Authenticate", List.of(values)), ""));
    }

    private static List<ChallengeParser.Challenge> parse(String value) {
        return ChallengeParser.parse(List.of(value));
    }

    @Test
    void rfcExample_section3() {
        BearerChallenge challenge = bearer("Bearer realm=\"example\"").orElseThrow();

        assertEquals(Map.of("realm", "example"), challenge.params());
        assertEquals(null, challenge.error());
    }

    @Test
    void rfcExample_section3_withErrorAndDescription() {
        BearerChallenge challenge = bearer("Bearer realm=\"example\",\n error=\"invalid_token\",\n "
                .replace("\n", "") + "error_description=\"The access token expired\"").orElseThrow();

        assertEquals("invalid_token", challenge.error());
        assertEquals("The access token expired", challenge.errorDescription());
    }

    @Test
    void quotedStrings_mayHoldCommasEqualsAndEscapes() {
        BearerChallenge challenge = bearer("Bearer error_description=\"a, b = \\\"c\\\" \\\\ d\", realm=x").orElseThrow();

        assertEquals("a, b = \"c\" \\ d", challenge.errorDescription());
        assertEquals("x", challenge.realm());
    }

    @Test
    void schemeAndParameterNames_ignoreCase_andWhitespaceAroundEqualsIsAllowed() {
        BearerChallenge challenge = bearer("bEaReR   Realm = \"r\" ,ERROR=\"invalid_request\"").orElseThrow();

        assertEquals("r", challenge.realm());
        assertEquals("invalid_request", challenge.param("Error"));
    }

    @Test
    void otherChallenges_inTheSameOrAnotherHeader_areSkipped() {
        assertEquals("b", bearer("Basic realm=\"a\", Bearer realm=\"b\", Negotiate").orElseThrow().realm());
        assertEquals("b", bearer("Negotiate abc+/==", "Bearer realm=b").orElseThrow().realm());
        assertEquals(Optional.empty(), bearer("Basic realm=\"bearer\""));
        assertEquals(Optional.empty(), bearer());
    }

    @Test
    void bareScheme_hasNoAttributes_andEmptyListElementsAreAllowed() {
        assertEquals(Map.of(), bearer(" , Bearer ,, ").orElseThrow().params());
    }

    @Test
    void token68_isReadForOtherSchemes() {
        List<ChallengeParser.Challenge> challenges = parse("Negotiate YII=, Basic realm=\"x\"");

        assertEquals(2, challenges.size());
        assertEquals("YII=", challenges.get(0).token68());
        assertEquals(Map.of("realm", "x"), challenges.get(1).params());
    }

    @Test
    void scope_isASpaceDelimitedList() {
        assertEquals(List.of("a:read", "b:write"),
                bearer("Bearer error=\"insufficient_scope\", scope=\"a:read  b:write \"").orElseThrow().scopes());
        assertEquals(List.of(), bearer("Bearer realm=x").orElseThrow().scopes());
    }

    @Test
    void brokenHeaders_areErrors_thatRepeatNoHeaderText() {
        for (String broken : new String[] {"Bearer realm=\"unclosed", "Bearer realm=", "Bearer realm=\"a\" x",
                "Bearer realm=a, realm=b", "Bearer abc==", "Bearer realm=\"a\", Bearer realm=\"b\"", "=x",
                "Bearer@ realm=x", "Bearer realm=\"a\"\"b\""}) {
            IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> bearer(broken),
                    broken);
            assertTrue(!failure.getMessage().contains("unclosed") && !failure.getMessage().contains("\"a\""), broken);
        }
    }

    @Test
    void toString_redactsACredentialEchoedInAnAttribute() {
        String token = "sk_" + "A".repeat(50);
        BearerChallenge challenge = bearer("Bearer error_description=\"bad token " + token + "\"").orElseThrow();

        assertTrue(!challenge.toString().contains("A".repeat(20)), challenge.toString());
    }
}
