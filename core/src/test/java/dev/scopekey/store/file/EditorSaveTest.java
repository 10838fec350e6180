package dev.scopekey.store.file;

import static dev.scopekey.store.file.StoreFixtures.OPERATOR;
import static dev.scopekey.store.file.StoreFixtures.read;
import static dev.scopekey.store.file.StoreFixtures.service;
import static dev.scopekey.store.file.StoreFixtures.stderrOf;
import static dev.scopekey.store.file.StoreFixtures.write;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.scopekey.cli.ScopeKeyCli;
import dev.scopekey.domain.TokenHash;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.port.TokenChange;
import dev.scopekey.port.TokenQuery;
import dev.scopekey.port.TokenStoreException;
import dev.scopekey.service.ClientRequest;
import dev.scopekey.service.MintRequest;
import dev.scopekey.service.MintedToken;
import dev.scopekey.service.TokenService;
import dev.scopekey.testing.TestClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Editors that save by rename, taking no lock: they write a copy of the file as they read it,
 * with the operator's edit, and move it over the file. Reproduced as {@code cp -p}, an append
 * to the copy, and {@code mv}.
 */
class EditorSaveTest {
    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final String ADDED = "added-by-editor-1";

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(Instant.parse("2024-05-01T10:00:00Z"));
    private Path immutable;

    @AfterEach
    void mutableAgain() {
        if (immutable != null) {
            Commands.run("chattr", "-i", immutable.toString());
        }
    }

    private Path tokens() {
        return dir.resolve("tokens");
    }

    private FileTokenStore open(AtomicFileWriter writer) {
        return FileTokenStore.open(tokens(),
                FileTokenStoreOptions.defaults().withRecheckInterval(INTERVAL).withClock(clock), writer);
    }

