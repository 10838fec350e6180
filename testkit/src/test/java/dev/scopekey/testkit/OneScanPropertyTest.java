package dev.scopekey.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.scopekey.domain.PlainToken;
import dev.scopekey.domain.TokenFormat;
import dev.scopekey.domain.TokenHash;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The one scan of a presented token ({@link TokenHash#ofPresented}) decides exactly as the
 * predicates it replaced on the request path: refused when not {@link PlainToken#isWellFormed} or
 * when {@link TokenFormat#hasBadCheck}, else the SHA-256 of the token.
 */
class OneScanPropertyTest {

    @Property(tries = 3000)
    void decidesAsTheSeparatePredicates(@ForAll("presented") String text) {
        boolean refused = !PlainToken.isWellFormed(text) || TokenFormat.hasBadCheck(text);
        TokenHash hash = TokenHash.ofPresented(text);
        if (refused) {
            assertNull(hash, "refused by its shape");
        } else {
            assertEquals(TokenHash.of(text), hash);
            assertEquals(TokenHash.hexOf(text), hash.hex());
        }
    }

    @Property(tries = 500)
    void caseVariantsOfAMintedToken_decideAsThePredicates(@ForAll("mintedCaseVariants") List<String> variants) {
        for (String text : variants) {
            boolean refused = !PlainToken.isWellFormed(text) || TokenFormat.hasBadCheck(text);
            assertEquals(refused, TokenHash.ofPresented(text) == null, "case variant");
            if (TokenFormat.isValidMinted(text)) {
                assertEquals(TokenHash.of(text), TokenHash.ofPresented(text));
            }
        }
    }

    @Provide
    Arbitrary<String> presented() {
        Arbitrary<String> brandsAndBodies = arbitraryShapes();
        return Arbitraries.oneOf(TokenArbitraries.mintedTexts(), TokenArbitraries.mutatedMinted(),
                TokenArbitraries.legacy(), brandsAndBodies,
                Arbitraries.strings().all().ofMaxLength(70),
                Arbitraries.strings().withChars(TokenArbitraries.REPLACEMENT_CHARACTERS).ofMaxLength(80),
                Arbitraries.strings().withCharRange('!', '~').ofMinLength(PlainToken.MAX_LENGTH - 2)
                        .ofMaxLength(PlainToken.MAX_LENGTH + 2),
                Arbitraries.of("", "_", "sk_", "a_" + "A".repeat(50), "ab_" + "A".repeat(50), "Ab_" + "A".repeat(50),
                        "1b_" + "A".repeat(50), "ab_" + "A".repeat(49), "ab_" + "A".repeat(51),
                        "a".repeat(16) + "_" + "A".repeat(50), "a".repeat(17) + "_" + "A".repeat(50),
                        "ab_" + "A".repeat(49) + "_", "ab__" + "A".repeat(49), "ab_" + "A".repeat(49) + "é"));
    }

    /** A brand-like head, an underscore and a base62-like body, each a little off at random. */
    private static Arbitrary<String> arbitraryShapes() {
        Arbitrary<String> head = Arbitraries.strings().withChars("abcz09A-").ofMinLength(0).ofMaxLength(18);
        Arbitrary<String> body = Arbitraries.strings().withChars("0189AZaz").ofMinLength(49).ofMaxLength(51);
        return net.jqwik.api.Combinators.combine(head, body).as((h, b) -> h + "_" + b);
    }

    @Provide
    Arbitrary<List<String>> mintedCaseVariants() {
        return TokenArbitraries.mintedTexts().map(text -> {
            List<String> all = new ArrayList<>(TokenArbitraries.caseVariants(text));
            all.add(text);
            return all;
        });
    }
}
