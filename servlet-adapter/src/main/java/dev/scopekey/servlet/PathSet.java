package dev.scopekey.servlet;

/**
 * A set of path patterns, such as the {@code public-paths} init-param (open without a token).
 * Immutable and thread-safe.
 */
final class PathSet {
    private static final PathTrie.Acceptor<String> ANY = (pattern, unused) -> true;

    private final PathTrie<String> trie;

    private PathSet(PathTrie<String> trie) {
        this.trie = trie;
    }

    /**
     * Parses patterns separated by whitespace or commas; {@code #} starts a comment to the end
     * of the line.
     *
     * @param text the patterns, or null for none
     * @throws IllegalArgumentException if a pattern is not one
     */
    static PathSet parse(String text) {
        PathTrie<String> trie = new PathTrie<>();
        if (text != null) {
            for (String line : text.split("\\R")) {
                int hash = line.indexOf('#');
                String content = hash < 0 ? line : line.substring(0, hash);
                for (String pattern : content.split("[\\s,]+")) {
                    if (!pattern.isEmpty()) {
                        trie.add(PathPattern.parse(pattern), pattern);
                    }
                }
            }
        }
        return new PathSet(trie);
    }

    /** Whether {@code path} (within the application) matches a pattern of the set. */
    boolean contains(String path) {
        return !trie.isEmpty() && trie.first(path, ANY, null) != null;
    }
}
