package dev.scopekey.testkit;

import dev.scopekey.domain.PlainToken;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik arbitraries for token-file contents, as bytes: comments, blank lines, legacy lines,
 * plaintext and {@code sha256:<prefix>:<hash>} credential lines with optional name, createdAt
 * and attributes (known and unknown keys), malformed lines, junk, LF and CRLF endings mixed, a
 * missing final newline, and now and then a byte-order mark or a repeated line. The grammar is
 * the one the design gives for the file store:
 *
 * <pre>
 * # comment
 * &lt;token&gt;
 * &lt;credential&gt;\t&lt;scopes&gt;[\t&lt;name&gt;[\t&lt;createdAt&gt;[\t&lt;key&gt;=&lt;value&gt;]...]]
 * </pre>
 *
 * <p>Use {@link #files()} for "anything a file may hold" and the line arbitraries to build
 * files of one shape.
 */
public final class TokenFileArbitraries {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** The attributes the file store understands. */
    private static final List<String> KNOWN_KEYS = List.of("subject", "by", "expires", "revoked", "revokedBy", "used");
    private static final List<String> UNKNOWN_KEYS = List.of("x-team", "color", "note", "future.key", "EXPIRES",
            "lastUsed");
    private static final List<String> BAD_ATTRIBUTES = List.of("noequals", "=x", "expires=soon", "revoked=",
            "used=yesterday", "subject=", "by=", "by=a\tby=b", "bad key=x", "expires=2030-01-01\texpires=2031-01-01");

    private TokenFileArbitraries() {
    }

    /**
     * Anything a token file may hold: mostly lines of every kind, sometimes arbitrary bytes.
     *
     * @return the arbitrary
     */
    public static Arbitrary<byte[]> files() {
        return Arbitraries.frequencyOf(Tuple.of(8, filesOfBytes(lines())), Tuple.of(1, junk()));
    }

    /**
     * Files made of the given lines, each ending in LF or CRLF, the last one maybe in nothing.
     *
     * @param lines the lines to draw from
     * @return the arbitrary
     */
    public static Arbitrary<byte[]> filesOf(Arbitrary<String> lines) {
        return filesOfBytes(lines.map(TokenFileArbitraries::utf8));
    }

    /**
     * Any number of arbitrary bytes: invalid UTF-8, NUL, lone CR and all.
     *
     * @return the arbitrary
     */
    public static Arbitrary<byte[]> junk() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(400);
    }

    /**
     * One line of any kind, junk included, as bytes without its line ending.
     *
     * @return the arbitrary
     */
    public static Arbitrary<byte[]> lines() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, commentLines().map(TokenFileArbitraries::utf8)),
                Tuple.of(1, blankLines().map(TokenFileArbitraries::utf8)),
                Tuple.of(2, legacyLines().map(TokenFileArbitraries::utf8)),
                Tuple.of(3, plaintextLines().map(TokenFileArbitraries::utf8)),
                Tuple.of(4, hashedLines().map(TokenFileArbitraries::utf8)),
                Tuple.of(2, malformedLines().map(TokenFileArbitraries::utf8)),
                Tuple.of(1, junkLines()));
    }

    /**
     * {@code #} followed by any text without line breaks, tabs included.
     *
     * @return the arbitrary
     */
    public static Arbitrary<String> commentLines() {
        Arbitrary<String> text = Arbitraries.oneOf(RecordArbitraries.names(), Arbitraries.strings().all()
                .ofMaxLength(40).map(s -> s.replace('\n', ' ').replace('\r', ' ')), Arbitraries.just(""));
        return text.map(t -> "#" + t);
    }

    /**
     * Empty lines and lines of spaces and tabs.
     *
     * @return the arbitrary
     */
    public static Arbitrary<String> blankLines() {
        return Arbitraries.strings().withChars(" \t").ofMaxLength(4);
    }

    /**
     * A legacy line: a token alone, which grants {@code *}.
     *
     * @return the arbitrary
     */
    public static Arbitrary<String> legacyLines() {
        return legacyLineTokens();
    }

    /**
     * Tokens that form a legacy line on their own: legacy strings that do not start a comment or
     * a hashed credential, and minted tokens.
     *
     * @return the arbitrary
     */
    public static Arbitrary<String> legacyLineTokens() {
        Arbitrary<String> legacy = TokenArbitraries.legacy()
                .filter(t -> !t.startsWith("#") && !t.startsWith("sha256:"));
        return Arbitraries.frequencyOf(Tuple.of(4, legacy), Tuple.of(1, TokenArbitraries.mintedTexts()));
    }

    /**
     * Well-formed credential lines whose credential is a plaintext token.
     *
     * @return the arbitrary
     */
    public static Arbitrary<String> plaintextLines() {
        return credentialLines(legacyLineTokens());
    }

    /**
     * Well-formed credential lines whose credential is {@code sha256:<prefix>:<hash>}, as mint writes them.
     *
     * @return the arbitrary
     */
    public static Arbitrary<String> hashedLines() {
        Arbitrary<PlainToken> tokens = Arbitraries.frequencyOf(Tuple.of(3, TokenArbitraries.minted()),
                Tuple.of(1, legacyLineTokens().map(PlainToken::of)));
        return credentialLines(tokens.map(TokenFileArbitraries::hashedCredential));
    }

    /**
     * {@code sha256:<prefix>:<hash>} for a token.
     *
     * @param token the token
     * @return its {@code sha256:} credential
     */
    public static String hashedCredential(PlainToken token) {
        return "sha256:" + token.prefix() + ":" + token.hash();
    }

    /**
     * Lines the grammar rejects, each yielding no token: bad hashes, bad or empty scopes, bad
     * dates and attributes, repeated known attributes, spaces or non-ASCII in a credential.
     *
     * @return the arbitrary
     */
    public static Arbitrary<String> malformedLines() {
        Arbitrary<PlainToken> token = TokenArbitraries.minted();
        Arbitrary<String> plain = legacyLineTokens();
        Arbitrary<String> scopes = scopeLists();
        Arbitrary<String> badScopes = ScopeArbitraries.invalid().filter(TokenFileArbitraries::isBadScopeField);
        return Arbitraries.oneOf(
                token.map(t -> "sha256:" + t.prefix() + ":" + t.hash().substring(1) + "\ta"),
                token.map(t -> "sha256:" + t.prefix() + ":" + t.hash().toUpperCase(Locale.ROOT) + "0\ta"),
                token.map(t -> "sha256:" + t.hash() + "\ta"),
                token.map(t -> hashedCredential(t)),
                plain.map(t -> t + "\t"),
                Combinators.combine(plain, badScopes).as((t, bad) -> t + "\t" + bad),
                Combinators.combine(plain, scopes).as((t, s) -> t + "\t" + s + "\tname\tnot-a-date"),
                Combinators.combine(plain, scopes, Arbitraries.of(BAD_ATTRIBUTES))
                        .as((t, s, bad) -> t + "\t" + s + "\tname\t2024-01-01T00:00:00Z\t" + bad),
                plain.filter(t -> t.length() >= 2)
                        .map(t -> t.substring(0, t.length() / 2) + " " + t.substring(t.length() / 2)),
                plain.map(t -> "tök" + t));
    }

    /**
     * Lines of arbitrary bytes other than CR and LF, invalid UTF-8 and NUL included.
     *
     * @return the arbitrary
     */
    public static Arbitrary<byte[]> junkLines() {
        return Arbitraries.bytes().filter(b -> b != '\n' && b != '\r').array(byte[].class).ofMaxSize(60);
    }

    /**
     * Comma-separated valid scope lists, as the scopes field holds them, spaces around commas now and then.
     *
     * @return the arbitrary
     */
    public static Arbitrary<String> scopeLists() {
        return Combinators.combine(ScopeArbitraries.grantable().list().ofMinSize(1).ofMaxSize(4),
                        Arbitraries.of(",", ",", ", ", " , "))
                .as((scopes, comma) -> String.join(comma, scopes));
    }

    private static Arbitrary<String> credentialLines(Arbitrary<String> credentials) {
        Arbitrary<String> name = Arbitraries.oneOf(RecordArbitraries.names(), Arbitraries.just(""));
        Arbitrary<String> createdAt = Arbitraries.frequencyOf(Tuple.of(6, times()), Tuple.of(1, Arbitraries.just("")));
        return Combinators.combine(credentials, scopeLists(), Arbitraries.integers().between(0, 3), name, createdAt,
                        attributes())
                .as((credential, scopes, depth, n, at, attrs) -> {
                    StringBuilder line = new StringBuilder(credential).append('\t').append(scopes);
                    if (depth >= 1) {
                        line.append('\t').append(n);
                    }
                    if (depth >= 2) {
                        line.append('\t').append(at);
                    }
                    if (depth >= 3) {
                        attrs.forEach(attribute -> line.append('\t').append(attribute));
                    }
                    if (line.charAt(line.length() - 1) == ' ') {
                        line.append('\t');   // readers ignore trailing spaces; an empty last field keeps them
                    }
                    return line.toString();
                });
    }

    /** Well-formed attribute fields: each known key at most once, unknown keys any number of times, shuffled. */
    private static Arbitrary<List<String>> attributes() {
        Arbitrary<List<String>> known = Arbitraries.subsetOf(KNOWN_KEYS).flatMap(keys -> {
            List<Arbitrary<String>> fields = new ArrayList<>();
            for (String key : keys) {
                fields.add(knownValue(key).map(value -> key + "=" + value));
            }
            return Combinators.combine(fields).as(list -> list);
        });
        Arbitrary<String> unknown = Combinators.combine(Arbitraries.of(UNKNOWN_KEYS),
                Arbitraries.oneOf(RecordArbitraries.names(), Arbitraries.just(""), Arbitraries.just("a=b")))
                .as((key, value) -> key + "=" + value);
        return Combinators.combine(known, unknown.list().ofMaxSize(2)).as((k, u) -> {
            List<String> all = new ArrayList<>(k);
            all.addAll(u);
            return all;
        }).flatMap(Arbitraries::shuffle);
    }

    private static Arbitrary<String> knownValue(String key) {
        switch (key) {
            case "subject":
                return RecordArbitraries.subjects();
            case "by":
            case "revokedBy":
                return RecordArbitraries.actors();
            default:
                return times();
        }
    }

    /** Times as the file holds them: instants, and now and then a bare date. */
    private static Arbitrary<String> times() {
        Arbitrary<String> instant = RecordArbitraries.instants().map(Instant::toString);
        Arbitrary<String> date = RecordArbitraries.instants().map(t -> t.toString().substring(0, 10));
        return Arbitraries.frequencyOf(Tuple.of(5, instant), Tuple.of(1, date));
    }

    /** Whether a scopes field fails even when each comma-separated part is stripped, as readers may do. */
    private static boolean isBadScopeField(String field) {
        if (field.isBlank() || field.indexOf('\t') >= 0 || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0) {
            return false;
        }
        for (String part : field.split(",", -1)) {
            if (!ScopeGrammar.isValid(part.strip())) {
                return true;
            }
        }
        return false;
    }

    private static Arbitrary<byte[]> filesOfBytes(Arbitrary<byte[]> lines) {
        Arbitrary<byte[]> ending = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(new byte[] {'\n'})), Tuple.of(1, Arbitraries.just(new byte[] {'\r', '\n'})));
        Arbitrary<Tuple.Tuple2<byte[], byte[]>> line = Combinators.combine(lines, ending).as(Tuple::of);
        return Combinators.combine(line.list().ofMaxSize(30), Arbitraries.integers().between(0, 9),
                        Arbitraries.integers().between(0, 40), Arbitraries.integers().between(0, 19))
                .as((all, finalEnding, repeat, bom) -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    if (bom == 0) {
                        out.writeBytes(BOM);
                    }
                    for (int i = 0; i < all.size(); i++) {
                        out.writeBytes(all.get(i).get1());
                        boolean last = i == all.size() - 1;
                        if (!last || finalEnding > 0) {
                            out.writeBytes(all.get(i).get2());
                        }
                        if (repeat == i && !last) {
                            out.writeBytes(all.get(i).get1());
                            out.writeBytes(all.get(i).get2());
                        }
                    }
                    return out.toByteArray();
                });
    }

    private static byte[] utf8(String line) {
        return line.getBytes(StandardCharsets.UTF_8);
    }
}
