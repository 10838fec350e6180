package dev.scopekey.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class TokenFormatTest {
    private final SecureRandom random = new SecureRandom();

    @Test
    void generate_followsBrandIdSecretCheck() {
        PlainToken token = TokenFormat.withBrand("acme").generate(random);
        String text = token.reveal();

        assertTrue(text.matches("acme_[0-9A-Za-z]{50}"), "shape");
        assertEquals(text.substring(0, "acme_".length() + 12), token.prefix());
        assertTrue(token.isMinted());
        assertTrue(TokenFormat.isValidMinted(text));
        assertEquals(TokenHash.hexOf(text), token.hash());
    }

    @Test
    void defaultBrand_isSk() {
        assertTrue(TokenFormat.standard().generate(random).reveal().startsWith("sk_"));
    }

    @Test
    void withBrand_rejectsBadBrands() {
        for (String bad : new String[] {"", "a", "Sk", "1sk", "sk_", "abcdefghijklmnopq", "s-k"}) {
            assertThrows(IllegalArgumentException.class, () -> TokenFormat.withBrand(bad), bad);
        }
        assertEquals("abcdefghijklmnop", TokenFormat.withBrand("abcdefghijklmnop").brand());
    }

    @Test
    void wrongCheck_isNotMinted_andFallsBackToALegacyPrefixThatIsNeverMoreThanHalf() {
        String text = TokenFormat.standard().generate(random).reveal();
        String broken = text.substring(0, text.length() - 1) + (text.endsWith("0") ? "1" : "0");

        assertTrue(TokenFormat.hasMintedShape(broken));
        assertFalse(TokenFormat.isValidMinted(broken));
        assertEquals("sk_" + broken.substring(3, 8), PlainToken.of(broken).prefix());
        assertEquals("abc", PlainToken.of("abcdefg").prefix());
    }

    @Test
    void plainToken_toStringIsRedacted_andBadTextIsRefusedWithoutEcho() {
        PlainToken token = TokenFormat.standard().generate(random);
        assertFalse(token.toString().contains(token.reveal().substring(token.prefix().length())));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PlainToken.of("secret with space"));
        assertFalse(e.getMessage().contains("secret"));
    }

    @Test
    void durationText_readsShortAndIsoForms() {
        assertEquals(java.time.Duration.ofDays(30), DurationText.parse("30d"));
        assertEquals(java.time.Duration.ofHours(12), DurationText.parse("PT12H"));
        assertEquals(java.time.Duration.ofDays(14), DurationText.parse("2w"));
        assertEquals(java.time.Duration.ofSeconds(90), DurationText.parse("90s"));
        for (String bad : new String[] {"", "0d", "-1d", "d", "10x", "1.5h", "P-1D", "9999999999d"}) {
            assertThrows(IllegalArgumentException.class, () -> DurationText.parse(bad), bad);
        }
    }

    @Test
    void textsWithoutTheMintedShape_haveNoShapeNoPrefixAndNoBadCheck() {
        String body = "A".repeat(50);
        java.util.List<String> notMinted = java.util.Arrays.asList(null, "", "acme", "a_" + body, "acme-" + body,
            "acMe_" + body, "acme_" + "A".repeat(49) + "-", "acme_" + body + "A");
        for (String text : notMinted) {
            assertFalse(TokenFormat.hasMintedShape(text), String.valueOf(text));
            assertFalse(TokenFormat.hasBadCheck(text), String.valueOf(text));
            assertTrue(TokenFormat.displayPrefix(text).isEmpty(), String.valueOf(text));
        }
        assertTrue(TokenFormat.hasMintedShape("acme_" + body));
        assertTrue(TokenFormat.hasBadCheck("acme_" + body));
    }

    @Test
    void displayPrefix_ofAValidToken_isBrandUnderscoreAndId() {
        String text = TokenFormat.withBrand("ab").generate(random).reveal();
        assertEquals(text.substring(0, 15), TokenFormat.displayPrefix(text).orElseThrow());
    }

    @Test
    void toString_namesTheBrand() {
        assertEquals("TokenFormat[brand=acme]", TokenFormat.withBrand("acme").toString());
    }

    @Test
    void durationText_acceptsTheLongestAndNineDigitAmounts() {
        assertEquals(DurationText.LONGEST, DurationText.parse(DurationText.LONGEST.toDays() + "d"));
        assertThrows(IllegalArgumentException.class, () -> DurationText.parse((DurationText.LONGEST.toDays() + 1) + "d"));
        assertEquals(java.time.Duration.ofSeconds(315_360_000), DurationText.parse("315360000s"));
        assertThrows(IllegalArgumentException.class, () -> DurationText.parse("0315360000s"));
    }
}
