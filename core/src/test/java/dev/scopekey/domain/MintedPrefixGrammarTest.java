package dev.scopekey.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** {@link TokenFormat#isMintedPrefix}: the display prefix of every minted token, and never a token. */
class MintedPrefixGrammarTest {
    private final SecureRandom random = new SecureRandom();

    @Test
    void thePrefixOfAMintedToken_isAMintedPrefix_andTheTokenIsNot() {
        for (String brand : new String[] {"sk", "acme", "abcdefghijklmnop"}) {
            for (int i = 0; i < 50; i++) {
                PlainToken token = TokenFormat.withBrand(brand).generate(random);
                assertTrue(TokenFormat.isMintedPrefix(token.prefix()), token.prefix());
                assertFalse(TokenFormat.isMintedPrefix(token.reveal()), token.prefix());
            }
        }
    }

    @Test
    void otherTexts_areNotMintedPrefixes() {
        for (String text : new String[] {null, "", "sk_", "sk_abc", "sk_0123456789AB0", "s_0123456789AB",
            "Sk_0123456789AB", "sk-0123456789AB", "sk_0123456789A-", "legacy-t", "sk_0123456789A\u00e9",
            "abcdefghijklmnopq_0123456789AB", "sk_0123456789AB\n"}) {
            assertFalse(TokenFormat.isMintedPrefix(text), String.valueOf(text));
        }
        assertTrue(TokenFormat.isMintedPrefix("sk_0123456789AB"));
    }
}
