package dev.scopekey.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.AuthDecision;
import dev.scopekey.domain.DenialReason;
import dev.scopekey.domain.PlainToken;
import dev.scopekey.domain.TokenHash;
import dev.scopekey.domain.TokenFormat;
import dev.scopekey.port.AuditSink;
import dev.scopekey.service.ClientRequest;
import dev.scopekey.service.TokenService;
import java.security.SecureRandom;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** The token format: round-trips, checksums that catch every single-character change, brands. */
class TokenFormatPropertyTest {
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static TokenService unreachableStore;

    @BeforeContainer
    static void startService() {
        unreachableStore = TokenService.builder(new UnavailableTokenStore()).audit(AuditSink.discarding())
                .lastUsedFlushInterval(null).build();
    }

    @AfterContainer
    static void stopService() {
        unreachableStore.close();
    }

    @Property(tries = 1000)
    void mintedToken_roundTripsThroughPlainTokenOf(@ForAll("minted") PlainToken token) {
        String text = token.reveal();
        PlainToken again = PlainToken.of(text);
        assertTrue(again.isMinted());
        assertEquals(token.prefix(), again.prefix());
        assertEquals(token.hash(), again.hash());
        assertEquals(again.hash(), PlainToken.of(text).hash(), "the hash is stable");
        assertEquals(TokenHash.hexOf(text), again.hash());
        assertTrue(TokenHash.isHex(again.hash()));
        assertEquals(token, again);
        int underscore = text.indexOf('_');
        assertEquals(text.substring(0, underscore + 1 + TokenFormat.ID_LENGTH), again.prefix());
        assertEquals(underscore + 1 + TokenFormat.ID_LENGTH + TokenFormat.SECRET_LENGTH + TokenFormat.CHECK_LENGTH,
                text.length());
        assertTrue(text.substring(underscore + 1).chars().allMatch(c -> BASE62.indexOf(c) >= 0));
        assertTrue(TokenFormat.isValidMinted(text));
        assertFalse(again.toString().contains(text.substring(underscore + 1 + TokenFormat.ID_LENGTH)),
                "toString hides the secret");
    }

    @Property(tries = 1000)
    void generatedToken_startsWithItsBrand(@ForAll("brands") String brand) {
        TokenFormat format = TokenFormat.withBrand(brand);
        assertEquals(brand, format.brand());
        PlainToken token = format.generate(new SecureRandom());
        assertTrue(token.reveal().startsWith(brand + "_"));
        assertTrue(token.prefix().startsWith(brand + "_"));
    }

    @Property(tries = 1000)
    void invalidBrand_isRefused(@ForAll("invalidBrands") String brand) {
        assertThrows(IllegalArgumentException.class, () -> TokenFormat.withBrand(brand));
    }

    @Property(tries = 1000)
    void legacyToken_keepsItsTextAsHashAndHalfOrEightCharactersAsPrefix(@ForAll("legacy") String text) {
        PlainToken token = PlainToken.of(text);
        assertFalse(token.isMinted());
        assertEquals(text.substring(0, Math.min(8, text.length() / 2)), token.prefix());
        assertEquals(TokenHash.hexOf(text), token.hash());
    }

    /** Every position, every replacement character, for each sampled token. */
    @Property(tries = 60)
    void everySingleCharacterChange_failsTheChecksum_exhaustively(@ForAll("minted") PlainToken token) {
        String text = token.reveal();
        int checked = 0;
        for (int i = 0; i < text.length(); i++) {
            for (char c : TokenArbitraries.REPLACEMENT_CHARACTERS.toCharArray()) {
                if (c == text.charAt(i)) {
                    continue;
                }
                String mutated = TokenArbitraries.replace(text, i, c);
                assertFalse(TokenFormat.isValidMinted(mutated), "position " + i);
                assertFalse(PlainToken.isWellFormed(mutated) && PlainToken.of(mutated).isMinted(), "position " + i);
                checked++;
            }
        }
        assertTrue(checked > text.length() * 90, "checked " + checked + " mutations");
    }

    @Property(tries = 1000)
    void singleCharacterChange_isDeniedBeforeAnyStoreLookup(@ForAll("mutatedMinted") String mutated) {
        AuthDecision decision = unreachableStore.authenticate(mutated, ClientRequest.NONE);
        if (TokenFormat.hasMintedShape(mutated)) {
            assertEquals(new AuthDecision.Denied(DenialReason.BAD_CHECKSUM, null, null), decision);
        } else if (!PlainToken.isWellFormed(mutated)) {
            assertEquals(new AuthDecision.Denied(DenialReason.MALFORMED, null, null), decision);
        } else {
            assertFalse(decision.isGranted(), "a token of another shape is never granted by a dead store");
        }
    }

    @Provide
    Arbitrary<PlainToken> minted() {
        return TokenArbitraries.minted();
    }

    @Provide
    Arbitrary<String> brands() {
        return TokenArbitraries.brands();
    }

    @Provide
    Arbitrary<String> invalidBrands() {
        return TokenArbitraries.invalidBrands();
    }

    @Provide
    Arbitrary<String> legacy() {
        return TokenArbitraries.legacy();
    }

    @Provide
    Arbitrary<String> mutatedMinted() {
        return TokenArbitraries.mutatedMinted();
    }
}
