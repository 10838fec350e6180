package dev.scopekey.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The scopes a token holds. Immutable, thread-safe, iterates in sorted order.
 *
 * <p>{@link #grants(String)} is the one authorization check of the library: it fails closed
 * for a null, empty, malformed or wildcard required scope, whatever the token holds.
 */
public final class ScopeSet implements Iterable<Scope> {
    private static final ScopeSet EMPTY = new ScopeSet(List.of());
    private static final ScopeSet ROOT = new ScopeSet(List.of(Scope.ROOT));

    private final List<Scope> scopes;
    private final Set<String> exact;
    private final List<String> stems;
    private final boolean root;

    private ScopeSet(List<Scope> sorted) {
        this.scopes = Collections.unmodifiableList(sorted);
        Set<String> exactValues = new java.util.HashSet<>();
        List<String> wildcardStems = new ArrayList<>();
        boolean anyRoot = false;
        for (Scope scope : sorted) {
            if (scope.isRoot()) {
                anyRoot = true;
            } else if (scope.isWildcard()) {
                wildcardStems.add(scope.value().substring(0, scope.value().length() - 1));
            } else {
                exactValues.add(scope.value());
            }
        }
        this.exact = Set.copyOf(exactValues);
        this.stems = List.copyOf(wildcardStems);
        this.root = anyRoot;
    }

    /**
     * The empty set: grants nothing.
     *
     * @return the empty set
     */
    public static ScopeSet empty() {
        return EMPTY;
    }

    /**
     * The set holding only {@code *}.
     *
     * @return the set of the root scope alone
     */
    public static ScopeSet root() {
        return ROOT;
    }

    /**
     * A set of the given scopes; duplicates collapse.
     *
     * @param scopes the scopes
     * @return the set
     */
    public static ScopeSet of(Collection<Scope> scopes) {
        TreeSet<Scope> sorted = new TreeSet<>(scopes);
        if (sorted.isEmpty()) {
            return EMPTY;
        }
        return new ScopeSet(new ArrayList<>(sorted));
    }

    /**
     * Parses scope strings.
     *
     * @param texts the scopes as written
     * @return the set
     * @throws InvalidScopeException if any of them breaks the grammar
     */
    public static ScopeSet parse(Collection<String> texts) {
        List<Scope> parsed = new ArrayList<>(texts.size());
        for (String text : texts) {
            parsed.add(Scope.of(text));
        }
        return of(parsed);
    }

    /**
     * Parses a comma-separated list such as {@code kafka:read,workspaces:*}; blanks around
     * commas are ignored.
     *
     * @param commaSeparated the scopes, separated by commas
     * @return the set
     * @throws InvalidScopeException if any scope breaks the grammar or the list is empty
     */
    public static ScopeSet parseList(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            throw new InvalidScopeException("scope list is empty");
        }
        List<String> parts = new ArrayList<>();
        for (String part : commaSeparated.split(",", -1)) {
            parts.add(part.strip());
        }
        return parse(parts);
    }

    /**
     * Whether the set holds the root wildcard {@code *}.
     *
     * @return whether the set holds the root scope
     */
    public boolean isRoot() {
        return root;
    }

    /**
     * Whether the set holds no scope.
     *
     * @return whether it is empty
     */
    public boolean isEmpty() {
        return scopes.isEmpty();
    }

    /**
     * How many scopes the set holds.
     *
     * @return the count
     */
    public int size() {
        return scopes.size();
    }

    /**
     * Whether any held scope grants {@code required}; false for null or wildcard.
     *
     * @param required the scope a route needs
     * @return whether a scope of this set grants it
     */
    public boolean grants(Scope required) {
        if (required == null || required.isWildcard()) {
            return false;
        }
        if (root || exact.contains(required.value())) {
            return true;
        }
        String value = required.value();
        for (String stem : stems) {
            if (value.startsWith(stem)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Parses {@code required} and checks it; a malformed required scope is never granted.
     *
     * @param required the scope a route needs, as written
     * @return whether a scope of this set grants it
     */
    public boolean grants(String required) {
        return Scope.parse(required).map(this::grants).orElse(false);
    }

    /**
     * The scopes, sorted.
     *
     * @return the scopes, unmodifiable
     */
    public List<Scope> asList() {
        return scopes;
    }

    /**
     * The scope strings, sorted.
     *
     * @return the scopes as text, unmodifiable
     */
    public List<String> values() {
        List<String> values = new ArrayList<>(scopes.size());
        for (Scope scope : scopes) {
            values.add(scope.value());
        }
        return values;
    }

    /**
     * Comma-separated, as in the token file.
     *
     * @return the scopes separated by commas
     */
    public String toCommaList() {
        return String.join(",", values());
    }

    @Override
    public Iterator<Scope> iterator() {
        return scopes.iterator();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScopeSet && ((ScopeSet) o).scopes.equals(scopes);
    }

    @Override
    public int hashCode() {
        return scopes.hashCode();
    }

    @Override
    public String toString() {
        return toCommaList();
    }
}
