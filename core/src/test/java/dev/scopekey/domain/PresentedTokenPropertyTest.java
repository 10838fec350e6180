package dev.scopekey.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.security.SecureRandom;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The one scan of a presented token answers as the separate checks it replaced do: well-formed,
 * and not a minted shape with a wrong check; a character the byte copy would truncate is refused.
 * The display prefix an audit event may name exists for valid minted tokens only.
 */
class PresentedTokenPropertyTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Property(tries = 2000)
    void ofPresented_agreesWithTheSeparateChecks(@ForAll("presented") String text) {
        TokenHash expected = PlainToken.isWellFormed(text) && !TokenFormat.hasBadCheck(text) ? TokenHash.of(text) : null;
        assertEquals(expected, TokenHash.ofPresented(text));
    }

    @Property(tries = 2000)
    void displayPrefix_isThePrefixOfAValidMintedToken_andNothingOfAnyOtherText(@ForAll("presented") String text) {
        String expected = TokenFormat.isValidMinted(text) ? PlainToken.of(text).prefix() : null;
        assertEquals(expected, TokenFormat.displayPrefix(text).orElse(null));
    }

    @Example
    void displayPrefix_ofNull_isEmpty() {
        assertEquals(Optional.empty(), TokenFormat.displayPrefix(null));
    }

    @Example
    void aCharacterAboveLatin1_isRefused_evenWhenItsLowByteWouldMakeAValidToken() {
        String token = TokenFormat.standard().generate(RANDOM).reveal();
        for (int i = 0; i < token.length(); i++) {
            String widened = token.substring(0, i) + (char) (0x100 | token.charAt(i)) + token.substring(i + 1);
            assertNull(TokenHash.ofPresented(widened), "position " + i);
            String latin1 = token.substring(0, i) + (char) (0x80 | token.charAt(i)) + token.substring(i + 1);
            assertNull(TokenHash.ofPresented(latin1), "position " + i);
        }
    }

    @Provide
    Arbitrary<String> presented() {
        Arbitrary<String> minted = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(2).ofMaxLength(17)
                .map(brand -> brand.length() > 16 ? TokenFormat.standard() : TokenFormat.withBrand(brand))
                .map(format -> format.generate(RANDOM).reveal());
        Arbitrary<String> mutated = minted.flatMap(token -> Arbitraries.integers().between(0, token.length() - 1)
                .flatMap(at -> Arbitraries.oneOf(Arbitraries.chars().range('!', '~'), Arbitraries.chars())
                        .map(c -> token.substring(0, at) + c + token.substring(at + 1))));
        Arbitrary<String> anyText = Arbitraries.oneOf(
                Arbitraries.strings().ascii().ofMaxLength(PlainToken.MAX_LENGTH + 2),
                Arbitraries.strings().all().ofMaxLength(PlainToken.MAX_LENGTH + 2));
        return Arbitraries.oneOf(minted, mutated, anyText);
    }
}
