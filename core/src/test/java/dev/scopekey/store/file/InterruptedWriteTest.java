package dev.scopekey.store.file;

import static dev.scopekey.store.file.StoreFixtures.OPERATOR;
import static dev.scopekey.store.file.StoreFixtures.service;
import static dev.scopekey.store.file.StoreFixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.TokenRecord;
import dev.scopekey.port.TokenQuery;
import dev.scopekey.service.MintRequest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a writer killed mid-write leaves behind: its temporary file, a full copy of the token
 * file. The next store to hold the lock removes such files, and only files of its own naming.
 */
class InterruptedWriteTest {
    private static final String LEGACY = "legacy-plaintext-token-1";

    @TempDir
    Path dir;

    private Process child;

    @AfterEach
    void stopChild() {
        if (child != null) {
            child.destroyForcibly();
        }
    }

    private Path tokens() {
        return dir.resolve("tokens");
    }

    private Set<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    /** Starts a child that stops inside its write; returns the name of its temporary file. */
    private String childStoppedMidWrite() throws IOException {
        String release = dir.resolve("release").toString();
        child = StoreFixtures.childJvm(InterruptedWriteMain.class, tokens().toString(), release)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertTrue(line != null && line.startsWith("writing "), "the child stopped inside its write: " + line);
        String temp = line.substring("writing ".length());
        assertTrue(Files.exists(dir.resolve(temp)), "the child's temporary file exists");
        return temp;
    }

    private void kill() throws InterruptedException {
        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child died");
    }

    @Test
    void nextWrite_afterAWriterWasKilledMidWrite_leavesNoTemporaryFile() throws Exception {
        write(tokens(), LEGACY + "\n");
        try (FileTokenStore store = FileTokenStore.open(tokens())) {
            String temp = childStoppedMidWrite();
            kill();
            assertTrue(names().contains(temp), "kill -9 left the temporary file behind");

            service(store).mint(OPERATOR, MintRequest.of("kafka:write").named("parent")).value();

            assertEquals(Set.of("tokens", "tokens.lock"), names());
            assertEquals(Set.of("parent"), store.list(TokenQuery.all()).stream()
                    .map(TokenRecord::name).filter(name -> name != null).collect(Collectors.toSet()));
        }
    }

    @Test
    void open_removesATemporaryFileOfItsNamingLeftByAKilledWriter() throws IOException {
        write(tokens(), LEGACY + "\n");
        Files.createFile(dir.resolve("tokens.lock"));
        write(dir.resolve(".tokens.8412675309.tmp"), LEGACY + "\n");

        FileTokenStore.open(tokens()).close();

        assertEquals(Set.of("tokens", "tokens.lock"), names());
    }

    @Test
    void cleanUp_removesOnlyFilesOfItsOwnNaming() throws IOException {
        write(tokens(), LEGACY + "\n");
        Set<String> others = Set.of(".tokens.tmp", ".tokens..tmp", ".tokens.12ab.tmp", ".tokens.1.2.tmp",
                ".tokens.123.tmp.bak", "tokens.123.tmp", ".tokens2.123.tmp", ".other.123.tmp", ".tokens.123.TMP");
        for (String other : others) {
            write(dir.resolve(other), "not the store's\n");
        }
        Files.createDirectory(dir.resolve(".tokens.77.tmp"));
        write(dir.resolve(".tokens.18446744073709551615.tmp"), LEGACY + "\n");

        try (FileTokenStore store = FileTokenStore.open(tokens())) {
            service(store).mint(OPERATOR, MintRequest.of("kafka:read")).value();
        }

        Set<String> expected = new HashSet<>(others);
        expected.addAll(Set.of("tokens", "tokens.lock", ".tokens.77.tmp"));
        assertEquals(expected, names());
    }

    @Test
    void cleanUp_waitsForTheLock_soALiveWriterInAnotherProcessKeepsItsTemporaryFile() throws Exception {
        write(tokens(), LEGACY + "\n");
        String temp = childStoppedMidWrite();

        CompletableFuture<Void> parent = CompletableFuture.runAsync(() -> {
            try (FileTokenStore store = FileTokenStore.open(tokens())) {
                service(store).mint(OPERATOR, MintRequest.of("kafka:write").named("parent")).value();
            }
        });
        Thread.sleep(500);
        assertFalse(parent.isDone(), "the parent waits for the child's lock");
        assertTrue(names().contains(temp), "the live writer's temporary file is still there");

        Files.createFile(dir.resolve("release"));
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child finished");
        assertEquals(0, child.exitValue(), "the child's write succeeded");
        parent.get(60, TimeUnit.SECONDS);

        Set<String> named = TokenFile.parse(Files.readAllBytes(tokens())).records().stream()
                .map(TokenRecord::name).filter(name -> name != null).collect(Collectors.toSet());
        assertEquals(Set.of("child", "parent"), named);
        assertEquals(Set.of("tokens", "tokens.lock", "release"), names());
    }
}
