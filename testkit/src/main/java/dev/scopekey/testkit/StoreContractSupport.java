package dev.scopekey.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.TokenRecord;
import dev.scopekey.port.AuditSink;
import dev.scopekey.port.TokenChange;
import dev.scopekey.port.TokenQuery;
import dev.scopekey.port.TokenStore;
import dev.scopekey.service.TokenService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

/**
 * The hooks a store's contract test supplies and the helpers the contract's tests share. See
 * {@link TokenStoreContract}, the class to extend.
 */
abstract class StoreContractSupport {
    /** Orders records as every store lists them: prefix, then hash, by UTF-16 code unit. */
    static final Comparator<TokenRecord> LISTING_ORDER =
            Comparator.comparing(TokenRecord::prefix).thenComparing(TokenRecord::hash);

    private final List<TokenStore> opened = new ArrayList<>();
    private final List<TokenService> services = new ArrayList<>();
    private TokenStore store;
    private SampleRecords samples;

    /**
     * A new, empty store for one test. Called once before each test; the contract reaches the
     * store only through the {@link TokenStore} port and a {@link TokenService} built on it.
     *
     * @return the store
     * @throws Exception if the store cannot be made
     */
    protected abstract TokenStore newStore() throws Exception;

    /**
     * Frees a store the contract opened ({@link #newStore()} or {@link #reopen}) once the test is
     * over. The default closes stores that are {@link AutoCloseable}.
     *
     * @param store the store to free
     * @throws Exception if it cannot be freed
     */
    protected void release(TokenStore store) throws Exception {
        if (store instanceof AutoCloseable) {
            ((AutoCloseable) store).close();
        }
    }

    /**
     * A second instance over the same data as {@code store}, as after a restart. Stores that
     * persist override this; the default returns {@code store} itself.
     *
     * @param store the store to reopen
     * @return the second instance
     * @throws Exception if it cannot be opened
     */
    protected TokenStore reopen(TokenStore store) throws Exception {
        return store;
    }

    /**
     * A new store already holding {@code records}, some of which share a display prefix, as legacy
     * lines of a token file may (an insert never may). Called at most once per test, by the cases
     * of pages that end inside such a group. Stores that can never hold two records with one
     * prefix keep the default, null, and those cases are skipped.
     *
     * @param records the records it holds
     * @return the store, or null when this store cannot hold them
     * @throws Exception if the store cannot be made
     */
    protected TokenStore newStoreHolding(List<TokenRecord> records) throws Exception {
        return null;
    }

    /**
     * The finest time step the store keeps. Every instant the contract writes is a multiple of
     * it since the epoch, and must come back exactly. It must divide one second or be whole
     * seconds. The default is one millisecond.
     *
     * @return the precision
     */
    protected Duration timestampPrecision() {
        return Duration.ofMillis(1);
    }

    @BeforeEach
    final void openContractStore(TestInfo test) throws Exception {
        samples = new SampleRecords(test.getDisplayName().hashCode() * 31L + 17, timestampPrecision());
        store = track(newStore());
    }

    @AfterEach
    final void releaseContractStores() throws Exception {
        Exception first = null;
        for (TokenService service : services) {
            try {
                service.close();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        for (TokenStore each : opened) {
            try {
                release(each);
            } catch (Exception e) {
                first = first == null ? e : first;
            }
        }
        services.clear();
        opened.clear();
        if (first != null) {
            throw first;
        }
    }

    /**
     * The store under test.
     *
     * @return the store
     */
    protected final TokenStore store() {
        return store;
    }

    /** This test's sample records, reproducible from the test's name. */
    final SampleRecords samples() {
        return samples;
    }

    /**
     * A store holding {@code records} ({@link #newStoreHolding}), tracked for release; skips the
     * test when the store cannot hold records that share a prefix.
     */
    final TokenStore storeHolding(List<TokenRecord> records) throws Exception {
        TokenStore holding = newStoreHolding(List.copyOf(records));
        Assumptions.assumeTrue(holding != null, "the store never holds two records with one display prefix");
        return track(holding);
    }

    /** Reopens the store under test and tracks the new instance for release. */
    final TokenStore reopened() throws Exception {
        TokenStore again = reopen(store);
        return again == store ? store : track(again);
    }

    /** A service over the store under test, on {@code clock}, flushing last use only when asked. */
    final TokenService service(MutableClock clock) {
        return service(store, clock);
    }

    /** A service over {@code over}, on {@code clock}, flushing last use only when asked. */
    final TokenService service(TokenStore over, MutableClock clock) {
        TokenService service = TokenService.builder(over)
                .audit(AuditSink.discarding())
                .clock(clock)
                .lastUsedFlushInterval(null)
                .build();
        services.add(service);
        return service;
    }

    /** Inserts each record in a change of its own. */
    final void insertEach(TokenRecord... records) {
        insertEach(Arrays.asList(records));
    }

    final void insertEach(Collection<TokenRecord> records) {
        for (TokenRecord record : records) {
            store.apply(TokenChange.insert(record));
        }
    }

    /** Inserts the records in changes of at most {@code batch} inserts. */
    final void insertInBatches(List<TokenRecord> records, int batch) {
        for (int from = 0; from < records.size(); from += batch) {
            List<TokenRecord> part = records.subList(from, Math.min(records.size(), from + batch));
            store.apply(new TokenChange(part, List.of()));
        }
    }

    /** Every record matching {@code query}, read page by page with the keyset cursor. */
    final List<TokenRecord> listAll(TokenStore from, TokenQuery query) {
        List<TokenRecord> all = new ArrayList<>();
        TokenQuery page = query;
        while (true) {
            List<TokenRecord> records = from.list(page);
            assertTrue(records.size() <= page.limit(),
                    "a page holds at most the query's limit, got " + records.size() + " for " + page.limit());
            all.addAll(records);
            if (records.size() < page.limit()) {
                return all;
            }
            page = page.after(records.get(records.size() - 1).prefix());
        }
    }

    /** Asserts the store holds exactly {@code expected}, by hash, by prefix and in its listing. */
    final void assertHoldsExactly(TokenStore in, Collection<TokenRecord> expected) {
        for (TokenRecord record : expected) {
            assertEquals(Optional.of(record), in.findByHash(record.hash()), "findByHash of " + record.prefix());
            assertEquals(List.of(record), in.findByPrefix(record.prefix()), "findByPrefix of " + record.prefix());
        }
        List<TokenRecord> sorted = new ArrayList<>(expected);
        sorted.sort(LISTING_ORDER);
        assertEquals(sorted, listAll(in, TokenQuery.all()), "the full listing");
    }

    private TokenStore track(TokenStore opened) {
        if (opened == null) {
            throw new IllegalStateException("newStore() and reopen() must return a store");
        }
        this.opened.add(opened);
        return opened;
    }
}
