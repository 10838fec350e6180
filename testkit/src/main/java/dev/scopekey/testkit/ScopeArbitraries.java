package dev.scopekey.testkit;

import dev.scopekey.domain.ScopeSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik arbitraries for scopes: valid concrete scopes, subtree wildcards ({@code a:*}), the root
 * {@code *}, scope sets, and strings that break the grammar. Every value is checked against the
 * grammar of the design, not against the library's parser.
 *
 * <pre>{@code
 * @Property
 * void rootGrantsEverything(@ForAll("concrete") String required) {
 *     assertTrue(ScopeSet.root().grants(required));
 * }
 *
 * @Provide
 * Arbitrary<String> concrete() {
 *     return ScopeArbitraries.concrete();
 * }
 * }</pre>
 */
public final class ScopeArbitraries {
    private static final List<String> WORDS = List.of("kafka", "endpoint", "read", "write", "workspaces", "w42",
            "auth", "tokens", "a", "0", "a.b", "x-y", "z_9");
    private static final List<String> INVALID = List.of(
            "", " ", "A", "Kafka:read", "kafka:Read", ":", "a:", ":a", "a::b", "*:a", "a:*:b", "a*", "a:**", "**",
            "*a", "_a", "-a", ".a", "a:_b", "a b", "a:b ", " a", "a\tb", "a\n", "ä", "a/b", "a,b", "a;b", "a:*,b",
            "x".repeat(ScopeGrammar.MAX_LENGTH + 1), "a:".repeat(100) + "b", "a:".repeat(99) + "bc:*");
    private static final String BAD_CHARS = "ABZ */,;#@!?\t\n\u0000é☃*:";

    private ScopeArbitraries() {
    }

    /**
     * One segment: {@code [a-z0-9][a-z0-9_.-]*}, short, with common words mixed in.
     *
     * @return the arbitrary
     */
    public static Arbitrary<String> segments() {
        Arbitrary<String> generated = Combinators.combine(
                Arbitraries.of(ScopeGrammar.FIRST_CHARS.toCharArray()),
                Arbitraries.strings().withChars(ScopeGrammar.REST_CHARS).ofMaxLength(11))
                .as((first, rest) -> first + rest);
        return Arbitraries.frequencyOf(Tuple.of(3, generated), Tuple.of(1, Arbitraries.of(WORDS)));
    }

    /**
     * Concrete scopes such as {@code kafka:endpoint:read}: what a request may require.
     *
     * @return the arbitrary
     */
    public static Arbitrary<String> concrete() {
        Arbitrary<String> usual = segments().list().ofMinSize(1).ofMaxSize(5).map(s -> String.join(":", s));
        Arbitrary<String> nearLimit = Combinators.combine(usual, Arbitraries.integers().between(1, ScopeGrammar.MAX_LENGTH))
                .as((scope, length) -> padTo(scope, length));
        return Arbitraries.frequencyOf(Tuple.of(9, usual), Tuple.of(1, nearLimit))
                .filter(ScopeGrammar::isConcrete);
    }

    /**
     * Subtree wildcards {@code <concrete>:*}: grant everything strictly below the stem.
     *
     * @return the arbitrary
     */
    public static Arbitrary<String> wildcards() {
        return concrete().filter(s -> s.length() <= ScopeGrammar.MAX_LENGTH - 2).map(s -> s + ":*");
    }

    /**
     * The root wildcard {@code *}.
     *
     * @return the arbitrary
     */
    public static Arbitrary<String> root() {
        return Arbitraries.just("*");
    }

    /**
     * Any scope a token may hold: mostly concrete, some subtree wildcards, now and then the root.
     *
     * @return the arbitrary
     */
    public static Arbitrary<String> grantable() {
        return Arbitraries.frequencyOf(Tuple.of(6, concrete()), Tuple.of(3, wildcards()), Tuple.of(1, root()));
    }

    /**
     * Strings that are not scopes: bad characters, empty or wildcard segments, too long.
     *
     * @return the arbitrary
     */
    public static Arbitrary<String> invalid() {
        Arbitrary<String> mutated = Combinators.combine(grantable(), Arbitraries.integers().between(0, 1000),
                Arbitraries.of(BAD_CHARS.toCharArray()))
                .as((scope, at, bad) -> {
                    int index = at % (scope.length() + 1);
                    return scope.substring(0, index) + bad + scope.substring(index);
                });
        Arbitrary<String> emptySegment = concrete().map(s -> s.replaceFirst(":|$", "::"));
        Arbitrary<String> tooLong = concrete().map(s -> padTo(s, ScopeGrammar.MAX_LENGTH) + "x");
        return Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.of(INVALID)), Tuple.of(5, mutated),
                Tuple.of(1, emptySegment), Tuple.of(1, tooLong))
                .filter(s -> !ScopeGrammar.isValid(s));
    }

    /**
     * Non-empty scope sets of grantable scopes, root included now and then.
     *
     * @return the arbitrary
     */
    public static Arbitrary<ScopeSet> scopeSets() {
        return grantable().list().ofMinSize(1).ofMaxSize(5).map(ScopeSet::parse);
    }

    /**
     * Non-empty scope sets of concrete scopes only.
     *
     * @return the arbitrary
     */
    public static Arbitrary<ScopeSet> concreteScopeSets() {
        return concrete().list().ofMinSize(1).ofMaxSize(5).map(ScopeSet::parse);
    }

    /** Appends {@code .x} style characters to the last segment until the scope is {@code length} long. */
    private static String padTo(String scope, int length) {
        StringBuilder padded = new StringBuilder(scope);
        while (padded.length() < length) {
            padded.append(ScopeGrammar.REST_CHARS.charAt(padded.length() % ScopeGrammar.REST_CHARS.length()));
        }
        return padded.toString();
    }
}
