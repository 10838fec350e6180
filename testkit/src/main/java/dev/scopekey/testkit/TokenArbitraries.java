package dev.scopekey.testkit;

import dev.scopekey.domain.PlainToken;
import dev.scopekey.domain.TokenFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik arbitraries for tokens: brands, minted tokens of any valid brand, legacy token strings,
 * single-character mutations of a token, and its case variants. Minted tokens come from the
 * library's own generator fed by a seeded random source, so a failing example can be reproduced.
 *
 * <pre>{@code
 * @Property
 * void mintedTokensKeepTheirPrefix(@ForAll("minted") PlainToken token) {
 *     assertEquals(token.prefix(), PlainToken.of(token.reveal()).prefix());
 * }
 *
 * @Provide
 * Arbitrary<PlainToken> minted() {
 *     return TokenArbitraries.minted();
 * }
 * }</pre>
 */
public final class TokenArbitraries {
    /** Characters a replacement may be: printable ASCII and a few that are not. */
    public static final String REPLACEMENT_CHARACTERS = printableAscii() + "\u0000\t\n\r é€\u007f";
    private static final List<String> INVALID_BRANDS = List.of("", "a", "A1", "Sk", "1a", "_a", "a_b", "ab-",
            "a b", "sk_", "é1", "abcdefghijklmnopq", "ab\n");

    private TokenArbitraries() {
    }

    /**
     * Valid brands: {@code [a-z][a-z0-9]{1,15}}, shortest and longest included.
     *
     * @return the arbitrary
     */
    public static Arbitrary<String> brands() {
        Arbitrary<String> generated = Combinators.combine(
                Arbitraries.chars().range('a', 'z'),
                Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').ofMinLength(1).ofMaxLength(15))
                .as((first, rest) -> first + rest);
        return Arbitraries.frequencyOf(Tuple.of(4, generated), Tuple.of(1, Arbitraries.of(SampleValues.BRANDS)));
    }

    /**
     * Strings that are not brands: wrong first character, bad characters, too short or too long.
     *
     * @return the arbitrary
     */
    public static Arbitrary<String> invalidBrands() {
        Arbitrary<String> generated = Arbitraries.strings().all().ofMaxLength(20)
                .filter(s -> !s.matches("[a-z][a-z0-9]{1,15}"));
        return Arbitraries.oneOf(Arbitraries.of(INVALID_BRANDS), generated);
    }

    /**
     * Freshly minted tokens of any valid brand.
     *
     * @return the arbitrary
     */
    public static Arbitrary<PlainToken> minted() {
        return Combinators.combine(brands(), Arbitraries.longs())
                .as((brand, seed) -> TokenFormat.withBrand(brand).generate(SeededRandom.of(seed)));
    }

    /**
     * The text of freshly minted tokens of any valid brand.
     *
     * @return the arbitrary
     */
    public static Arbitrary<String> mintedTexts() {
        return minted().map(PlainToken::reveal);
    }

    /**
     * Legacy token strings: 1 to 1024 printable ASCII characters without spaces, never of the
     * minted shape.
     *
     * @return the arbitrary
     */
    public static Arbitrary<String> legacy() {
        Arbitrary<String> usual = Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(80);
        Arbitrary<String> longer = Arbitraries.strings().withCharRange('!', '~')
                .ofMinLength(81).ofMaxLength(PlainToken.MAX_LENGTH);
        Arbitrary<String> lookalike = mintedTexts().map(t -> t.substring(0, t.length() - 1));
        return Arbitraries.frequencyOf(Tuple.of(8, usual), Tuple.of(1, longer), Tuple.of(1, lookalike))
                .filter(t -> !TokenFormat.hasMintedShape(t));
    }

    /**
     * Every way of changing exactly one character of {@code token}: a position and a different
     * character from {@link #REPLACEMENT_CHARACTERS}.
     *
     * @param token a valid minted token
     * @return the arbitrary
     */
    public static Arbitrary<String> singleCharacterMutations(String token) {
        if (token.isEmpty()) {
            throw new IllegalArgumentException("a token to mutate has at least one character");
        }
        return Combinators.combine(Arbitraries.integers().between(0, token.length() - 1),
                        Arbitraries.of(REPLACEMENT_CHARACTERS.toCharArray()))
                .as((at, c) -> replace(token, at, c))
                .filter(mutated -> !mutated.equals(token));
    }

    /**
     * Minted tokens with exactly one character changed.
     *
     * @return the arbitrary
     */
    public static Arbitrary<String> mutatedMinted() {
        return mintedTexts().flatMap(TokenArbitraries::singleCharacterMutations);
    }

    /**
     * {@code token} with the character at {@code index} replaced by {@code c}.
     *
     * @param token the token
     * @param index where
     * @param c the new character
     * @return the token with that one character replaced
     */
    public static String replace(String token, int index, char c) {
        return token.substring(0, index) + c + token.substring(index + 1);
    }

    /**
     * Spellings of {@code token} that differ from it in letter case only: all upper case, all
     * lower case, its first letter flipped, its last letter flipped (duplicates and the token
     * itself left out). A container that compares headers ignoring case hands these over as
     * the token.
     *
     * @param token the token
     * @return its case variants
     * @throws IllegalArgumentException if the token has no ASCII letter
     */
    public static List<String> caseVariants(String token) {
        int first = 0;
        while (first < token.length() && !isAsciiLetter(token.charAt(first))) {
            first++;
        }
        if (first == token.length()) {
            throw new IllegalArgumentException("a token without letters has no case variants");
        }
        int last = token.length() - 1;
        while (!isAsciiLetter(token.charAt(last))) {
            last--;
        }
        return Stream.of(token.toUpperCase(Locale.ROOT), token.toLowerCase(Locale.ROOT), flipCase(token, first),
                flipCase(token, last)).filter(variant -> !variant.equals(token)).distinct().toList();
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static String flipCase(String token, int index) {
        char c = token.charAt(index);
        return replace(token, index, Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
    }

    private static String printableAscii() {
        StringBuilder chars = new StringBuilder();
        for (char c = '!'; c <= '~'; c++) {
            chars.append(c);
        }
        return chars.toString();
    }
}
