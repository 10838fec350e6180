package dev.scopekey.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What makes two principals, two tokens or two digests the same, and what their texts show. */
class PrincipalAndTokenIdentityTest {
    private static final String SECRET_A = "legacy-token-aaaaaaaaaaaaaaaaaaaa";
    private static final String SECRET_B = "legacy-token-bbbbbbbbbbbbbbbbbbbb";

    private static ScopeSet scopes(String... texts) {
        return ScopeSet.parse(List.of(texts));
    }

    @Test
    void integratorPrincipal_isNamedForItsSubject_elseForItsActorLabel_andIsRuntimeWithoutAPrefix() {
        TokenPrincipal withSubject = TokenPrincipal.integrator("sessions", "alice", scopes("docs:read"));
        TokenPrincipal withoutSubject = TokenPrincipal.integrator("sessions", null, scopes("docs:read"));

        assertEquals("alice", withSubject.getName());
        assertEquals("alice", withSubject.subject());
        assertEquals("sessions", withoutSubject.getName());
        assertNull(withoutSubject.subject());
        assertEquals("sessions", withSubject.actor());
        assertEquals(TokenSource.RUNTIME, withSubject.source());
        assertNull(withSubject.prefix());
        assertEquals(scopes("docs:read"), withSubject.scopes());
    }

    @Test
    void integratorPrincipal_refusesALabelOutsideTheGrammarOrABuiltInOne() {
        for (String label : new String[] {null, "", "Sessions", "1sessions", "a b", "x".repeat(33),
                ActorLabel.CONFIG, ActorLabel.CLI, ActorLabel.ANONYMOUS, ActorLabel.SCHEDULER}) {
            assertThrows(IllegalArgumentException.class, () -> ActorLabel.custom(label), String.valueOf(label));
        }
        assertEquals("a", ActorLabel.custom("a"));
        assertEquals("x".repeat(32), ActorLabel.custom("x".repeat(32)));
        assertEquals("my-app_2", ActorLabel.custom("my-app_2"));
        assertEquals("token:sk_abc", ActorLabel.token("sk_abc"));
    }

    @Test
    void principals_areEqualOnlyWhenTokenScopesSourceActorAndSubjectAllAgree() {
        TokenPrincipal alice = TokenPrincipal.integrator("sessions", "alice", scopes("docs:read"));

        assertEquals(alice, TokenPrincipal.integrator("sessions", "alice", scopes("docs:read")));
        assertEquals(alice.hashCode(), TokenPrincipal.integrator("sessions", "alice", scopes("docs:read")).hashCode());
        assertNotEquals(alice, TokenPrincipal.integrator("sessions", "bob", scopes("docs:read")));
        assertNotEquals(alice, TokenPrincipal.integrator("sessions", "alice", scopes("docs:write")));
        assertNotEquals(alice, TokenPrincipal.integrator("other", "alice", scopes("docs:read")));
        assertNotEquals(alice, "alice");
        assertNotEquals(alice.hashCode(), TokenPrincipal.integrator("other", "alice", scopes("docs:read")).hashCode());

        PlainToken a = PlainToken.of(SECRET_A);
        PlainToken b = PlainToken.of(SECRET_B);
        TokenPrincipal runtimeA = TokenPrincipal.runtime(a, scopes("docs:read"), "a");
        assertEquals(runtimeA, TokenPrincipal.runtime(a, scopes("docs:read"), "another name"));
        assertNotEquals(runtimeA, TokenPrincipal.runtime(b, scopes("docs:read"), "a"));
        assertNotEquals(runtimeA, TokenPrincipal.config(a));
        assertNotEquals(TokenPrincipal.config(a), TokenPrincipal.config(b));
        assertEquals(TokenPrincipal.config(a), TokenPrincipal.config(PlainToken.of(SECRET_A)));
    }

    @Test
    void principalText_namesActorSubjectScopesAndSource_butNoSecret() {
        TokenPrincipal runtime = TokenPrincipal.runtime(PlainToken.of(SECRET_A), scopes("docs:read"), "a");
        String text = runtime.toString();

        assertTrue(text.startsWith("TokenPrincipal[actor=token:"), text);
        assertTrue(text.contains("docs:read") && text.contains("RUNTIME"), text);
        assertFalse(text.contains(SECRET_A), text);
    }

    @Test
    void plainTokens_areEqualByTheirWholeText_andHashByTheirPrefix() {
        PlainToken a = PlainToken.of(SECRET_A);

        assertEquals(a, PlainToken.of(SECRET_A));
        assertEquals(a.hashCode(), PlainToken.of(SECRET_A).hashCode());
        assertEquals(a.prefix().hashCode(), a.hashCode());
        assertNotEquals(a, PlainToken.of(SECRET_B));
        assertNotEquals(a, SECRET_A);
        assertEquals("PlainToken[prefix=" + a.prefix() + ", secret=redacted]", a.toString());
    }

    @Test
    void plainToken_isOneTo1024PrintableCharacters_withoutSpaces() {
        assertTrue(PlainToken.isWellFormed("x".repeat(PlainToken.MAX_LENGTH)));
        assertFalse(PlainToken.isWellFormed("x".repeat(PlainToken.MAX_LENGTH + 1)));
        assertTrue(PlainToken.isWellFormed("!~"));
        assertFalse(PlainToken.isWellFormed("a b"));
        assertFalse(PlainToken.isWellFormed("a\u007f"));
        assertFalse(PlainToken.isWellFormed(""));
        assertFalse(PlainToken.isWellFormed(null));
    }

    @Test
    void constantTimeEquals_isTrueForTheSameTextOnly_andFalseForNull() {
        assertTrue(TokenDigest.constantTimeEquals("abc", "abc"));
        assertFalse(TokenDigest.constantTimeEquals("abc", "abd"));
        assertFalse(TokenDigest.constantTimeEquals("abc", "abcd"));
        assertFalse(TokenDigest.constantTimeEquals(null, "abc"));
        assertFalse(TokenDigest.constantTimeEquals("abc", null));
        assertFalse(TokenDigest.constantTimeEquals(null, null));
    }

    @Test
    void theReasonsAnsweredAsInvalidToken_areThoseAboutTheTokenItself() {
        java.util.Set<DenialReason> invalidToken = java.util.EnumSet.of(DenialReason.MALFORMED,
                DenialReason.BAD_CHECKSUM, DenialReason.UNKNOWN, DenialReason.REVOKED, DenialReason.EXPIRED,
                DenialReason.ADDRESS_NOT_ALLOWED, DenialReason.DISABLED);
        for (DenialReason reason : DenialReason.values()) {
            assertEquals(invalidToken.contains(reason), reason.isInvalidToken(), reason.name());
        }
    }

    @Test
    void healthChanges_describeThePartAndWhatHappened_inTheirText() {
        HealthChange failing = HealthChange.failing(HealthChange.Part.TOKEN_STORE, "connection refused");
        HealthChange recovered = HealthChange.recovered(HealthChange.Part.AUDIT_SINK, null);

        assertEquals("token store failing: connection refused", failing.toString());
        assertEquals("audit sink works again", recovered.toString());
        assertEquals(recovered.describe(), recovered.toString());
    }

    @Test
    void failureText_ofNoFailure_saysSo() {
        assertEquals("unknown failure", FailureText.of(null));
    }
}
