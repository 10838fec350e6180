package dev.scopekey.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.TokenFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The secret-scanner pattern and check that docs/token-format.md publishes, read from the page
 * itself: the pattern finds every minted token of any brand in surrounding text, and pattern plus
 * check accept minted tokens and reject every single-character change of them, as
 * {@link TokenFormat} does.
 */
class SecretScannerPatternPropertyTest {
    private static final Path PAGE = Path.of("..", "docs", "token-format.md");
    private static final Pattern PUBLISHED = Pattern.compile(publishedRegex());
    private static final String BASE62 = alphabetOnThePage();

    @Property(tries = 500)
    void pattern_findsAMintedTokenInText_exactly(@ForAll("minted") String token) {
        Matcher found = PUBLISHED.matcher("Authorization: Bearer " + token + "\r\nX-Other: 1");

        assertTrue(found.find(), token);
        assertEquals(token, found.group());
        assertFalse(found.find());
    }

    @Property(tries = 500)
    void patternAndCheck_acceptMintedTokens(@ForAll("minted") String token) {
        assertEquals(List.of(token), scan("token=" + token + ";"));
    }

    @Property(tries = 2000)
    void patternAndCheck_rejectEverySingleCharacterChange(@ForAll("mutated") String mutated) {
        assertEquals(List.of(), scan(mutated), mutated);
        assertFalse(TokenFormat.isValidMinted(mutated), mutated);
    }

    @Property(tries = 200)
    void pattern_ignoresTokensOfAnInvalidBrand(@ForAll("invalidBrandTokens") String token) {
        assertFalse(PUBLISHED.matcher(token).matches(), token);
    }

    @Provide
    Arbitrary<String> minted() {
        return TokenArbitraries.mintedTexts();
    }

    @Provide
    Arbitrary<String> mutated() {
        return TokenArbitraries.mutatedMinted();
    }

    @Provide
    Arbitrary<String> invalidBrandTokens() {
        return TokenArbitraries.invalidBrands().filter(b -> !b.contains("_") && b.chars().allMatch(c -> c < 128))
                .flatMap(brand -> TokenArbitraries.mintedTexts().map(t -> brand + t.substring(t.indexOf('_'))));
    }

    /** What a scanner following the page reports: matches of the pattern whose check is right. */
    private static List<String> scan(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = PUBLISHED.matcher(text);
        while (matcher.find()) {
            String candidate = matcher.group();
            if (candidate.endsWith(check(candidate.substring(0, candidate.length() - 6)))) {
                tokens.add(candidate);
            }
        }
        return tokens;
    }

    /** The page's check: CRC32 of the ASCII bytes, as 6 base62 digits, most significant first. */
    private static String check(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        long rest = crc.getValue();
        char[] digits = new char[6];
        for (int i = 5; i >= 0; i--) {
            digits[i] = BASE62.charAt((int) (rest % 62));
            rest /= 62;
        }
        return new String(digits);
    }

    private static String publishedRegex() {
        return fencedBlock("```regex");
    }

    private static String alphabetOnThePage() {
        String alphabet = fencedBlock("```").strip();
        assertEquals(62, alphabet.length(), "the alphabet block: " + alphabet);
        return alphabet;
    }

    /** The single line of the first fenced block opened by {@code fence} that holds one line. */
    private static String fencedBlock(String fence) {
        try {
            List<String> lines = Files.readAllLines(PAGE, StandardCharsets.UTF_8);
            for (int i = 0; i + 2 < lines.size(); i++) {
                if (lines.get(i).equals(fence) && lines.get(i + 2).equals("```")) {
                    return lines.get(i + 1);
                }
            }
            throw new AssertionError("no one-line " + fence + " block in " + PAGE);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + PAGE, e);
        }
    }
}
