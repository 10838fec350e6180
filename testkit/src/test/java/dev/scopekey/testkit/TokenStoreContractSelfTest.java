package dev.scopekey.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.scopekey.domain.TokenRecord;
import dev.scopekey.port.DuplicateTokenException;
import dev.scopekey.port.TokenChange;
import dev.scopekey.port.TokenQuery;
import dev.scopekey.port.TokenStore;
import dev.scopekey.store.memory.InMemoryTokenStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.Events;

/** The contract catches broken stores: each flaw below fails the contract tests named for it. */
class TokenStoreContractSelfTest {
    private static final String RACE_CASE = "recordUse_racingRevocations_neverUndoesARevocation";
    private static final int RACE_RUNS = 20;
    /** A correct store runs the race case for its whole minimum time; a few runs show it passes. */
    private static final int CORRECT_RACE_RUNS = 5;

    @Test
    void storeThatWritesPartOfAFailedChange_failsTheAtomicityTests() {
        assertFailsAtLeast(PartialApply.class, "insert_ofTakenPrefix_throwsDuplicate_andWritesNothingOfTheChange",
                "insert_ofOnePrefixTwiceInOneChange_isRejectedWhole");
    }

    @Test
    void storeThatComparesPrefixesIgnoringCase_failsTheExactMatchTests() {
        assertFailsAtLeast(CaseInsensitive.class, "find_matchesHashAndPrefixExactly_caseSensitively_andNotByStartOrEnd",
                "insert_prefixesDifferingOnlyInCase_areDistinctRecords");
    }

    @Test
    void storeThatMovesLastUseBackwards_failsTheLastUseTest() {
        assertFailsAtLeast(BackwardsUse.class, "recordUse_neverMovesLastUsedBackwards");
    }

    @Test
    void storeThatRecordsUseWithoutItsWriteLock_failsTheRaceWithRevocation_inEveryRun() {
        assertRaceCaseFailsEveryRun(UnlockedUse.class);
    }

    @Test
    void storeThatReadsAndWritesEachUseOutsideItsLock_failsTheRaceWithRevocation_inEveryRun() {
        assertRaceCaseFailsEveryRun(UnlockedUseOneByOne.class);
    }

    @Test
    void storeThatReadsAndWritesEachUseOutsideItsLock_inANarrowWindow_failsTheRaceWithRevocation_inEveryRun() {
        assertRaceCaseFailsEveryRun(UnlockedMap.class);
    }

    @Test
    void correctStore_passesTheRaceWithRevocation_inEveryRun() {
        for (int run = 1; run <= CORRECT_RACE_RUNS; run++) {
            Events events = Samples.run(selectMethod(Correct.class, RACE_CASE));
            assertEquals(List.of(), Samples.failures(events), "run " + run);
            assertEquals(1, Samples.succeeded(events), "run " + run);
        }
    }

    @Test
    void storeThatKeepsCoarserTimesThanItDeclares_failsTheRoundTrips() {
        assertFailsAtLeast(WholeSeconds.class, "roundTrip_recordWithEveryFieldSet_comesBackEqual",
                "roundTrip_instantsAtTheStoresPrecision_comeBackExactly");
    }

    @Test
    void storeThatListsInHashOrder_failsTheOrderAndPagingTests() {
        assertFailsAtLeast(HashOrder.class, "list_ordersByPrefix_inCodeUnitOrder_caseAndPunctuationIncluded",
                "list_ofManyRecords_pagesFully_withoutDuplicatesOrGaps");
    }

    @Test
    void correctStore_passesEveryTest() {
        Events events = Samples.run(Correct.class);
        assertEquals(List.of(), Samples.failures(events));
        assertTrue(Samples.succeeded(events) > 40, "the whole contract ran: " + Samples.succeeded(events));
    }

    /** Runs the contract's race case {@value #RACE_RUNS} times over a racy store: it must fail every time. */
    private static void assertRaceCaseFailsEveryRun(Class<?> contract) {
        int caught = 0;
        for (int run = 0; run < RACE_RUNS; run++) {
            Events events = Samples.run(selectMethod(contract, RACE_CASE));
            if (events.failed().count() == 1) {
                caught++;
            }
        }
        assertEquals(RACE_RUNS, caught, "runs in which the race case caught the racy store");
    }

