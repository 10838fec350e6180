package dev.scopekey.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.scopekey.domain.PlainToken;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Redaction removes every minted token and every given secret, wherever it stands, and keeps other text. */
class RedactorPropertyTest {

    @Property(tries = 1000)
    void mintedToken_anywhereInText_leavesNoSecret(@ForAll("minted") PlainToken token, @ForAll("text") String before,
                                                   @ForAll("text") String after) {
        String secret = SecretLeakGuard.secretPart(token);

        String whole = Redactor.redact(before + token.reveal() + after, List.of());
        String partOnly = Redactor.redact(before + secret + after, List.of());

        assertFalse(whole.contains(secret), whole);
        assertFalse(partOnly.contains(secret), partOnly);
    }

    @Property(tries = 500)
    void givenSecret_ofAnyShape_isRemoved(@ForAll("legacy") String secret, @ForAll("text") String before,
                                          @ForAll("text") String after) {
        String text = before + " " + secret + " " + after;

        String redacted = Redactor.redact(text, List.of(secret));

        assertFalse(redacted.contains(" " + secret + " "), redacted);
    }

    @Property(tries = 500)
    void bearerCredential_isRemoved_butAChallengeIsKept(@ForAll("legacy") String secret) {
        String credential = secret.replaceAll("[^A-Za-z0-9]", "x");

        assertEquals("Authorization: Bearer " + Redactor.REDACTED,
                Redactor.redact("Authorization: Bearer " + credential, List.of()));
        assertEquals("Bearer realm=\"api\", error=\"invalid_token\"",
                Redactor.redact("Bearer realm=\"api\", error=\"invalid_token\"", List.of()));
    }

    @Property(tries = 200)
    void textWithoutSecretsOrTokenShapes_isUnchanged(@ForAll("plain") String text) {
        assertEquals(text, Redactor.redact(text, List.of("sk_not-in-the-text")));
    }

    @Provide
    Arbitrary<PlainToken> minted() {
        return TokenArbitraries.minted();
    }

    @Provide
    Arbitrary<String> legacy() {
        return TokenArbitraries.legacy();
    }

    /** Short runs of letters and digits between punctuation: nothing token-shaped, no "Bearer". */
    @Provide
    Arbitrary<String> plain() {
        return Arbitraries.strings().withChars("abcdXYZ0189 -.:/\"=,{}").ofMaxLength(200)
                .filter(text -> !text.matches("(?s).*[A-Za-z0-9]{32}.*"));
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.strings().ascii().ofMaxLength(40);
    }
}
