package dev.scopekey.store.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.PlainToken;
import dev.scopekey.domain.ScopeSet;
import dev.scopekey.domain.TokenDigest;
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
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class TokenFileRoundTripProperties {
    private static final String HASH = TokenDigest.sha256Hex("x");

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
        assertEquals(TokenDigest.sha256Hex(token), file.records().get(0).hash());
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
                net.jqwik.api.Tuple.of(6, text), net.jqwik.api.Tuple.of(2, raw), net.jqwik.api.Tuple.of(2, withBom));
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