    private static void assertFailsAtLeast(Class<?> contract, String... expected) {
        Set<String> failed = new TreeSet<>(Samples.run(contract).failed().stream()
                .map(e -> e.getTestDescriptor().getDisplayName().replace("()", ""))
                .collect(Collectors.toList()));
        for (String test : expected) {
            assertTrue(failed.contains(test), test + " should fail; failed were " + failed);
        }
    }

    // --- contracts over broken stores, run only through EngineTestKit ---------------------------

    @Test
    void storeThatCutsAPrefixGroupOutOfHashOrder_failsThePrefixGroupTest() {
        assertFailsAtLeast(GroupInReverse.class,
                "list_limitInsideAPrefixGroup_endsThePageInHashOrder_andFindByPrefixHoldsTheWholeGroup");
    }

    @Test
    void storeThatPrunesWhatEndedAtTheCutoff_failsThePruneTest() {
        assertFailsAtLeast(PrunesTooMuch.class,
                "prune_removesExactlyTheTokensRevokedOrExpiredBeforeTheCutoff_andReturnsThem");
    }

    @Test
    void storeThatCannotPrune_failsThePruneTests() {
        assertFailsAtLeast(CannotPrune.class, "prune_onAnEmptyStore_returnsNothing",
                "service_prunedToken_isUnknown_andOthersKeepWorking");
    }

    @ExtendWith(EngineTestKitOnly.class)
    static class PrunesTooMuch extends TokenStoreContract {
        @Override
        protected TokenStore newStore() {
            return new Flawed() {
                @Override
                public List<TokenRecord> prune(Instant cutoff) {
                    return super.prune(cutoff.plusSeconds(1));
                }
            };
        }
    }

    @ExtendWith(EngineTestKitOnly.class)
    static class CannotPrune extends TokenStoreContract {
        @Override
        protected TokenStore newStore() {
            return new UnlockedMapStore();
        }
    }

    @ExtendWith(EngineTestKitOnly.class)
    static class Correct extends TokenStoreContract {
        @Override
        protected TokenStore newStore() {
            return new Flawed();
        }

        @Override
        protected TokenStore newStoreHolding(List<TokenRecord> records) {
            return new Flawed(records);
        }
    }

    @ExtendWith(EngineTestKitOnly.class)
    static class GroupInReverse extends TokenStoreContract {
        @Override
        protected TokenStore newStore() {
            return new Flawed();
        }

        @Override
        protected TokenStore newStoreHolding(List<TokenRecord> records) {
            return new Flawed(records) {
                @Override
                public List<TokenRecord> list(TokenQuery query) {
                    List<TokenRecord> all = super.list(query.withLimit(TokenQuery.MAX_LIMIT));
                    all.sort(Comparator.comparing(TokenRecord::prefix)
                            .thenComparing(TokenRecord::hash, Comparator.reverseOrder()));
                    return all.subList(0, Math.min(query.limit(), all.size()));
                }
            };
        }
    }

    @ExtendWith(EngineTestKitOnly.class)
    static class PartialApply extends TokenStoreContract {
        @Override
        protected TokenStore newStore() {
            return new Flawed() {
                @Override
                public void apply(TokenChange change) {
                    for (TokenRecord insert : change.inserts()) {
                        super.apply(TokenChange.insert(insert));
                    }
                    super.apply(TokenChange.update(change.updates()));
                }
            };
        }
    }

    @ExtendWith(EngineTestKitOnly.class)
    static class CaseInsensitive extends TokenStoreContract {
        @Override
        protected TokenStore newStore() {
            return new Flawed() {
                @Override
                public List<TokenRecord> findByPrefix(String prefix) {
                    return all().stream().filter(r -> r.prefix().equalsIgnoreCase(prefix)).collect(Collectors.toList());
                }

                @Override
                public void apply(TokenChange change) {
                    for (TokenRecord insert : change.inserts()) {
                        if (!findByPrefix(insert.prefix().toLowerCase(Locale.ROOT)).isEmpty()) {
                            throw new DuplicateTokenException(insert.prefix());
                        }
                    }
                    super.apply(change);
                }
            };
        }
    }

    @ExtendWith(EngineTestKitOnly.class)
    static class BackwardsUse extends TokenStoreContract {
        @Override
        protected TokenStore newStore() {
            return new Flawed() {
                @Override
                public synchronized void recordUse(Map<String, Instant> lastUsedByHash) {
                    List<TokenRecord> updates = new ArrayList<>();
                    lastUsedByHash.forEach((hash, at) -> findByHash(hash).ifPresent(r -> updates.add(r.withLastUsedAt(at))));
                    apply(TokenChange.update(updates));
                }
            };
        }
    }

