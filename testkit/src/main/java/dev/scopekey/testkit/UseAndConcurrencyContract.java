package dev.scopekey.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.TokenRecord;
import dev.scopekey.port.DuplicateTokenException;
import dev.scopekey.port.TokenChange;
import dev.scopekey.port.TokenQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The contract's tests of last-use batches and of concurrent writers. */
abstract class UseAndConcurrencyContract extends ListingContract {
    private static final int THREADS = 8;

    @Test
    void recordUse_setsLastUsedOfEveryHashInTheBatch_andNothingElse() {
        List<TokenRecord> records = samples().fresh(5);
        TokenRecord revoked = samples().full();
        records.add(revoked);
        insertEach(records);
        Map<String, Instant> batch = new HashMap<>();
        List<TokenRecord> expected = new ArrayList<>();
        for (TokenRecord record : records) {
            Instant at = later(record.lastUsedAt());
            batch.put(record.hash(), at);
            expected.add(record.withLastUsedAt(at));
        }
        store().recordUse(batch);
        assertHoldsExactly(store(), expected);
    }

    @Test
    void recordUse_neverMovesLastUsedBackwards() {
        TokenRecord record = samples().fresh();
        insertEach(record);
        Instant recent = samples().instant();
        store().recordUse(Map.of(record.hash(), recent));
        store().recordUse(Map.of(record.hash(), recent.minusSeconds(3600)));
        assertHoldsExactly(store(), List.of(record.withLastUsedAt(recent)));
        store().recordUse(Map.of(record.hash(), recent));
        assertHoldsExactly(store(), List.of(record.withLastUsedAt(recent)));
        Instant newer = recent.plusSeconds(1);
        store().recordUse(Map.of(record.hash(), newer));
        assertHoldsExactly(store(), List.of(record.withLastUsedAt(newer)));
    }

    @Test
    void recordUse_ofUnknownHashes_isIgnored_andTheRestApplies() {
        TokenRecord known = samples().fresh();
        insertEach(known);
        TokenRecord unknown = samples().fresh();
        Instant at = samples().instant();
        store().recordUse(Map.of(known.hash(), at, unknown.hash(), at));
        assertHoldsExactly(store(), List.of(known.withLastUsedAt(at)));
    }

    @Test
    void recordUse_ofEmptyBatch_changesNothing() {
        List<TokenRecord> records = samples().fresh(3);
        insertEach(records);
        store().recordUse(Map.of());
        assertHoldsExactly(store(), records);
    }

    @Test
    void concurrentInserts_fromSeveralThreads_allLand() throws Exception {
        List<List<TokenRecord>> perThread = new ArrayList<>();
        List<TokenRecord> all = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            List<TokenRecord> mine = samples().fresh(25);
            perThread.add(mine);
            all.addAll(mine);
        }
        runTogether(perThread.stream().map(mine -> (Callable<Void>) () -> {
            insertEach(mine);
            return null;
        }).collect(java.util.stream.Collectors.toList()));
        assertHoldsExactly(store(), all);
    }

    @Test
    void concurrentInserts_ofOnePrefix_exactlyOneWins() throws Exception {
        TokenRecord first = samples().fresh();
        List<TokenRecord> rivals = new ArrayList<>();
        List<Callable<Boolean>> attempts = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            TokenRecord rival = t == 0 ? first : ChangeContract.withPrefix(samples().fresh(), first.prefix());
            rivals.add(rival);
            attempts.add(() -> {
                try {
                    store().apply(TokenChange.insert(rival));
                    return true;
                } catch (DuplicateTokenException expected) {
                    return false;
                }
            });
        }
        List<Boolean> won = runTogether(attempts);
        assertEquals(1, won.stream().filter(Boolean::booleanValue).count(), "exactly one insert succeeds");
        TokenRecord winner = rivals.get(won.indexOf(true));
        assertHoldsExactly(store(), List.of(winner));
    }

    @Test
    void recordUse_racingRevocations_neverUndoesARevocation() throws Exception {
        List<TokenRecord> records = samples().fresh(120);
        insertInBatches(records, 40);
        Instant base = samples().instant();
        AtomicBoolean revoking = new AtomicBoolean(true);
        AtomicLong batches = new AtomicLong();
        Callable<Void> user = () -> {
            while (revoking.get()) {
                Map<String, Instant> batch = new HashMap<>();
                Instant at = base.plusSeconds(batches.get() + 1);
                records.forEach(r -> batch.put(r.hash(), at));
                store().recordUse(batch);
                batches.incrementAndGet();
            }
            return null;
        };
        Callable<Void> revoker = () -> {
            try {
                for (TokenRecord record : records) {
                    awaitNextBatch(batches);
                    TokenRecord current = store().findByHash(record.hash()).orElseThrow();
                    store().apply(TokenChange.update(List.of(current.withRevoked(base, "cli"))));
                }
            } finally {
                revoking.set(false);
            }
            return null;
        };
        runTogether(List.of(user, revoker));
        for (TokenRecord record : records) {
            TokenRecord stored = store().findByHash(record.hash()).orElseThrow();
            assertEquals(base, stored.revokedAt(), "the revocation of " + record.prefix() + " is kept");
        }
        assertEquals(List.of(), listAll(store(), TokenQuery.all().liveAt(base)));
    }

    /** Waits until the last-use writer finished one more batch, so each revocation lands inside the next. */
    private static void awaitNextBatch(AtomicLong batches) {
        long seen = batches.get();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (batches.get() == seen) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("recordUse made no progress for a minute");
            }
            Thread.onSpinWait();
        }
    }

    private Instant later(Instant lastUsed) {
        Instant candidate = samples().instant();
        return lastUsed == null || candidate.isAfter(lastUsed) ? candidate : lastUsed.plus(timestampPrecision());
    }

    /** Runs the tasks on their own threads, released together; their results in order, or their first failure. */
    private static <T> List<T> runTogether(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(5, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(1, TimeUnit.MINUTES), "the contract's threads stop");
        }
    }
}
