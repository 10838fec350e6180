package dev.scopekey.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PathTrieTest {
    private static final PathTrie.Acceptor<String> ANY = (value, unused) -> true;

    private static PathTrie<String> trie(String... patterns) {
        PathTrie<String> trie = new PathTrie<>();
        for (String pattern : patterns) {
            trie.add(PathPattern.parse(pattern), pattern);
        }
        return trie;
    }

    @Test
    void literalsWithTheSameHash_areTwoChildren_amongFewOrMany() {
        assertEquals("Aa".hashCode(), "BB".hashCode());
        assertCollidingLiteralsAreApart(trie("/Aa/x", "/BB/y", "/AaBB", "/BBAa"));
        assertCollidingLiteralsAreApart(trie("/Aa/x", "/BB/y", "/AaBB", "/BBAa", "/f1", "/f2", "/f3", "/f4", "/f5"));
    }

    private static void assertCollidingLiteralsAreApart(PathTrie<String> trie) {
        assertEquals("/Aa/x", trie.first("/Aa/x", ANY, null));
        assertEquals("/BB/y", trie.first("/BB/y", ANY, null));
        assertEquals("/AaBB", trie.first("/AaBB", ANY, null));
        assertEquals("/BBAa", trie.first("/BBAa", ANY, null));
        assertNull(trie.first("/Aa/y", ANY, null));
        assertNull(trie.first("/AaAa", ANY, null));
    }

    @Test
    void manyLiteralsUnderOneNode_areAllFound_andNothingElse() {
        PathTrie<String> trie = new PathTrie<>();
        for (int i = 0; i < 5_000; i++) {
            trie.add(PathPattern.parse("/s" + i), "v" + i);
        }

        for (int i = 0; i < 5_000; i++) {
            assertEquals("v" + i, trie.first("/s" + i + "/", ANY, null));
        }
        assertNull(trie.first("/s5000", ANY, null));
        assertNull(trie.first("/s", ANY, null));
    }

    @Test
    void firstAdded_winsAcrossBranches_andTheAcceptorFilters() {
        PathTrie<String> trie = trie("/a/*", "/a/b", "/**");
        PathTrie.Acceptor<String> other = (value, avoid) -> !value.equals(avoid);

        assertEquals("/a/*", trie.first("/a/b", ANY, null));
        assertEquals("/a/b", trie.first("/a/b", other, "/a/*"));
        assertEquals("/**", trie.first("/c", ANY, null));
        assertEquals("/**", trie.first("/", ANY, null));
        assertNull(trie.first("/a/b", (value, unused) -> false, null));
    }

    @Test
    void anEarlierRestPattern_beatsDeeperLaterOnes() {
        PathTrie<String> trie = trie("/a/**", "/a/b/c", "/a/*/c");

        assertEquals("/a/**", trie.first("/a/b/c", ANY, null));
        assertEquals("/a/*/c", trie.first("/a/b/c", (value, avoid) -> !value.equals(avoid) && !value.equals("/a/b/c"),
                "/a/**"));
    }
}
