package dev.scopekey.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.Scope;
import dev.scopekey.domain.ScopeSet;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/** The scope laws of the design, checked against an oracle written from the design's words. */
class ScopeLawsPropertyTest {

    @Property(tries = 1000)
    void root_grantsEveryConcreteScope(@ForAll("concrete") String required) {
        assertTrue(ScopeSet.root().grants(required));
        assertTrue(Scope.ROOT.grants(Scope.of(required)));
    }

    @Property(tries = 2000)
    void subtreeWildcard_grantsExactlyTheScopesStrictlyBelowItsStem(@ForAll("stemAndCandidate") Tuple2<String, String> pair) {
        String stem = pair.get1();
        String candidate = pair.get2();
        boolean below = isStrictlyBelow(candidate, stem);
        Scope wildcard = Scope.of(stem + ":*");
        assertEquals(below, wildcard.grants(Scope.of(candidate)), stem + ":* grants " + candidate);
        assertEquals(below, ScopeSet.of(List.of(wildcard)).grants(candidate), stem + ":* as a set grants " + candidate);
    }

    @Property(tries = 1000)
    void requiredScopeThatIsNotConcrete_isDeniedByEverySet_rootIncluded(
            @ForAll("scopeSets") ScopeSet held, @ForAll("notRequirable") String required) {
        assertFalse(held.grants(required), "a set must not grant '" + required + "'");
        assertFalse(ScopeSet.root().grants(required), "root must not grant '" + required + "'");
        Scope.parse(required).ifPresent(wildcard -> {
            assertFalse(held.grants(wildcard));
            for (Scope scope : held) {
                assertFalse(scope.grants(wildcard));
            }
        });
    }

    @Example
    void nullRequiredScope_isDenied_evenForRoot() {
        assertFalse(ScopeSet.root().grants((String) null));
        assertFalse(ScopeSet.root().grants((Scope) null));
        assertFalse(Scope.ROOT.grants(null));
        assertFalse(ScopeSet.parseList("a,b:*").grants((String) null));
        assertFalse(ScopeSet.empty().grants("a"));
    }

    @Property(tries = 1000)
    void concreteScope_grantsOnlyItself(@ForAll("concretePair") Tuple2<String, String> pair) {
        Scope held = Scope.of(pair.get1());
        assertEquals(pair.get1().equals(pair.get2()), held.grants(Scope.of(pair.get2())));
    }

    @Property(tries = 1000)
    void scopeSet_grants_exactlyWhenSomeMemberGrants(
            @ForAll("scopeSets") ScopeSet held, @ForAll("anyRequired") String required) {
        boolean anyMember = Scope.parse(required).map(r -> held.asList().stream().anyMatch(m -> m.grants(r)))
                .orElse(false);
        assertEquals(anyMember, held.grants(required));
        assertEquals(oracle(held.values(), required), held.grants(required), held + " grants " + required);
    }

    @Property(tries = 1000)
    void parser_acceptsExactlyTheGrammar(@ForAll("anyRequired") String text) {
        assertEquals(ScopeGrammar.isValid(text), Scope.parse(text).isPresent(), "'" + text + "'");
    }

    // --- oracle -------------------------------------------------------------------------------

    /** The design's rule in its own words: a held scope grants a concrete required scope if it is
     *  {@code *}, the scope itself, or {@code a:*} with the required scope strictly below {@code a}. */
    private static boolean oracle(List<String> held, String required) {
        if (!ScopeGrammar.isConcrete(required)) {
            return false;
        }
        for (String scope : held) {
            if (scope.equals("*") || scope.equals(required)
                    || (scope.endsWith(":*") && isStrictlyBelow(required, scope.substring(0, scope.length() - 2)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isStrictlyBelow(String candidate, String stem) {
        List<String> c = Arrays.asList(candidate.split(":", -1));
        List<String> s = Arrays.asList(stem.split(":", -1));
        return c.size() > s.size() && c.subList(0, s.size()).equals(s);
    }

    // --- generators ---------------------------------------------------------------------------

    @Provide
    Arbitrary<String> concrete() {
        return ScopeArbitraries.concrete();
    }

    @Provide
    Arbitrary<ScopeSet> scopeSets() {
        return Arbitraries.oneOf(ScopeArbitraries.scopeSets(), Arbitraries.just(ScopeSet.root()),
                Arbitraries.just(ScopeSet.empty()));
    }

    @Provide
    Arbitrary<String> notRequirable() {
        return Arbitraries.oneOf(ScopeArbitraries.invalid(), ScopeArbitraries.wildcards(), ScopeArbitraries.root(),
                Arbitraries.just(""));
    }

    @Provide
    Arbitrary<String> anyRequired() {
        return Arbitraries.frequencyOf(Tuple.of(5, ScopeArbitraries.concrete()), Tuple.of(2, ScopeArbitraries.invalid()),
                Tuple.of(2, ScopeArbitraries.wildcards()), Tuple.of(1, ScopeArbitraries.root()),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(12)));
    }

    /** A concrete scope and another that is equal to it now and then. */
    @Provide
    Arbitrary<Tuple2<String, String>> concretePair() {
        Arbitrary<String> scope = ScopeArbitraries.concrete();
        return Arbitraries.oneOf(scope.map(s -> Tuple.of(s, s)), Combinators.combine(scope, scope).as(Tuple::of));
    }

    /**
     * A stem and a candidate that is below it, the stem itself, above it, a string extension of
     * it that is not below ({@code kafka} and {@code kafkaz:read}), or unrelated.
     */
    @Provide
    Arbitrary<Tuple2<String, String>> stemAndCandidate() {
        Arbitrary<String> stems = ScopeArbitraries.concrete().filter(s -> s.length() <= 100);
        Arbitrary<String> tails = ScopeArbitraries.concrete().filter(s -> s.length() <= 45);
        return Combinators.combine(stems, tails, Arbitraries.integers().between(0, 5)).as((stem, tail, kind) -> {
            switch (kind) {
                case 0: return Tuple.of(stem, stem + ":" + tail);
                case 1: return Tuple.of(stem, stem);
                case 2: return Tuple.of(stem, stem + tail);
                case 3: return Tuple.of(stem, stem + tail + ":" + tail);
                case 4: return Tuple.of(stem + ":" + tail, stem);
                default: return Tuple.of(stem, tail);
            }
        });
    }
}
