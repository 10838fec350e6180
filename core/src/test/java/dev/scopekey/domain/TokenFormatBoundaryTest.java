package dev.scopekey.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The minted shape at its edges: brands of 2 and 16 characters in, 1 and 17 out; the last base62 character in. */
class TokenFormatBoundaryTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @ParameterizedTest
    @ValueSource(strings = {"ab", "az", "za", "a0", "a9", "abcdefghijklmnop", "z0123456789abcde"})
    void brand_ofTwoToSixteenLowerAlnumStartingWithALetter_mintsTokensOfTheMintedShape(String brand) {
        String token = TokenFormat.withBrand(brand).generate(RANDOM).reveal();

        assertTrue(TokenFormat.hasMintedShape(token));
        assertTrue(TokenFormat.isValidMinted(token));
        assertFalse(TokenFormat.hasBadCheck(token));
        String prefix = brand + "_" + token.substring(brand.length() + 1, brand.length() + 1 + TokenFormat.ID_LENGTH);
        assertEquals(Optional.of(prefix), TokenFormat.displayPrefix(token));
        assertEquals(prefix, TokenFormat.mintedPrefix(token));
        assertTrue(TokenFormat.isMintedPrefix(prefix));
        assertEquals(TokenFormat.MINTED_SHAPE, classify(token));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "abcdefghijklmnopq", "0a", "`a", "{a", "aA", "a`", "a{", "a/", "a:", "a_"})
    void brand_outsideTheGrammar_isRefused(String brand) {
        assertThrows(IllegalArgumentException.class, () -> TokenFormat.withBrand(brand));
    }

    @Test
    void brand_null_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> TokenFormat.withBrand(null));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 17})
    void aBrandOneCharacterTooShortOrTooLong_isNotTheMintedShape(int brandLength) {
        String body = TokenFormat.standard().generate(RANDOM).reveal().substring(3);
        String text = "abcdefghijklmnopq".substring(0, brandLength) + "_" + body;

        assertFalse(TokenFormat.hasMintedShape(text));
        assertFalse(TokenFormat.isValidMinted(text));
        assertFalse(TokenFormat.hasBadCheck(text));
        assertEquals(Optional.empty(), TokenFormat.displayPrefix(text));
        assertEquals(TokenFormat.OTHER_SHAPE, classify(text));
        String prefix = text.substring(0, brandLength + 1 + TokenFormat.ID_LENGTH);
        assertFalse(TokenFormat.isMintedPrefix(prefix));
    }

    @Test
    void aBodyOneCharacterShortOrLong_isNotTheMintedShape() {
        String token = TokenFormat.standard().generate(RANDOM).reveal();

        for (String text : new String[] {token.substring(0, token.length() - 1), token + "0"}) {
            assertFalse(TokenFormat.hasMintedShape(text), text.length() + " characters");
            assertEquals(TokenFormat.OTHER_SHAPE, classify(text));
        }
        String prefix = TokenFormat.mintedPrefix(token);
        assertFalse(TokenFormat.isMintedPrefix(prefix.substring(0, prefix.length() - 1)));
        assertFalse(TokenFormat.isMintedPrefix(prefix + "0"));
        assertFalse(TokenFormat.isMintedPrefix(null));
    }

    @ParameterizedTest
    @ValueSource(chars = {'0', '9', 'A', 'Z', 'a', 'z'})
    void theEdgesOfBase62_areBodyCharacters(char c) {
        String shape = shapeWithBodyCharacter(c);

        assertTrue(TokenFormat.hasMintedShape(shape));
        assertEquals(TokenFormat.MINTED_SHAPE, classify(shape));
        assertTrue(TokenFormat.isMintedPrefix(shape.substring(0, 3 + TokenFormat.ID_LENGTH)));
    }

    @ParameterizedTest
    @ValueSource(chars = {'/', ':', '@', '[', '`', '{', '_', '-', '~'})
    void theCharactersBesideBase62_areNotBodyCharacters(char c) {
        String shape = shapeWithBodyCharacter(c);

        assertFalse(TokenFormat.hasMintedShape(shape));
        assertEquals(TokenFormat.OTHER_SHAPE, classify(shape));
        assertFalse(TokenFormat.isMintedPrefix(shape.substring(0, 3 + TokenFormat.ID_LENGTH)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"aB", "a-", "a.", "0a", "Ab", "a_", "abC", "-a"})
    void aBrandOutsideTheGrammar_inATextOfTheMintedLength_isNotTheMintedShape(String brand) {
        String body = TokenFormat.standard().generate(RANDOM).reveal().substring(3);
        String text = brand + "_" + body;

        assertFalse(TokenFormat.hasMintedShape(text));
        assertEquals(TokenFormat.OTHER_SHAPE, classify(text));
    }

    @ParameterizedTest
    @ValueSource(chars = {' ', '\u007f', '\u0080', '\u00ff', '\u0130', '\u0161', '\u4e00'})
    void aCharacterOutsidePrintableAscii_isNotPrintable_whereverItStands(char c) {
        String shape = shapeWithBodyCharacter(c);
        String brand = c + shape.substring(1);
        String other = "legacy" + c + "token";

        assertFalse(TokenFormat.hasMintedShape(shape));
        assertEquals(TokenFormat.NOT_PRINTABLE, classify(shape));
        assertEquals(TokenFormat.NOT_PRINTABLE, classify(brand));
        assertEquals(TokenFormat.NOT_PRINTABLE, classify(other));
        assertEquals(TokenFormat.OTHER_SHAPE, classify("legacy-token"));
    }

    @Test
    void theCheckIsReadAsSixBase62Digits() {
        String token = TokenFormat.standard().generate(RANDOM).reveal();
        byte[] bytes = new byte[token.length()];
        TokenFormat.copyAndClassify(token, bytes);
        int checkStart = token.length() - TokenFormat.CHECK_LENGTH;
        long crc = TokenDigest.current().crc(token, checkStart);

        assertTrue(TokenFormat.checkMatches(bytes, checkStart, crc));
        assertFalse(TokenFormat.checkMatches(bytes, checkStart, crc + 1));
        assertFalse(TokenFormat.checkMatches(bytes, checkStart, crc - 1));
    }

    /** A text of the minted shape {@code sk_...} with {@code c} at the start of its id (the check is not valid). */
    private static String shapeWithBodyCharacter(char c) {
        String token = TokenFormat.standard().generate(RANDOM).reveal();
        return token.substring(0, 3) + c + token.substring(4);
    }

    private static int classify(String text) {
        return TokenFormat.copyAndClassify(text, new byte[text.length()]);
    }
}
