package dev.scopekey.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlScriptTest {
    @Test
    void statements_splitAtSemicolons_andDropLineComments() {
        String script = "-- a comment; not a statement\nCREATE TABLE a (x INT);\n\n"
                + "CREATE INDEX i ON a (x) -- trailing; comment\n;\n-- the end\n";

        assertEquals(List.of("CREATE TABLE a (x INT)", "CREATE INDEX i ON a (x)"), SqlScript.statements(script));
    }

    @Test
    void semicolonsAndDashesInsideQuotes_belongToTheStatement() {
        String script = "INSERT INTO t VALUES ('a;b', '--c');CREATE TABLE \"odd;name\" (x INT)";

        assertEquals(List.of("INSERT INTO t VALUES ('a;b', '--c')", "CREATE TABLE \"odd;name\" (x INT)"),
                SqlScript.statements(script));
    }
}
