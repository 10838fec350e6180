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
    private static final int RACE_TRIALS = 60;
    /**
     * A fast store gets trials for at least this long, however many that makes: on a loaded
     * machine a racy store's window is hit less often per trial, and a thousand trials close it.
     */
    private static final long RACE_MIN_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int RACE_GROUP = 4;
    /** Each revocation lands a step later in the writer's cycle than the last, over this many steps. */
    private static final int SWEEP = 10;

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

    /**
     * A writer records the use of a group of records over and over while another thread revokes
     * the group, a record a change (a change of several rows could deadlock with the batch in a
     * database, which is not what this case is about); the use in flight when the revocation lands must not write
     * a record back unrevoked. Each of at least {@value #RACE_TRIALS} trials (and at least a second of them) restores the group
     * first, so the store stays small and its read-to-write window a large share of the
     * writer's cycle; the revocations sweep across that cycle, a step later each trial. A store
     * that reads and writes outside its lock loses a revocation in many trials.
     */
    @Test
    void recordUse_racingRevocations_neverUndoesARevocation() throws Exception {
        List<TokenRecord> group = samples().fresh(RACE_GROUP);
        insertEach(group);
        Instant base = samples().instant();
        List<TokenRecord> revocations = group.stream().map(r -> r.withRevoked(base, "cli"))
                .collect(java.util.stream.Collectors.toList());
        AtomicBoolean racing = new AtomicBoolean(true);
        AtomicLong uses = new AtomicLong();
        Callable<String> user = () -> {
            while (racing.get()) {
                Instant at = base.plus(timestampPrecision().multipliedBy(uses.get() + 1));
                Map<String, Instant> batch = new HashMap<>();
                group.forEach(record -> batch.put(record.hash(), at));
                store().recordUse(batch);
                uses.incrementAndGet();
            }
            return null;
        };
        Callable<String> revoker = () -> {
            try {
                long cycle = 0;
                long until = System.nanoTime() + RACE_MIN_NANOS;
                for (int trial = 0; trial < RACE_TRIALS || System.nanoTime() < until; trial++) {
                    updateEach(group);
                    awaitUses(uses, uses.get() + 1);
                    pause(cycle * (trial % SWEEP) / SWEEP);
                    updateEach(revocations);
                    long revoked = System.nanoTime();
                    awaitUses(uses, uses.get() + 2);
                    cycle = (System.nanoTime() - revoked) / 2;
                    for (TokenRecord record : group) {
                        if (!base.equals(store().findByHash(record.hash()).orElseThrow().revokedAt())) {
                            return "the revocation of " + record.prefix() + " was undone by a last-use batch in trial "
                                    + (trial + 1);
                        }
                    }
                }
                return null;
            } finally {
                racing.set(false);
            }
        };
        assertEquals(null, runTogether(List.of(user, revoker)).get(1));
        assertEquals(List.of(), listAll(store(), TokenQuery.all().liveAt(base)));
    }

    private void updateEach(List<TokenRecord> records) {
        records.forEach(record -> store().apply(TokenChange.update(List.of(record))));
    }

    /** Waits until the last-use writer has finished {@code count} batches in all. */
    private static void awaitUses(AtomicLong uses, long count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (uses.get() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("recordUse made no progress for a minute");
            }
            Thread.yield();
        }
    }

    /** Spins for about this long: too short a time to sleep. */
    private static void pause(long nanos) {
        long until = System.nanoTime() + nanos;
        while (System.nanoTime() < until) {
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
