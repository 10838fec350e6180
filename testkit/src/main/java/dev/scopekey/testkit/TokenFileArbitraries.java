package dev.scopekey.testkit;

import dev.scopekey.domain.PlainToken;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
    private static final List<String> KNOWN_KEYS = List.of("expires", "revoked", "by", "revokedBy", "subject",
            "lastUsed");
    private static final List<String> UNKNOWN_KEYS = List.of("x-team", "color", "note", "future.key", "EXPIRES");

    private TokenFileArbitraries() {
    }

    /** Anything a token file may hold: mostly lines of every kind, sometimes arbitrary bytes. */
    public static Arbitrary<byte[]> files() {
        return Arbitraries.frequencyOf(Tuple.of(8, filesOfBytes(lines())), Tuple.of(1, junk()));
    }

    /** Files made of the given lines, each ending in LF or CRLF, the last one maybe in nothing. */
    public static Arbitrary<byte[]> filesOf(Arbitrary<String> lines) {
        return filesOfBytes(lines.map(TokenFileArbitraries::utf8));
    }

    /** Any number of arbitrary bytes: invalid UTF-8, NUL, lone CR and all. */
    public static Arbitrary<byte[]> junk() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(400);
    }

    /** One line of any kind, junk included, as bytes without its line ending. */
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

    /** {@code #} followed by any text without line breaks, tabs included. */
    public static Arbitrary<String> commentLines() {
        Arbitrary<String> text = Arbitraries.oneOf(RecordArbitraries.names(), Arbitraries.strings().all()
                .ofMaxLength(40).map(s -> s.replace('\n', ' ').replace('\r', ' ')), Arbitraries.just(""));
        return text.map(t -> "#" + t);
    }

    /** Empty lines and lines of spaces and tabs. */
    public static Arbitrary<String> blankLines() {
        return Arbitraries.strings().withChars(" \t").ofMaxLength(4);
    }

    /** A legacy line: a token alone, which grants {@code *}. */
    public static Arbitrary<String> legacyLines() {
        return legacyLineTokens();
    }

    /**
     * Tokens that form a legacy line on their own: legacy strings that do not start a comment or
     * a hashed credential, and minted tokens.
     */
    public static Arbitrary<String> legacyLineTokens() {
        Arbitrary<String> legacy = TokenArbitraries.legacy()
                .filter(t -> !t.startsWith("#") && !t.startsWith("sha256:"));
        return Arbitraries.frequencyOf(Tuple.of(4, legacy), Tuple.of(1, TokenArbitraries.mintedTexts()));
    }

    /** Credential lines whose credential is a plaintext token. */
    public static Arbitrary<String> plaintextLines() {
        return credentialLines(legacyLineTokens());
    }

    /** Credential lines whose credential is {@code sha256:<prefix>:<hash>}, as mint writes them. */
    public static Arbitrary<String> hashedLines() {
        Arbitrary<PlainToken> tokens = Arbitraries.frequencyOf(Tuple.of(3, TokenArbitraries.minted()),
                Tuple.of(1, legacyLineTokens().map(PlainToken::of)));
        return credentialLines(tokens.map(TokenFileArbitraries::hashedCredential));
    }

    /** {@code sha256:<prefix>:<hash>} for a token. */
    public static String hashedCredential(PlainToken token) {
        return "sha256:" + token.prefix() + ":" + token.hash();
    }

    /** Lines the grammar rejects: bad hashes, bad or empty scopes, bad dates, spaces in a credential. */
    public static Arbitrary<String> malformedLines() {
        Arbitrary<PlainToken> token = TokenArbitraries.minted();
        Arbitrary<String> scopes = scopeLists();
        return Arbitraries.oneOf(
                token.map(t -> "sha256:" + t.prefix() + ":" + t.hash().substring(1) + "\t" + "a"),
                token.map(t -> "sha256:" + t.prefix() + ":" + t.hash().toUpperCase(Locale.ROOT) + "\ta"),
                token.map(t -> "sha256:" + t.hash() + "\ta"),
                token.map(t -> "sha256:" + t.prefix() + ":" + t.hash().replace('a', 'g') + "x\ta"),
                legacyLineTokens().map(t -> t + "\t"),
                Combinators.combine(legacyLineTokens(), ScopeArbitraries.invalid()
                        .filter(s -> s.indexOf('\n') < 0 && s.indexOf('\r') < 0 && s.indexOf('\t') < 0)
                        .filter(s -> !s.isBlank()))
                        .as((t, bad) -> t + "\t" + bad),
                Combinators.combine(legacyLineTokens(), scopes).as((t, s) -> t + "\t" + s + "\tname\tnot-a-date"),
                Combinators.combine(legacyLineTokens(), scopes)
                        .as((t, s) -> t + "\t" + s + "\tname\t2024-01-01T00:00:00Z\tno-equals-sign"),
                legacyLineTokens().map(t -> t.substring(0, (t.length() + 1) / 2) + " " + t.substring((t.length() + 1) / 2)),
                legacyLineTokens().map(t -> "tök" + t));
    }

    /** Lines of arbitrary bytes other than CR and LF, invalid UTF-8 and NUL included. */
    public static Arbitrary<byte[]> junkLines() {
        return Arbitraries.bytes().filter(b -> b != '\n' && b != '\r').array(byte[].class).ofMaxSize(60);
    }

    /** Comma-separated valid scope lists, as the scopes field holds them. */
    public static Arbitrary<String> scopeLists() {
        return ScopeArbitraries.grantable().list().ofMinSize(1).ofMaxSize(4).map(s -> String.join(",", s));
    }

    private static Arbitrary<String> credentialLines(Arbitrary<String> credentials) {
        Arbitrary<String> name = Arbitraries.oneOf(RecordArbitraries.names(), Arbitraries.just(""));
        Arbitrary<String> createdAt = RecordArbitraries.instants().map(Instant::toString);
        Arbitrary<String> attributes = attribute().list().ofMinSize(1).ofMaxSize(4).map(a -> String.join("\t", a));
        return Combinators.combine(credentials, scopeLists(), Arbitraries.integers().between(0, 3), name, createdAt,
                        attributes)
                .as((credential, scopes, depth, n, at, attrs) -> {
                    StringBuilder line = new StringBuilder(credential).append('\t').append(scopes);
                    if (depth >= 1) {
                        line.append('\t').append(n);
                    }
                    if (depth >= 2) {
                        line.append('\t').append(at);
                    }
                    if (depth >= 3) {
                        line.append('\t').append(attrs);
                    }
                    return line.toString();
                });
    }

    private static Arbitrary<String> attribute() {
        Arbitrary<String> instant = RecordArbitraries.instants().map(Instant::toString);
        Arbitrary<String> unknown = Combinators.combine(Arbitraries.of(UNKNOWN_KEYS),
                Arbitraries.oneOf(RecordArbitraries.names(), Arbitraries.just(""), Arbitraries.just("a=b")))
                .as((key, value) -> key + "=" + value);
        return Arbitraries.oneOf(
                instant.map(t -> "expires=" + t),
                instant.map(t -> "revoked=" + t),
                instant.map(t -> "lastUsed=" + t),
                RecordArbitraries.actors().map(a -> "by=" + a),
                RecordArbitraries.actors().map(a -> "revokedBy=" + a),
                RecordArbitraries.subjects().map(s -> "subject=" + s),
                Arbitraries.of(KNOWN_KEYS).map(k -> k + "=not valid"),
                unknown);
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
