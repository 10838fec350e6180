package dev.scopekey.servlet;

import java.util.ArrayList;
import java.util.List;

/**
 * Path patterns in a segment trie, so that finding the first pattern a path matches costs time
 * in the length of the path and the wildcard branches it meets, not in the number of patterns.
 * The path is walked as a string, by index: no split, no match list, no iterator, nothing
 * allocated per lookup. Built once, then read-only and thread-safe.
 *
 * @param <V> what each pattern carries
 */
final class PathTrie<V> {
    /**
     * Which values a lookup will take; given as a non-capturing lambda plus an argument, so that
     * asking allocates nothing.
     *
     * @param <V> what each pattern carries
     */
    @FunctionalInterface
    interface Acceptor<V> {
        /** Whether {@code value} answers a lookup made with {@code argument}. */
        boolean accepts(V value, String argument);
    }

    /** A value with its position among all values added. */
    private record Entry<V>(int order, V value) {
    }

    private final Node<V> root = new Node<>();
    private int count;

    /** Adds {@code value} under {@code pattern}; values added earlier come first in lookups. */
    void add(PathPattern pattern, V value) {
        Entry<V> entry = new Entry<>(count++, value);
        Node<V> node = root;
        node.reach(entry.order());
        for (PathPattern.Segment segment : pattern.segments()) {
            switch (segment.kind()) {
                case LITERAL:
                    node = node.literals.getOrAdd(segment.text());
                    break;
                case ONE:
                    if (node.one == null) {
                        node.one = new Node<>();
                    }
                    node = node.one;
                    break;
                case REST:
                    node.rest.add(entry);
                    return;
                default:
                    throw new IllegalStateException("unknown segment kind");
            }
            node.reach(entry.order());
        }
        node.exact.add(entry);
    }

    /**
     * The value added first among those whose pattern matches {@code path} and that
     * {@code acceptor} takes with {@code argument}.
     *
     * @return the value, or null if there is none
     */
    V first(String path, Acceptor<? super V> acceptor, String argument) {
        Entry<V> best = walk(root, path, 0, acceptor, argument, null);
        return best == null ? null : best.value();
    }

    boolean isEmpty() {
        return count == 0;
    }

    private static <V> Entry<V> walk(Node<V> node, String path, int from, Acceptor<? super V> acceptor,
                                     String argument, Entry<V> found) {
        if (found != null && node.firstOrder >= found.order()) {
            return found;
        }
        Entry<V> best = firstOf(node.rest, acceptor, argument, found);
        int length = path.length();
        int start = from;
        while (start < length && path.charAt(start) == '/') {
            start++;
        }
        if (start == length) {
            return firstOf(node.exact, acceptor, argument, best);
        }
        int end = path.indexOf('/', start);
        if (end < 0) {
            end = length;
        }
        Node<V> literal = node.literals.get(path, start, end);
        if (literal != null) {
            best = walk(literal, path, end, acceptor, argument, best);
        }
        if (node.one != null) {
            best = walk(node.one, path, end, acceptor, argument, best);
        }
        return best;
    }

    /** The first accepted entry of {@code entries} (kept in order) if it beats {@code best}, else {@code best}. */
    private static <V> Entry<V> firstOf(List<Entry<V>> entries, Acceptor<? super V> acceptor, String argument,
                                        Entry<V> best) {
        for (int i = 0; i < entries.size(); i++) {
            Entry<V> entry = entries.get(i);
            if (best != null && entry.order() >= best.order()) {
                return best;
            }
            if (acceptor.accepts(entry.value(), argument)) {
                return entry;
            }
        }
        return best;
    }

    private static final class Node<V> {
        final LiteralTable<V> literals = new LiteralTable<>();
        final List<Entry<V>> exact = new ArrayList<>(1);
        final List<Entry<V>> rest = new ArrayList<>(1);
        Node<V> one;
        /** The lowest order of any value at or below this node; a lookup that has a better one skips it. */
        int firstOrder = Integer.MAX_VALUE;

        void reach(int order) {
            firstOrder = Math.min(firstOrder, order);
        }
    }

    /**
     * The literal children of a node, looked up by a region of the path so that no segment string
     * is made: a few are compared one by one, more sit in an open-addressing table (the region
     * hashed as {@link String#hashCode} would hash it).
     */
    private static final class LiteralTable<V> {
        /** Up to this many children are compared one by one, without hashing the segment. */
        private static final int FEW = 4;

        private String[] keys = new String[0];
        private Object[] nodes = new Object[0];
        private final String[] fewKeys = new String[FEW];
        private final Object[] fewNodes = new Object[FEW];
        private int size;

        @SuppressWarnings("unchecked")
        Node<V> get(String path, int from, int to) {
            int length = to - from;
            if (size <= FEW) {
                for (int i = 0; i < size; i++) {
                    String key = fewKeys[i];
                    if (key.length() == length && path.regionMatches(from, key, 0, length)) {
                        return (Node<V>) fewNodes[i];
                    }
                }
                return null;
            }
            int hash = 0;
            for (int i = from; i < to; i++) {
                hash = 31 * hash + path.charAt(i);
            }
            int mask = keys.length - 1;
            for (int i = spread(hash) & mask; ; i = (i + 1) & mask) {
                String key = keys[i];
                if (key == null) {
                    return null;
                }
                if (key.hashCode() == hash && key.length() == length && path.regionMatches(from, key, 0, length)) {
                    return (Node<V>) nodes[i];
                }
            }
        }

        @SuppressWarnings("unchecked")
        Node<V> getOrAdd(String key) {
            Node<V> existing = get(key, 0, key.length());
            if (existing != null) {
                return existing;
            }
            if (2 * (size + 1) > keys.length) {
                grow();
            }
            Node<V> node = new Node<>();
            if (size < FEW) {
                fewKeys[size] = key;
                fewNodes[size] = node;
            }
            put(key, node);
            return node;
        }

        private void put(String key, Object node) {
            int mask = keys.length - 1;
            int i = spread(key.hashCode()) & mask;
            while (keys[i] != null) {
                i = (i + 1) & mask;
            }
            keys[i] = key;
            nodes[i] = node;
            size++;
        }

        private void grow() {
            String[] oldKeys = keys;
            Object[] oldNodes = nodes;
            keys = new String[Math.max(4, oldKeys.length * 2)];
            nodes = new Object[keys.length];
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != null) {
                    put(oldKeys[i], oldNodes[i]);
                }
            }
        }

        private static int spread(int hash) {
            return hash ^ (hash >>> 16);
        }
    }
}
