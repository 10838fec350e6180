package dev.scopekey.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TokenHashTest {
    /** SHA-256("abc"), FIPS 180-2 appendix B.1. */
    private static final String ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void of_isTheSha256OfTheUtf8Bytes_andHexRoundTrips() {
        TokenHash hash = TokenHash.of("abc");
        assertEquals(ABC, hash.hex());
        assertEquals(ABC, TokenHash.hexOf("abc"));
        assertEquals(hash, TokenHash.fromHex(ABC));
        assertEquals(ABC, TokenHash.fromHex(ABC).hex());
        assertEquals(TokenHash.of("é").hex(), TokenHash.fromHex(TokenHash.hexOf("é")).hex());
    }

    @Test
    void equalsAndHashCode_followTheBytes() {
        TokenHash a = TokenHash.of("token-a");
        TokenHash same = TokenHash.fromHex(a.hex());
        TokenHash other = TokenHash.of("token-b");
        assertEquals(a, same);
        assertEquals(a.hashCode(), same.hashCode());
        assertNotEquals(a, other);
        assertNotEquals(a, (Object) a.hex(), "a hash is not its text");
        assertTrue(a.matches(same));
        assertFalse(a.matches(other));
        assertFalse(a.matches(null));
    }

    @Test
    void everyWordTakesPartInEquality() {
        String hex = ABC;
        for (int i = 0; i < TokenHash.HEX_LENGTH; i += 16) {
            char flipped = hex.charAt(i + 15) == '0' ? '1' : '0';
            String changed = hex.substring(0, i + 15) + flipped + hex.substring(i + 16);
            TokenHash hash = TokenHash.fromHex(changed);
            assertNotEquals(TokenHash.fromHex(hex), hash, "word " + i / 16);
            assertFalse(TokenHash.fromHex(hex).matches(hash), "word " + i / 16);
            assertEquals(changed, hash.hex());
        }
    }

    @Test
    void order_isTheOrderOfTheHexText() {
        List<TokenHash> hashes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            hashes.add(TokenHash.of("t" + i));
        }
        List<TokenHash> byHash = new ArrayList<>(hashes);
        byHash.sort(Comparator.naturalOrder());
        List<TokenHash> byHex = new ArrayList<>(hashes);
        byHex.sort(Comparator.comparing(TokenHash::hex));
        assertEquals(byHex, byHash);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "abc", "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD",
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a",
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad0",
            "ga7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a "})
    void fromHex_rejectsAnythingButSixtyFourLowercaseHexCharacters(String text) {
        assertFalse(TokenHash.isHex(text));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TokenHash.fromHex(text));
        if (text != null && !text.isEmpty()) {
            assertFalse(e.getMessage().contains(text), "the message never repeats the text");
        }
    }

    @Test
    void toString_showsOnlyTheFirstCharacters() {
        TokenHash hash = TokenHash.fromHex(ABC);
        assertFalse(hash.toString().contains(ABC));
        assertFalse(hash.toString().contains(ABC.substring(8, 24)));
        assertTrue(hash.toString().contains(ABC.substring(0, 8)));
    }

    @Test
    void ofPresented_isTheHashOfAnAcceptedToken_andNullForARefusedOne() {
        PlainToken minted = TokenFormat.standard().generate(new java.security.SecureRandom());
        assertEquals(TokenHash.of(minted.reveal()), TokenHash.ofPresented(minted.reveal()));
        assertEquals(TokenHash.of("legacy-token-1"), TokenHash.ofPresented("legacy-token-1"));
        String text = minted.reveal();
        char last = text.charAt(text.length() - 1);
        String badCheck = text.substring(0, text.length() - 1) + (last == 'a' ? 'b' : 'a');
        assertNull(TokenHash.ofPresented(badCheck));
        assertNull(TokenHash.ofPresented("has space"));
        assertNull(TokenHash.ofPresented(""));
        assertNull(TokenHash.ofPresented(null));
        assertNull(TokenHash.ofPresented("x".repeat(PlainToken.MAX_LENGTH + 1)));
        assertEquals(TokenHash.of("x".repeat(PlainToken.MAX_LENGTH)), TokenHash.ofPresented("x".repeat(PlainToken.MAX_LENGTH)));
    }

    @Test
    void aHashEqualsItself_andDifferentHashesHashApart() {
        TokenHash a = TokenHash.of("token-a");
        assertTrue(a.equals(a));
        assertNotEquals(a.hashCode(), TokenHash.of("token-b").hashCode());
    }
}