    @ExtendWith(EngineTestKitOnly.class)
    static class UnlockedUse extends TokenStoreContract {
        @Override
        protected TokenStore newStore() {
            return new Flawed() {
                @Override
                public void recordUse(Map<String, Instant> lastUsedByHash) {
                    readThenApply(lastUsedByHash);
                }
            };
        }
    }

    @ExtendWith(EngineTestKitOnly.class)
    static class UnlockedUseOneByOne extends TokenStoreContract {
        @Override
        protected TokenStore newStore() {
            return new Flawed() {
                @Override
                public void recordUse(Map<String, Instant> lastUsedByHash) {
                    lastUsedByHash.forEach((hash, at) -> readThenApply(Map.of(hash, at)));
                }
            };
        }
    }

    @ExtendWith(EngineTestKitOnly.class)
    static class UnlockedMap extends TokenStoreContract {
        @Override
        protected TokenStore newStore() {
            return new UnlockedMapStore();
        }
    }

    @ExtendWith(EngineTestKitOnly.class)
    static class WholeSeconds extends TokenStoreContract {
        @Override
        protected TokenStore newStore() {
            return new Flawed() {
                @Override
                public void apply(TokenChange change) {
                    super.apply(new TokenChange(seconds(change.inserts()), seconds(change.updates())));
                }
            };
        }

        private static List<TokenRecord> seconds(List<TokenRecord> records) {
            return records.stream().map(r -> r.toBuilder()
                    .createdAt(Instants.truncate(r.createdAt() == null ? Instant.EPOCH : r.createdAt(),
                            java.time.Duration.ofSeconds(1)))
                    .build())
                    .collect(Collectors.toList());
        }
    }

    @ExtendWith(EngineTestKitOnly.class)
    static class HashOrder extends TokenStoreContract {
        @Override
        protected TokenStore newStore() {
            return new Flawed() {
                @Override
                public List<TokenRecord> list(TokenQuery query) {
                    List<TokenRecord> all = super.list(query.withLimit(TokenQuery.MAX_LIMIT));
                    all.sort(Comparator.comparing(TokenRecord::hash));
                    return all.subList(0, Math.min(query.limit(), all.size()));
                }
            };
        }
    }

    /** An in-memory store to break by overriding one method. */
    private static class Flawed implements TokenStore {
        private final InMemoryTokenStore delegate;

        Flawed() {
            this(List.of());
        }

        /** Preloaded: the records may share a display prefix. */
        Flawed(List<TokenRecord> records) {
            delegate = InMemoryTokenStore.withRecords(records);
        }

        @Override
        public Optional<TokenRecord> findByHash(String hash) {
            return delegate.findByHash(hash);
        }

        @Override
        public List<TokenRecord> findByPrefix(String prefix) {
            return delegate.findByPrefix(prefix);
        }

        @Override
        public List<TokenRecord> list(TokenQuery query) {
            return new ArrayList<>(delegate.list(query));
        }

        @Override
        public void apply(TokenChange change) {
            delegate.apply(change);
        }

        @Override
        public synchronized void recordUse(Map<String, Instant> lastUsedByHash) {
            delegate.recordUse(lastUsedByHash);
        }

        @Override
        public List<TokenRecord> prune(Instant cutoff) {
            return delegate.prune(cutoff);
        }

        /** The naive way: reads each record, then applies the updates, with no lock between. */
        final void readThenApply(Map<String, Instant> lastUsedByHash) {
            List<TokenRecord> updates = new ArrayList<>();
            lastUsedByHash.forEach((hash, at) -> delegate.findByHash(hash)
                    .ifPresent(record -> updates.add(record.withLastUsedAt(at))));
            delegate.apply(TokenChange.update(updates));
        }

        List<TokenRecord> all() {
            List<TokenRecord> all = new ArrayList<>();
            TokenQuery query = TokenQuery.all();
            List<TokenRecord> page;
            do {
                page = delegate.list(query);
                all.addAll(page);
                query = page.isEmpty() ? query : query.after(page.get(page.size() - 1).prefix());
            } while (page.size() == TokenQuery.MAX_LIMIT);
            return all;
        }
    }
}