    /** The editor opens the file: its buffer is a copy with the file's attributes ({@code cp -p}). */
    private Path editorOpens() {
        try {
            return Files.copy(tokens(), dir.resolve("tokens.editing"), StandardCopyOption.COPY_ATTRIBUTES,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The operator appends {@code line} in the editor, which saves by rename ({@code mv}). */
    private void editorSaves(Path copy, String line) {
        try {
            Files.writeString(copy, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            Files.move(copy, tokens(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The operator appends {@code line} in place ({@code >>}). */
    private void appends(String line) {
        try {
            Files.writeString(tokens(), line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String lineOf(String text, String prefix) {
        return Arrays.stream(text.split("\n")).filter(line -> line.startsWith("sha256:" + prefix + ":"))
                .findFirst().orElseThrow(() -> new AssertionError("no line for " + prefix + " in\n" + text));
    }

    @Test
    void copyOpenedBeforeARevoke_savedByRenameAfterIt_doesNotBringTheRevokedTokenBack() {
        try (FileTokenStore store = open(new AtomicFileWriter())) {
            TokenService service = service(store);
            MintedToken kept = service.mint(OPERATOR, MintRequest.of("kafka:read")).value();
            MintedToken revoked = service.mint(OPERATOR, MintRequest.of("kafka:write")).value();
            Path copy = editorOpens();
            assertTrue(service.revoke(OPERATOR, revoked.record().prefix()).isDone());
            editorSaves(copy, ADDED + "\tkafka:read\n");
            clock.advance(INTERVAL);

            String log = stderrOf(() -> assertFalse(service.authenticate(revoked.token().reveal(), ClientRequest.NONE).isGranted(),
                    "the revoked token came back live"));

            assertTrue(service.authenticate(ADDED, ClientRequest.NONE).isGranted(), "the editor's line takes effect");
            assertTrue(service.authenticate(kept.token().reveal(), ClientRequest.NONE).isGranted());
            String text = read(tokens());
            assertTrue(lineOf(text, revoked.record().prefix()).contains("\trevoked="),
                    "the re-check wrote the revocation back:\n" + text);
            assertFalse(lineOf(text, kept.record().prefix()).contains("\trevoked="), text);
            assertTrue(text.endsWith("\n" + ADDED + "\tkafka:read\n"), "the editor's line is kept:\n" + text);
            try (FileTokenStore another = FileTokenStore.open(tokens())) {
                assertFalse(service(another).authenticate(revoked.token().reveal(), ClientRequest.NONE).isGranted(),
                        "another reader of the file sees the revocation");
            }
            assertTrue(log.contains("WARN") && log.contains("[" + revoked.record().prefix() + "]")
                    && log.contains("they stay revoked, and this write puts their revocation back"), log);
            assertFalse(log.contains(revoked.token().reveal()) || log.contains(kept.token().reveal())
                    || log.contains(ADDED), log);
        }
    }

    @Test
    void legacyLine_revokedThenRestoredByAStaleCopy_staysRevoked() {
        String legacy = "legacy-token-of-the-billing-service";
        write(tokens(), "# tokens\n" + legacy + "\n");
        try (FileTokenStore store = open(new AtomicFileWriter())) {
            TokenService service = service(store);
            Path copy = editorOpens();
            String prefix = store.findByHash(TokenHash.hexOf(legacy)).orElseThrow().prefix();
            assertTrue(service.revoke(OPERATOR, prefix).isDone());
            editorSaves(copy, ADDED + "\tkafka:read\n");
            clock.advance(INTERVAL);

            String log = stderrOf(() -> assertFalse(service.authenticate(legacy, ClientRequest.NONE).isGranted(),
                    "the revoked legacy token came back live"));

            String text = read(tokens());
            assertTrue(text.startsWith("# tokens\n" + legacy + "\t*\t\t\trevoked="), text);
            assertTrue(text.endsWith("\n" + ADDED + "\tkafka:read\n"), text);
            assertFalse(log.contains(legacy), log);
        }
    }

    @Test
    void revocationCleared_byAnUpdateThroughTheStore_isHonoured_unlikeOneAFileLost() {
        try (FileTokenStore store = open(new AtomicFileWriter())) {
            TokenService service = service(store);
            MintedToken minted = service.mint(OPERATOR, MintRequest.of("kafka:write")).value();
            assertTrue(service.revoke(OPERATOR, minted.record().prefix()).isDone());
            TokenRecord revoked = store.findByHash(minted.token().hash()).orElseThrow();

            store.apply(TokenChange.update(List.of(revoked.withRevoked(null, null))));

            assertTrue(service.authenticate(minted.token().reveal(), ClientRequest.NONE).isGranted());
            assertFalse(lineOf(read(tokens()), minted.record().prefix()).contains("\trevoked="), read(tokens()));
        }
    }

    @Test
    void lostRevocation_thatCannotBeWrittenBack_staysRevokedInTheStore_withAnError() {
        try (FileTokenStore store = open(new AtomicFileWriter())) {
            TokenService service = service(store);
            MintedToken revoked = service.mint(OPERATOR, MintRequest.of("kafka:write")).value();
            Path copy = editorOpens();
            assertTrue(service.revoke(OPERATOR, revoked.record().prefix()).isDone());
            editorSaves(copy, ADDED + "\tkafka:read\n");
            Commands.Result chattr = Commands.run("chattr", "+i", tokens().toString());
            if (!chattr.ok()) {
                Assumptions.abort("cannot make a file immutable here (needs root and chattr support): "
                        + chattr.output());
            }
            immutable = tokens();
            byte[] saved = StoreFixtures.bytes(tokens());
            clock.advance(INTERVAL);

            String log = stderrOf(() -> assertFalse(service.authenticate(revoked.token().reveal(), ClientRequest.NONE).isGranted(),
                    "the revoked token came back live"));

            assertArrayEquals(saved, StoreFixtures.bytes(tokens()));
            assertTrue(service.authenticate(ADDED, ClientRequest.NONE).isGranted());
            assertTrue(log.contains("ERROR") && log.contains("[" + revoked.record().prefix() + "]")
                    && log.contains("they stay revoked in this store, but writing their revocation back failed"), log);
            assertFalse(log.contains(revoked.token().reveal()), log);
        }
    }

    @ParameterizedTest(name = "saved by {0}")
    @ValueSource(strings = {"rename", "append"})
    void saveBetweenTheStoresReadAndItsRename_isKept_andTheChangeAppliedToIt_withAWarning(String how) {
        write(tokens(), "# tokens\n");
        AtomicBoolean saved = new AtomicBoolean();
        AtomicFileWriter racing = new AtomicFileWriter(temp -> {
            if (saved.compareAndSet(false, true)) {
                if (how.equals("rename")) {
                    editorSaves(editorOpens(), ADDED + "\tkafka:read\n");
                } else {
                    appends(ADDED + "\tkafka:read\n");
                }
            }
        });
        try (FileTokenStore store = open(racing)) {
            TokenService service = service(store);
            MintedToken[] minted = new MintedToken[1];

            String log = stderrOf(() -> minted[0] = service.mint(OPERATOR, MintRequest.of("a:b")).value());

            String text = read(tokens());
            assertTrue(text.startsWith("# tokens\n" + ADDED + "\tkafka:read\nsha256:" + minted[0].record().prefix()),
                    "the edit is kept and the mint applied to it:\n" + text);
            assertTrue(service.authenticate(ADDED, ClientRequest.NONE).isGranted());
            assertTrue(service.authenticate(minted[0].token().reveal(), ClientRequest.NONE).isGranted());
            assertTrue(log.contains("WARN") && log.contains("changed while"), log);
            assertFalse(log.contains(minted[0].token().reveal()) || log.contains(ADDED), log);
        }
    }

    @Test
    void revokeByTheCli_seenByAService_thenUndoneByAnEditorsStaleCopy_staysRevokedInTheService() throws Exception {
        try (FileTokenStore store = open(new AtomicFileWriter())) {
            TokenService service = service(store);
            MintedToken revoked = service.mint(OPERATOR, MintRequest.of("kafka:write")).value();
            Path copy = editorOpens();
            cli("revoke", "--store=file:" + tokens(), revoked.record().prefix());
            clock.advance(INTERVAL);
            assertFalse(service.authenticate(revoked.token().reveal(), ClientRequest.NONE).isGranted(), "the service saw the CLI's revoke");

            editorSaves(copy, ADDED + "\tkafka:read\n");
            clock.advance(INTERVAL);

            assertFalse(service.authenticate(revoked.token().reveal(), ClientRequest.NONE).isGranted(), "the revoked token came back live");
            assertTrue(service.authenticate(ADDED, ClientRequest.NONE).isGranted(), "the editor's line takes effect");
            String text = read(tokens());
            assertTrue(lineOf(text, revoked.record().prefix()).contains("\trevokedBy=cli"), text);
            assertTrue(text.endsWith("\n" + ADDED + "\tkafka:read\n"), text);
        }
    }

    /** Runs the real CLI in a child process and checks it succeeded. */
    private void cli(String... args) throws IOException, InterruptedException {
        Path err = dir.resolve("cli.err");
        Process process = StoreFixtures.childJvm(ScopeKeyCli.class, args)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
        process.getOutputStream().close();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("the CLI did not finish within 120 s");
        }
        assertEquals(0, process.exitValue(), () -> "the CLI failed:\n" + read(err));
    }

    @Test
    void fileThatKeepsChangingDuringEveryWrite_failsTheChange_keepingTheLastSave() {
        write(tokens(), "# tokens\n");
        AtomicFileWriter racing = new AtomicFileWriter(temp -> editorSaves(editorOpens(), "# saved again\n"));
        try (FileTokenStore store = open(racing)) {
            TokenService service = service(store);

            TokenStoreException e = assertThrows(TokenStoreException.class,
                    () -> service.mint(OPERATOR, MintRequest.of("a:b")));

            assertTrue(e.getMessage().contains("kept changing") && e.getMessage().contains("nothing was written"),
                    e.getMessage());
            String text = read(tokens());
            assertTrue(text.startsWith("# tokens\n# saved again\n") && !text.contains("sha256:"), text);
            assertEquals(0, store.list(TokenQuery.all()).size());
        }
    }
}
