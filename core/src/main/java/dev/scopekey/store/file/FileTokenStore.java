package dev.scopekey.store.file;

import dev.scopekey.domain.TokenHash;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.domain.TokenUpdate;
import dev.scopekey.port.StoreStatistics;
import dev.scopekey.port.TokenChange;
import dev.scopekey.port.TokenQuery;
import dev.scopekey.port.TokenStore;
import dev.scopekey.port.TokenStoreException;
import dev.scopekey.store.memory.InMemoryTokenStore;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A token store kept in one text file, one token per line, compatible with plain files of
 * legacy tokens (format: {@code docs/file-format.md}). Lookups are served from memory; the file
 * is looked at again at most once per re-check interval, so edits an operator makes are picked
 * up without a restart. Every change is written atomically, under a lock that other processes
 * using this store respect, before memory changes; lines the change does not touch keep their
 * bytes.
 *
 * <p>A token this store saw revoked stays revoked even if the file later loses the revocation
 * (an editor saving a copy it read earlier), and the revocation is written back. Temporary files
 * left by writers killed mid-write are removed under the lock.
 *
 * <p>Fails closed: while the file is missing or unreadable every call throws
 * {@link TokenStoreException} (authentication becomes {@code Unavailable}) instead of answering
 * from what was read before. Thread-safe. Close the {@code TokenService} using it first, so
 * last-use times are flushed.
 */
