package dev.scopekey.store.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.AuthDecision;
import dev.scopekey.domain.TokenPrincipal;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.port.AuditSink;
import dev.scopekey.port.TokenChange;
import dev.scopekey.port.TokenQuery;
import dev.scopekey.service.ClientRequest;
import dev.scopekey.testkit.TokenChecks;
import dev.scopekey.service.TokenService;
import dev.scopekey.testkit.AuthDecisionAssert;
import dev.scopekey.testkit.RecordArbitraries;
import dev.scopekey.testkit.ScopeArbitraries;
import dev.scopekey.testkit.TokenFileArbitraries;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The token-file format against the testkit's arbitraries: any content survives load and save
 * byte for byte, records survive serialise and parse, and a legacy line grants every valid scope
 * through a real file store.
 */
class TokenFileFormatPropertyTest {
    private static Path directory;
    private static int files;

    @BeforeContainer
    static void createDirectory() throws IOException {
        directory = Files.createTempDirectory("scopekey-file-properties");
    }

    @AfterContainer
    static void deleteDirectory() throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }

    @Property(tries = 1000)
    void anyFileContent_loadsAndSavesBackToIdenticalBytes(@ForAll("files") byte[] content) {
        TokenFile file = TokenFile.parse(content);
        assertArrayEquals(content, file.toBytes());
        assertArrayEquals(content, TokenFile.parse(file.toBytes()).toBytes());
    }

    @Property(tries = 300)
    void anyFileContent_isLeftUntouchedByAStoreThatChangesNothing(@ForAll("files") byte[] content) throws IOException {
        Path path = freshFile(content);
        try (FileTokenStore store = FileTokenStore.open(path)) {
            for (TokenRecord record : store.list(TokenQuery.all())) {
                if (record.lastUsedAt() != null) {
                    store.recordUse(Map.of(record.hash(), record.lastUsedAt()));
                }
            }
            store.apply(TokenChange.update(List.of()));
        }
        assertArrayEquals(content, Files.readAllBytes(path));
    }

    @Property(tries = 1000)
    void eachKindOfLine_parsesAsDocumented(@ForAll("kindsOfLine") Tuple2<String, String> kindAndLine) {
        TokenFile file = TokenFile.parse(kindAndLine.get2().getBytes(StandardCharsets.UTF_8));
        switch (kindAndLine.get1()) {
            case "inert":
                assertEquals(List.of(), file.records());
                assertEquals(List.of(), file.warnings());
                break;
            case "malformed":
                assertEquals(List.of(), file.records());
                assertEquals(1, file.warnings().size());
                break;
            case "legacy":
                assertEquals(List.of(), file.warnings());
                assertEquals(1, file.records().size());
                assertTrue(file.records().get(0).scopes().isRoot());
                break;
            default:
                assertEquals(List.of(), file.warnings(), "a well-formed credential line");
                assertEquals(1, file.records().size());
        }
    }

    @Property(tries = 1000)
    void records_surviveSerialiseThenParse(@ForAll("recordLists") List<TokenRecord> records) {
        byte[] bytes = TokenFile.empty().apply(new TokenChange(records, List.of())).toBytes();
        TokenFile parsed = TokenFile.parse(bytes);
        assertEquals(List.of(), parsed.warnings());
        assertEquals(records, parsed.records());
    }

    @Property(tries = 1000)
    void legacyLine_grantsEveryValidScope_throughAFileStore(@ForAll("legacyLineFiles") LegacyFile legacy,
                                                            @ForAll("concrete") String scope) throws IOException {
        Path path = freshFile(legacy.content);
        try (FileTokenStore store = FileTokenStore.open(path);
             TokenService service = TokenService.builder(store).audit(AuditSink.discarding())
                     .lastUsedFlushInterval(null).build()) {
            AuthDecision decision = TokenChecks.authorize(service, legacy.token, scope, ClientRequest.NONE);
            TokenPrincipal principal = AuthDecisionAssert.assertGranted(decision, scope);
            assertTrue(principal.isRoot(), "a legacy line is a root token");
        }
    }

    private static Path freshFile(byte[] content) throws IOException {
        Path path = directory.resolve("tokens-" + files++);
        Files.write(path, content);
        return path;
    }

    @Provide
    Arbitrary<byte[]> files() {
        return TokenFileArbitraries.files();
    }

    @Provide
    Arbitrary<Tuple2<String, String>> kindsOfLine() {
        return Arbitraries.oneOf(
                TokenFileArbitraries.commentLines().map(l -> Tuple.of("inert", l)),
                TokenFileArbitraries.blankLines().map(l -> Tuple.of("inert", l)),
                TokenFileArbitraries.malformedLines().map(l -> Tuple.of("malformed", l)),
                TokenFileArbitraries.legacyLines().map(l -> Tuple.of("legacy", l)),
                TokenFileArbitraries.plaintextLines().map(l -> Tuple.of("credential", l)),
                TokenFileArbitraries.hashedLines().map(l -> Tuple.of("credential", l)));
    }

    @Provide
    Arbitrary<String> concrete() {
        return ScopeArbitraries.concrete();
    }

    /** Up to five records with distinct prefixes and hashes, any mix of fields. */
    @Provide
    Arbitrary<List<TokenRecord>> recordLists() {
        return RecordArbitraries.records().list().ofMinSize(1).ofMaxSize(5).filter(records -> {
            Set<String> prefixes = new HashSet<>();
            Set<String> hashes = new HashSet<>();
            return records.stream().allMatch(r -> prefixes.add(r.prefix()) && hashes.add(r.hash()));
        });
    }

    /**
     * A legacy line amid lines that yield no token (comments, blank and malformed lines), with
     * any line ending or none, trailing spaces allowed.
     */
    @Provide
    Arbitrary<LegacyFile> legacyLineFiles() {
        Arbitrary<String> inert = Arbitraries.oneOf(TokenFileArbitraries.commentLines(),
                TokenFileArbitraries.blankLines(), TokenFileArbitraries.malformedLines());
        Arbitrary<List<String>> around = inert.list().ofMaxSize(4);
        return Combinators.combine(around, TokenFileArbitraries.legacyLineTokens(),
                        Arbitraries.of("\n", "\r\n", "", " \n", "  \r\n", " "), around)
                .as((before, token, ending, after) -> {
                    StringBuilder text = new StringBuilder();
                    before.forEach(line -> text.append(line).append('\n'));
                    text.append(token).append(ending);
                    if (!after.isEmpty() && !ending.endsWith("\n")) {
                        text.append('\n');
                    }
                    after.forEach(line -> text.append(line).append("\r\n"));
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    out.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
                    return new LegacyFile(token, out.toByteArray());
                });
    }

    /** A token file holding one legacy line for {@code token}. */
    static final class LegacyFile {
        final String token;
        final byte[] content;

        LegacyFile(String token, byte[] content) {
            this.token = token;
            this.content = content;
        }

        @Override
        public String toString() {
            return "LegacyFile[" + new String(content, StandardCharsets.UTF_8).length() + " characters]";
        }
    }
}
