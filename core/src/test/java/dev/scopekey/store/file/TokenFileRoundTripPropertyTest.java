package dev.scopekey.store.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.PlainToken;
import dev.scopekey.domain.ScopeSet;
import dev.scopekey.domain.TokenHash;
import dev.scopekey.domain.TokenFormat;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.port.TokenChange;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

class TokenFileRoundTripPropertyTest {
    private static final String HASH = TokenHash.hexOf("x");

    @Property(tries = 1000)
    void loadThenSave_isByteIdentical_forAnyInput(@ForAll("tokenFiles") byte[] bytes) {
        assertArrayEquals(bytes, TokenFile.parse(bytes).toBytes());
    }

    @Property(tries = 1000)
    void insert_keepsEveryExistingByte_andAddsExactlyOneRecord(@ForAll("tokenFiles") byte[] bytes,
                                                               @ForAll long seed) {
        TokenFile file = TokenFile.parse(bytes);
        PlainToken token = TokenFormat.standard().generate(seeded(seed));
        TokenRecord record = TokenRecord.minted(token, ScopeSet.parseList("kafka:read"), "n", null,
                Instant.ofEpochSecond(seed & 0xffffffffL), "cli", null);

        byte[] written = file.apply(TokenChange.insert(record)).toBytes();

        assertArrayEquals(bytes, Arrays.copyOf(written, bytes.length));
        assertEquals('\n', written[written.length - 1]);
        TokenFile reread = TokenFile.parse(written);
        List<TokenRecord> expected = new ArrayList<>(file.records());
        expected.add(record);
        assertEquals(expected, reread.records());
        assertEquals(file.warnings(), reread.warnings());
        assertTrue(!new String(written, StandardCharsets.ISO_8859_1).contains(token.reveal()));
    }

    @Property(tries = 1000)
    void bareLine_ofAnyWellFormedToken_grantsRoot(@ForAll("legacyTokens") String token) {
        TokenFile file = TokenFile.parse((token + "\n").getBytes(StandardCharsets.UTF_8));

        assertEquals(List.of(), file.warnings());
        assertTrue(file.records().get(0).scopes().isRoot());
        assertEquals(TokenHash.hexOf(token), file.records().get(0).hash());
    }

    @Property(tries = 1000)
    void update_rewritesOnlyTheUpdatedLine(@ForAll("filesWithTokens") String text, @ForAll int pick) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        TokenFile file = TokenFile.parse(bytes);
        Assume.that(!file.records().isEmpty());
        TokenRecord target = file.records().get(Math.floorMod(pick, file.records().size()));
        TokenRecord revoked = target.withRevoked(Instant.parse("2030-01-01T00:00:00Z"), "cli");

        TokenFile next = file.apply(TokenChange.update(List.of(revoked)));

        List<String> before = linesOf(bytes);
        List<String> after = linesOf(next.toBytes());
        assertEquals(before.size(), after.size());
        int changed = 0;
        for (int i = 0; i < before.size(); i++) {
            if (!before.get(i).equals(after.get(i))) {
                changed++;
                assertTrue(after.get(i).contains("\trevoked=2030-01-01T00:00:00Z"), after.get(i));
            }
        }
        assertEquals(1, changed);
        TokenFile reread = TokenFile.parse(next.toBytes());
        assertEquals(file.warnings(), reread.warnings());
        assertTrue(reread.records().contains(revoked));
    }

    /** Lines with their endings, split after each LF (ISO-8859-1 keeps every byte as one char). */
    private static List<String> linesOf(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    @Provide
    Arbitrary<String> filesWithTokens() {
        Arbitrary<String> secret = Arbitraries.strings().withCharRange('!', '~').ofMinLength(8).ofMaxLength(30)
                .filter(s -> !s.startsWith("#") && !s.startsWith("sha256:"));
        Arbitrary<String> scopes = Arbitraries.of("*", "kafka:read", "a:*,b:c", "workspaces:w42:write");
        Arbitrary<String> plaintext = Combinators.combine(secret, scopes,
                Arbitraries.of("", "\tname", "\t\t2024-05-01T10:00:00Z", "\tn\t2024-05-01\tteam=x\tused=2024-06-01",
                        "\tn\t\texpires=2031-01-01T00:00+02:00\tby=cli"))
                .as((token, scope, rest) -> token + "\t" + scope + rest);
        Arbitrary<String> hashed = secret.map(token -> "sha256:" + token.substring(0, 4).replace(":", "_") + ":"
                + TokenHash.hexOf(token) + "\tkafka:read");
        Arbitrary<String> junk = Arbitraries.of("# comment", "", "  ", "bad line", "x\tBad:Scope", "\uFEFF#");
        Arbitrary<String> line = Arbitraries.frequencyOf(Tuple.of(3, secret),
                Tuple.of(3, plaintext), Tuple.of(2, hashed), Tuple.of(2, junk));
        Arbitrary<String> ending = Arbitraries.of("\n", "\r\n", " \n");
        return Combinators.combine(line, ending).as((l, e) -> l + e).list().ofMaxSize(12)
                .flatMap(lines -> Arbitraries.of(true, false).map(closed -> {
                    String joined = String.join("", lines);
                    return closed || joined.isEmpty() ? joined : joined.substring(0, joined.length() - 1);
                }));
    }

    @Provide
    Arbitrary<byte[]> tokenFiles() {
        Arbitrary<String> fragment = Arbitraries.oneOf(
                Arbitraries.of("\n", "\r\n", "\r", "\t", " ", "#", "*", ",", ":", "=", "sha256:", "sk_", "\uFEFF",
                        "subject=", "by=", "expires=", "revoked=", "revokedBy=", "used=", "2024-05-01T10:00:00Z",
                        "2024-05-01", "kafka:read", "a:*", "legacy-token", HASH),
                Arbitraries.strings().ascii().ofMaxLength(12),
                Arbitraries.strings().all().ofMaxLength(3));
        Arbitrary<byte[]> text = fragment.list().ofMaxSize(40)
                .map(parts -> String.join("", parts).getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(120);
        Arbitrary<byte[]> withBom = text.map(body -> {
            byte[] out = new byte[body.length + 3];
            out[0] = (byte) 0xEF;
            out[1] = (byte) 0xBB;
            out[2] = (byte) 0xBF;
            System.arraycopy(body, 0, out, 3, body.length);
            return out;
        });
        return Arbitraries.frequencyOf(
                Tuple.of(6, text), Tuple.of(2, raw), Tuple.of(2, withBom));
    }

    @Provide
    Arbitrary<String> legacyTokens() {
        return Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(80)
                .filter(s -> !s.startsWith("#") && !s.startsWith("sha256:"));
    }

    private static SecureRandom seeded(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