public final class FileTokenStore implements TokenStore, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FileTokenStore.class);
    /** How often a change is applied again when the file keeps changing under it before it fails. */
    private static final int WRITE_ATTEMPTS = 3;

    private final Path file;
    private final Clock clock;
    private final long intervalMillis;
    private final TokenFileReader reader;
    private final TokenFileLock lock;
    private final LeftoverTempFiles leftovers;
    private final AtomicFileWriter writer;
    private final RevocationMemory revocations = new RevocationMemory();
    /** Display prefixes of tokens whose revocation the last re-check found missing from the file. */
    private volatile List<String> revocationsToWriteBack = List.of();
    /** Last use of legacy tokens: kept in memory only, so bare legacy lines stay bare. */
    private final Map<String, Instant> legacyUse = new ConcurrentHashMap<>();
    private volatile StoreView view;
    private volatile long nextCheckMillis;
    private volatile boolean closed;

    private FileTokenStore(Path file, FileTokenStoreOptions options, AtomicFileWriter writer) {
        this.file = file;
        this.clock = options.clock();
        this.intervalMillis = saturatedMillis(options);
        this.reader = new TokenFileReader(file, warning -> {
            LOG.warn("token file {} {}; the line is ignored and kept as written", file, warning);
            options.warningListener().accept(warning);
        });
        this.lock = new TokenFileLock(file);
        this.leftovers = new LeftoverTempFiles(file, lock);
        this.writer = writer;
    }

    /**
     * Opens the token file at {@code file} with default options, creating it empty with mode
     * {@code 0600} if it does not exist.
     *
     * @param file the token file; created when missing
     * @return the open store
     * @throws TokenStoreException if the file cannot be created or read
     */
    public static FileTokenStore open(Path file) {
        return open(file, FileTokenStoreOptions.defaults());
    }

    /**
     * Opens the token file at {@code file}, creating it empty with mode {@code 0600} if it does
     * not exist. Symbolic links are resolved once, here.
     *
     * @param file the token file; created when missing
     * @param options re-check interval, clock and warning listener
     * @return the open store
     * @throws TokenStoreException if the file cannot be created or read
     */
    public static FileTokenStore open(Path file, FileTokenStoreOptions options) {
        return open(file, options, new AtomicFileWriter());
    }

    /** As {@link #open(Path, FileTokenStoreOptions)}, writing through {@code writer}. */
    static FileTokenStore open(Path file, FileTokenStoreOptions options, AtomicFileWriter writer) {
        Path absolute = file.toAbsolutePath().normalize();
        Path real;
        try {
            try {
                AtomicFileWriter.createOwnerOnly(absolute);
            } catch (FileAlreadyExistsException exists) {
                // the usual case: open what is there
            }
            real = absolute.toRealPath();
        } catch (IOException e) {
            throw new TokenStoreException("could not create the token file " + absolute + ": "
                    + AtomicFileWriter.describe(e), e);
        }
        warnIfOthersMayRead(real);
        FileTokenStore store = new FileTokenStore(real, options, writer);
        store.leftovers.removeAtOpen();
        store.view = store.refreshed(null);
        store.view.orThrow();
        store.nextCheckMillis = store.deadline();
        return store;
    }

    // --- reads ------------------------------------------------------------------------------

    @Override
    public Optional<TokenRecord> findByHash(String hash) {
        return current().findByHash(hash);
    }

    @Override
    public Optional<TokenRecord> findByHash(TokenHash hash) {
        return current().findByHash(hash);
    }

    /**
     * Reports how many records the file held when last read (none while it cannot be read); it
     * has no cache: every lookup answers from memory.
     */
    @Override
    public Optional<StoreStatistics> statistics() {
        return Optional.of(() -> {
            StoreView now = view;
            return now.index == null ? 0 : now.index.statistics().map(StoreStatistics::size).orElse(0L);
        });
    }

    @Override
    public List<TokenRecord> findByPrefix(String prefix) {
        return current().findByPrefix(prefix);
    }

    @Override
    public List<TokenRecord> list(TokenQuery query) {
        return current().list(query);
    }

    /** The index, re-checking the file first when the interval has passed. Cheap otherwise. */
    private InMemoryTokenStore current() {
        if (closed) {
            throw new TokenStoreException("the token store for " + file + " is closed");
        }
        if (clock.millis() >= nextCheckMillis && lock.tryLockInProcess()) {
            try {
                if (clock.millis() >= nextCheckMillis) {
                    StoreView fresh = refreshed(view);
                    report(view, fresh);
                    view = fresh;
                    nextCheckMillis = deadline();
                    writeBackLostRevocations();
                }
            } finally {
                lock.unlockInProcess();
            }
        }
        return view.orThrow();
    }

    /** The file as it is now; a failure view rather than an exception when it cannot be read. */
    private StoreView refreshed(StoreView old) {
        Snapshot previous = old == null ? null : old.snapshot;
        try {
            Snapshot now = reader.read(previous, true);
            if (now == previous) {
                return old;
            }
            boolean sameContent = previous != null && now.file() == previous.file();
            return StoreView.of(now, sameContent ? old.index : index(keptRevoked(now.file(), false)));
        } catch (IOException e) {
            return StoreView.failed(readFailure(e), e);
        }
    }

    private String readFailure(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "the token file " + file + " is missing (it is created only when the store is opened)";
        }
        return "could not read the token file " + file + ": " + AtomicFileWriter.describe(e);
    }

    // --- writes -----------------------------------------------------------------------------

    @Override
    public void apply(TokenChange change) {
        mutate(current -> current.apply(change), Map.of());
    }

    /** Under the file's locks, on the file as it is then: a revocation made meanwhile is kept. */
    @Override
    public Optional<TokenRecord> update(String hash, TokenUpdate update) {
        AtomicReference<TokenRecord> updated = new AtomicReference<>();
        mutate(current -> {
            updated.set(null);
            Optional<TokenRecord> found = index(current).findByHash(hash);
            if (found.isEmpty()) {
                return current;
            }
            updated.set(update.applyTo(found.get()));
            return current.apply(TokenChange.update(List.of(updated.get())));
        }, Map.of());
        return Optional.ofNullable(updated.get());
    }

    /** Writes {@code used=} for every token that needs it in one write; legacy tokens' uses stay in memory. */
    @Override
    public void recordUse(Map<String, Instant> lastUsedByHash) {
        Map<String, Instant> legacyUses = new HashMap<>();
        mutate(current -> {
            legacyUses.clear();
            List<TokenRecord> updates = new ArrayList<>();
            InMemoryTokenStore index = index(current);
            lastUsedByHash.forEach((hash, at) -> index.findByHash(hash)
                    .filter(record -> record.lastUsedAt() == null || record.lastUsedAt().isBefore(at))
                    .ifPresent(record -> {
                        if (current.isLegacy(hash)) {
                            legacyUses.put(hash, at);
                        } else {
                            updates.add(record.withLastUsedAt(at));
                        }
                    }));
            return updates.isEmpty() ? current : current.apply(TokenChange.update(updates));
        }, legacyUses);
    }

    /**
     * Under both locks: reads the file afresh, puts back revocations it lost, applies
     * {@code change} to that, writes the result if it differs from what was read, and only then records {@code legacyUses}
     * (filled by the change) and replaces the in-memory view. If the file changed between the
     * read and the rename, the change is applied again to what it holds then, a few times at most.
     */
    /** Removes the lines of tokens that ended before {@code cutoff}; every other line is kept byte for byte. */
    @Override
    public List<TokenRecord> prune(Instant cutoff) {
        List<TokenRecord> removed = new ArrayList<>();
        mutate(current -> {
            removed.clear();
            for (TokenRecord record : current.records()) {
                if (record.endedBefore(cutoff)) {
                    removed.add(record);
                }
            }
            return current.without(record -> record.endedBefore(cutoff));
        }, Map.of());
        return removed;
    }

    private void mutate(UnaryOperator<TokenFile> change, Map<String, Instant> legacyUses) {
        if (closed) {
            throw new TokenStoreException("the token store for " + file + " is closed");
        }
        lock.locked(() -> {
            Snapshot fresh = view.snapshot;
            for (int attempt = 1; ; attempt++) {
                fresh = readForWrite(fresh);
                TokenFile next = applied(change, keptRevoked(fresh.file(), true));
                if (next == fresh.file()) {
                    break;
                }
                leftovers.removeHoldingTheLock();
                byte[] bytes = next.toBytes();
                if (writer.write(file, bytes, fresh.stamp())) {
                    revocations.written(next);
                    fresh = new Snapshot(next, bytes, reader.stampNow());
                    break;
                }
                if (attempt == WRITE_ATTEMPTS) {
                    throw new TokenStoreException("the token file " + file + " kept changing while it was written"
                            + " (by a program that does not take the lock " + lock.path() + "?); nothing was written");
                }
                LOG.warn("the token file {} changed while this store was writing it (an editor that saves by rename,"
                        + " or another program that does not take the lock?); the change is applied again to what"
                        + " the file holds now", file);
            }
            legacyUse.putAll(legacyUses);
            StoreView written = StoreView.of(fresh, index(fresh.file()));
            report(view, written);
            view = written;
            nextCheckMillis = deadline();
            return null;
        });
    }

    private Snapshot readForWrite(Snapshot previous) {
        try {
            return reader.read(previous, false);
        } catch (IOException e) {
            throw new TokenStoreException(readFailure(e) + "; nothing was written", e);
        }
    }

    private static TokenFile applied(UnaryOperator<TokenFile> change, TokenFile current) {
        try {
            return change.apply(current);
        } catch (IllegalArgumentException e) {
            throw new TokenStoreException(e.getMessage(), e);
        }
    }

    /**
     * {@code read} with the revocations this store saw put back where the file lost them, so a
     * revoked token never comes back live. A write says so in the log; a re-check leaves them for
     * {@link #writeBackLostRevocations}.
     */
    private TokenFile keptRevoked(TokenFile read, boolean writing) {
        RevocationMemory.Kept kept = revocations.keepRevoked(read);
        List<String> prefixes = kept.restoredPrefixes();
        if (!prefixes.isEmpty()) {
            if (writing) {
                LOG.warn("{}, and this write puts their revocation back", lostRevocations(prefixes));
            } else {
                revocationsToWriteBack = prefixes;
            }
        }
        return kept.file();
    }

    /**
     * Right after a re-check found revocations missing from the file, writes them back, so that
     * other readers of the file see them too. If that fails they stay revoked in this store only.
     */
    private void writeBackLostRevocations() {
        List<String> prefixes = revocationsToWriteBack;
        if (prefixes.isEmpty()) {
            return;
        }
        revocationsToWriteBack = List.of();
        try {
            mutate(UnaryOperator.identity(), Map.of());
        } catch (TokenStoreException e) {
            LOG.error("{} in this store, but writing their revocation back failed: {}", lostRevocations(prefixes),
                    e.getMessage());
        }
    }

    /** What a file that lost revocations means, naming the tokens by their display prefixes only. */
    private String lostRevocations(List<String> prefixes) {
        return "the token file " + file + " shows " + prefixes.size() + " token(s) that this store saw revoked as"
                + " not revoked: " + prefixes + " (was an older copy saved over it, as an editor that saves by"
                + " rename does?); they stay revoked";
    }

    private InMemoryTokenStore index(TokenFile tokenFile) {
        if (legacyUse.isEmpty()) {
            return InMemoryTokenStore.withRecords(tokenFile.records());
        }
        List<TokenRecord> records = new ArrayList<>(tokenFile.records().size());
        for (TokenRecord record : tokenFile.records()) {
            Instant used = tokenFile.isLegacy(record.hash()) ? legacyUse.get(record.hash()) : null;
            records.add(used == null ? record : record.withLastUsedAt(used));
        }
        return InMemoryTokenStore.withRecords(records);
    }

    /** Stops the store: later calls throw {@link TokenStoreException}. Holds no open file between calls. */
    @Override
    public void close() {
        closed = true;
    }

    /**
     * The token file, as resolved when opened.
     *
     * @return the token file
     */
    public Path path() {
        return file;
    }

    /**
     * Whether group or others may read the token file now. It holds only hashes, but a readable
     * hash list still tells others which tokens exist; the store makes the file {@code 0600} on its
     * next write. False where the file system has no POSIX permissions.
     *
     * @return whether the file's mode lets group or others read it
     */
    public boolean isReadableByOthers() {
        return TokenFileAccess.readableByOthers(file);
    }

    private long deadline() {
        long now = clock.millis();
        return now > Long.MAX_VALUE - intervalMillis ? Long.MAX_VALUE : now + intervalMillis;
    }

    private static long saturatedMillis(FileTokenStoreOptions options) {
        try {
            return options.recheckInterval().toMillis();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    private void report(StoreView before, StoreView after) {
        if (after.failure != null && (before == null || before.failure == null)) {
            LOG.error("{}; token lookups fail until it can be read again", after.failure);
        } else if (after.failure == null && before != null && before.failure != null) {
            LOG.info("the token file {} can be read again ({} tokens)", file, after.snapshot.file().records().size());
        }
    }

    private static void warnIfOthersMayRead(Path real) {
        if (TokenFileAccess.readableByOthers(real)) {
            LOG.warn("the token file {} is readable by group or others; it becomes 0600 on the next write", real);
        }
    }

    @Override
    public String toString() {
        StoreView current = view;
        String state = current.failure == null ? current.snapshot.file().records().size() + " tokens" : "unavailable";
        return "FileTokenStore[" + file + ", " + state + "]";
    }
}
