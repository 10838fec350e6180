package dev.scopekey.store.jdbc;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a migration script into statements: at semicolons outside quotes, with {@code --}
 * line comments dropped. Enough for the scripts this library ships (no procedural blocks).
 */
final class SqlScript {
    private SqlScript() {
    }

    /** The statements of {@code script}, trimmed, without empty ones. */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        int i = 0;
        while (i < script.length()) {
            char c = script.charAt(i);
            if (quote != 0) {
                current.append(c);
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
                current.append(c);
            } else if (c == '-' && i + 1 < script.length() && script.charAt(i + 1) == '-') {
                while (i < script.length() && script.charAt(i) != '\n') {
                    i++;
                }
                continue;
            } else if (c == ';') {
                add(statements, current);
            } else {
                current.append(c);
            }
            i++;
        }
        add(statements, current);
        return statements;
    }

    private static void add(List<String> statements, StringBuilder current) {
        String statement = current.toString().strip();
        if (!statement.isEmpty()) {
            statements.add(statement);
        }
        current.setLength(0);
    }
}
