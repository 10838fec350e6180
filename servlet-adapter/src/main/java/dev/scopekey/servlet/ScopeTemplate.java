package dev.scopekey.servlet;

import dev.scopekey.domain.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The scope of a route rule, possibly with {@code {var}} placeholders that take the values of
 * the path variables of the same name. A bound value that is not a valid scope segment makes
 * the binding fail, so the route denies. Immutable.
 */
final class ScopeTemplate {
    private final String source;
    /** Alternating literal text and variable names; even indexes are literal. */
    private final List<String> parts;

    private ScopeTemplate(String source, List<String> parts) {
        this.source = source;
        this.parts = parts;
    }

    /**
     * Parses a template whose variables must all be among {@code variables}.
     *
     * @throws IllegalArgumentException if a placeholder is unknown or unclosed, or the scope is
     *     not a concrete scope once bound
     */
    static ScopeTemplate parse(String template, List<String> variables) {
        List<String> parts = new ArrayList<>();
        int at = 0;
        while (true) {
            int open = template.indexOf('{', at);
            if (open < 0) {
                parts.add(template.substring(at));
                break;
            }
            int close = template.indexOf('}', open);
            if (close < 0) {
                throw new IllegalArgumentException("unclosed '{' in scope " + template);
            }
            String name = template.substring(open + 1, close);
            if (!variables.contains(name)) {
                throw new IllegalArgumentException("scope " + template + " uses {" + name
                        + "}, which the path pattern does not define");
            }
            parts.add(template.substring(at, open));
            parts.add(name);
            at = close + 1;
        }
        ScopeTemplate result = new ScopeTemplate(template, List.copyOf(parts));
        String sample = result.bindAll("x");
        Scope scope = Scope.parse(sample).orElseThrow(() ->
                new IllegalArgumentException("not a valid scope: " + template));
        if (scope.isWildcard()) {
            throw new IllegalArgumentException("a route requires a concrete scope, not a wildcard: " + template);
        }
        return result;
    }

    /** The scope with variables replaced by their values, or null if a value is not a valid scope segment. */
    String bind(Map<String, String> values) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        StringBuilder out = new StringBuilder(source.length() + 16);
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            if (i % 2 == 0) {
                out.append(part);
            } else {
                String value = values.get(part);
                if (!Scope.isValidSegment(value)) {
                    return null;
                }
                out.append(value);
            }
        }
        String bound = out.toString();
        return Scope.parse(bound).isPresent() ? bound : null;
    }

    private String bindAll(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            out.append(i % 2 == 0 ? parts.get(i) : value);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return source;
    }
}
