package dev.scopekey.store.file;

import static dev.scopekey.store.file.StoreFixtures.OPERATOR;
import static dev.scopekey.store.file.StoreFixtures.service;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.TokenRecord;
import dev.scopekey.service.ClientRequest;
import dev.scopekey.service.MintRequest;
import dev.scopekey.service.MintedToken;
import dev.scopekey.service.TokenService;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTokenStoreConcurrencyTest {
    @TempDir
    Path dir;

    /** Parses the file as a fresh reader would and checks every line is a well-formed record. */
    private static List<TokenRecord> wellFormedRecords(Path tokens, int expected) throws IOException {
        TokenFile file = TokenFile.parse(Files.readAllBytes(tokens));
        assertEquals(List.of(), file.warnings());
        assertEquals(expected, file.lineCount());
        List<TokenRecord> records = file.records();
        assertEquals(expected, records.size());
        assertEquals(expected, records.stream().map(TokenRecord::hash).distinct().count());
        assertEquals(expected, records.stream().map(TokenRecord::prefix).distinct().count());
        return records;
    }

    @Test
    void tenParallelMints_inOneJvm_giveTenDistinctRecords() throws Exception {
        Path tokens = dir.resolve("tokens");
        try (FileTokenStore store = FileTokenStore.open(tokens)) {
            TokenService service = service(store);
            List<MintedToken> minted = inParallel(10, i -> service.mint(OPERATOR,
                    MintRequest.of("kafka:read").named("t-" + i)).value());

            List<TokenRecord> records = wellFormedRecords(tokens, 10);
            Set<String> hashes = records.stream().map(TokenRecord::hash).collect(Collectors.toSet());
            minted.forEach(m -> assertTrue(hashes.contains(m.token().hash())));
            minted.forEach(m -> assertTrue(service.authenticate(m.token().reveal(), ClientRequest.NONE).isGranted()));
        }
    }

    @Test
    void twoStoresOnOneFile_inOneJvm_neverLoseEachOthersWrites() throws Exception {
        Path tokens = dir.resolve("tokens");
        try (FileTokenStore a = FileTokenStore.open(tokens); FileTokenStore b = FileTokenStore.open(tokens)) {
            TokenService first = service(a);
            TokenService second = service(b);
            inParallel(40, i -> (i % 2 == 0 ? first : second).mint(OPERATOR,
                    MintRequest.of("kafka:read").named("t-" + i)).value());

            wellFormedRecords(tokens, 40);
        }
    }

    @Test
    void twoChildJvms_mintingFiftyEachIntoOneFile_giveExactlyOneHundredRecords() throws Exception {
        Path tokens = dir.resolve("tokens");
        Path go = dir.resolve("go");
        List<Process> children = List.of(child(tokens, go, "a"), child(tokens, go, "b"));
        try {
            for (Process child : children) {
                BufferedReader out = new BufferedReader(
                        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
                assertEquals("ready", out.readLine(), "the child opened the store");
            }
            Files.createFile(go);
            for (Process child : children) {
                assertTrue(child.waitFor(180, TimeUnit.SECONDS), "the child finished in time");
                String errors = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                assertEquals(0, child.exitValue(), errors);
            }
        } finally {
            children.forEach(Process::destroyForcibly);
        }

        List<TokenRecord> records = wellFormedRecords(tokens, 100);
        Set<String> names = new HashSet<>();
        records.forEach(r -> names.add(r.name()));
        for (int i = 0; i < 50; i++) {
            assertTrue(names.contains("a-" + i) && names.contains("b-" + i), "both children's token " + i);
        }
    }

    private static Process child(Path tokens, Path go, String label) throws IOException {
        return StoreFixtures.childJvm(ConcurrentMintMain.class, tokens.toString(), go.toString(), label, "50")
                .redirectError(ProcessBuilder.Redirect.PIPE)
                .start();
    }

    /** Runs {@code task} for 0..n-1 on n threads released together; returns the results in order. */
    private static <T> List<T> inParallel(int n, IndexedTask<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<T> call = () -> {
                    start.await();
                    return task.run(index);
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface IndexedTask<T> {
        T run(int index) throws Exception;
    }
}
