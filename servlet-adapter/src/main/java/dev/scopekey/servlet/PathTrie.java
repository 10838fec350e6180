package dev.scopekey.servlet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Path patterns in a segment trie, so that finding the patterns a path matches costs time in
 * the length of the path and the wildcard branches it meets, not in the number of patterns.
 * Values are handed back with the path segments that {@code *} and {@code {name}} matched.
 * Built once, then read-only and thread-safe.
 *
 * @param <V> what each pattern carries
 */
final class PathTrie<V> {
    /** A value whose pattern matched, with its position among all values added. */
    record Match<V>(int order, V value) {
    }

    private final Node<V> root = new Node<>();
    private int count;

    /** Adds {@code value} under {@code pattern}; the order of adding is kept in matches. */
    void add(PathPattern pattern, V value) {
        Node<V> node = root;
        Match<V> entry = new Match<>(count++, value);
        for (PathPattern.Segment segment : pattern.segments()) {
            switch (segment.kind()) {
                case LITERAL:
                    node = node.literals.computeIfAbsent(segment.text(), k -> new Node<>());
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
        }
        node.exact.add(entry);
    }

    /** Every value whose pattern matches the path segments, in no particular order. */
    List<Match<V>> matches(List<String> path) {
        List<Match<V>> found = new ArrayList<>(2);
        collect(root, path, 0, found);
        return found;
    }

    /** Whether any pattern matches the path segments. */
    boolean matchesAny(List<String> path) {
        return !matches(path).isEmpty();
    }

    boolean isEmpty() {
        return count == 0;
    }

    private static <V> void collect(Node<V> node, List<String> path, int index, List<Match<V>> found) {
        found.addAll(node.rest);
        if (index == path.size()) {
            found.addAll(node.exact);
            return;
        }
        Node<V> literal = node.literals.get(path.get(index));
        if (literal != null) {
            collect(literal, path, index + 1, found);
        }
        if (node.one != null) {
            collect(node.one, path, index + 1, found);
        }
    }

    private static final class Node<V> {
        final Map<String, Node<V>> literals = new HashMap<>();
        final List<Match<V>> exact = new ArrayList<>(1);
        final List<Match<V>> rest = new ArrayList<>(1);
        Node<V> one;
    }
}
