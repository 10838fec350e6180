package dev.scopekey.store.jdbc;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A concurrent map whose entries expire at a given time and whose size stays near a bound.
 * When full, a put first sweeps expired entries, then evicts arbitrary ones down to three
 * quarters of the bound; if another thread is already sweeping, the put is dropped instead of
 * growing the map. Reads never lock. Keys and values are non-null.
 *
 * @param <K> the key
 * @param <V> the cached value
 */
final class ExpiringMap<K, V> {
    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final ReentrantLock sweeping = new ReentrantLock();
    private final int maxSize;

    ExpiringMap(int maxSize) {
        this.maxSize = maxSize;
    }

    /** The value stored under {@code key} if it has not expired at {@code nowMillis}, else null. */
    V get(K key, long nowMillis) {
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (nowMillis >= entry.expiresAtMillis) {
            entries.remove(key, entry);
            return null;
        }
        return entry.value;
    }

    /**
     * Stores {@code value} until {@code expiresAtMillis}, unless the map is full and cannot make room.
     *
     * @return the entry stored (to remove it again if it turns out stale), or null if dropped
     */
    Object put(K key, V value, long expiresAtMillis, long nowMillis) {
        if (maxSize <= 0) {
            return null;
        }
        if (entries.size() >= maxSize && !entries.containsKey(key) && !makeRoom(nowMillis)) {
            return null;
        }
        Entry<V> entry = new Entry<>(value, expiresAtMillis);
        entries.put(key, entry);
        return entry;
    }

    /** Replaces the value of a present, unexpired entry, keeping its expiry. */
    void replaceIfPresent(K key, java.util.function.UnaryOperator<V> change) {
        entries.computeIfPresent(key, (k, entry) -> new Entry<>(change.apply(entry.value), entry.expiresAtMillis));
    }

    /** Removes {@code key} only if it still maps to the entry {@link #put} returned. */
    void removeEntry(K key, Object entry) {
        entries.remove(key, entry);
    }

    void remove(K key) {
        entries.remove(key);
    }

    void clear() {
        entries.clear();
    }

    int size() {
        return entries.size();
    }

    private boolean makeRoom(long nowMillis) {
        if (!sweeping.tryLock()) {
            return false;
        }
        try {
            entries.entrySet().removeIf(e -> nowMillis >= e.getValue().expiresAtMillis);
            int target = maxSize - Math.max(1, maxSize / 4);
            Iterator<Map.Entry<K, Entry<V>>> it = entries.entrySet().iterator();
            while (entries.size() > target && it.hasNext()) {
                it.next();
                it.remove();
            }
            return entries.size() < maxSize;
        } finally {
            sweeping.unlock();
        }
    }

    private static final class Entry<V> {
        final V value;
        final long expiresAtMillis;

        Entry(V value, long expiresAtMillis) {
            this.value = value;
            this.expiresAtMillis = expiresAtMillis;
        }
    }
}
