package dev.scopekey.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A required scope with {@code {name}} placeholders that take the values of named variables, such
 * as a route rule's {@code workspaces:{id}:write}. The template is checked once, when parsed:
 * with every placeholder standing for a valid segment it is a concrete scope. Binding then checks
 * only what is new, that each value is a {@linkplain Scope#isValidSegment valid segment} and that
 * the result fits in {@value Scope#MAX_LENGTH} characters, and builds the scope without parsing
 * it again. Immutable and thread-safe.
 */
public final class ScopeTemplate {
    private final String source;
    /** The literal text around the placeholders: one more than {@link #slots}. */
    private final String[] literals;
    /** For each placeholder, the index of its variable in the list given to {@link #parse}. */
    private final int[] slots;
    private final int literalLength;
    private final Optional<Scope> fixed;

    private ScopeTemplate(String source, String[] literals, int[] slots) {
        this.source = source;
        this.literals = literals;
        this.slots = slots;
        int length = 0;
        for (String literal : literals) {
            length += literal.length();
        }
        this.literalLength = length;
        this.fixed = slots.length == 0 ? Optional.of(Scope.of(source)) : Optional.empty();
    }

    /**
     * Parses a template whose placeholders all name one of {@code variables}.
     *
     * @param template the scope as written, with {@code {name}} placeholders
     * @param variables the names a placeholder may use; {@link #bind} takes their values in this order
     * @return the template
     * @throws InvalidScopeException if a placeholder is unclosed or unknown, or the template is not
     *     a concrete scope once its placeholders are filled with valid segments
     */
    public static ScopeTemplate parse(String template, List<String> variables) {
        if (template == null) {
            throw new InvalidScopeException("scope is empty");
        }
        List<String> literals = new ArrayList<>();
        List<Integer> slots = new ArrayList<>();
        StringBuilder sample = new StringBuilder(template.length());
        int at = 0;
        while (true) {
            int open = template.indexOf('{', at);
            if (open < 0) {
                literals.add(template.substring(at));
                sample.append(template, at, template.length());
                break;
            }
            int close = template.indexOf('}', open);
            if (close == -1) {
                throw new InvalidScopeException("unclosed '{' in scope " + template);
            }
            String name = template.substring(open + 1, close);
            int slot = variables.indexOf(name);
            if (slot < 0) {
                throw new InvalidScopeException("scope " + template + " uses {" + name
                        + "}, which the path pattern does not define");
            }
            literals.add(template.substring(at, open));
            slots.add(slot);
            sample.append(template, at, open).append('x');
            at = close + 1;
        }
        Scope scope = Scope.parse(sample.toString()).orElseThrow(() ->
                new InvalidScopeException("not a valid scope: " + template));
        if (scope.isWildcard()) {
            throw new InvalidScopeException("a route requires a concrete scope, not a wildcard: " + template);
        }
        return new ScopeTemplate(template, literals.toArray(new String[0]),
                slots.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * Whether the template has placeholders; one without is a fixed scope.
     *
     * @return whether {@link #bind} depends on its values
     */
    public boolean hasVariables() {
        return slots.length > 0;
    }

    /**
     * The scope with each placeholder replaced by its variable's value. Fails closed: a value
     * that is not a valid scope segment (such as {@code W42}, {@code a:b} or {@code *}), or a
     * result longer than {@value Scope#MAX_LENGTH} characters, gives no scope.
     *
     * @param values the variables' values, in the order of the names given to {@link #parse}
     * @return the bound scope, or empty if a value does not fit
     * @throws IndexOutOfBoundsException if {@code values} has fewer entries than there were names
     */
    public Optional<Scope> bind(List<String> values) {
        if (slots.length == 0) {
            return fixed;
        }
        int length = literalLength;
        for (int slot : slots) {
            String value = values.get(slot);
            if (!Scope.isValidSegment(value)) {
                return Optional.empty();
            }
            length += value.length();
        }
        if (length > Scope.MAX_LENGTH) {
            return Optional.empty();
        }
        if (slots.length == 1) {
            return Optional.of(Scope.ofValidated(literals[0] + values.get(slots[0]) + literals[1]));
        }
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < slots.length; i++) {
            out.append(literals[i]).append(values.get(slots[i]));
        }
        out.append(literals[slots.length]);
        return Optional.of(Scope.ofValidated(out.toString()));
    }

    /**
     * The template as written.
     *
     * @return the template text
     */
    @Override
    public String toString() {
        return source;
    }
}
