package dev.scopekey.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The shipped scripts: Flyway names, one per listed migration, the same versions for every dialect. */
class JdbcMigrationsResourcesTest {
    @ParameterizedTest
    @EnumSource(Dialect.class)
    void everyScriptOfADialect_isAListedMigrationInFlywayNaming(Dialect dialect) throws IOException, URISyntaxException {
        URL folder = getClass().getClassLoader().getResource(dialect.migrationDirectory());
        List<String> names;
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            names = files.map(f -> f.getFileName().toString()).sorted().collect(Collectors.toList());
        }
        List<String> expected = new ArrayList<>();
        for (String migration : JdbcMigrations.MIGRATIONS) {
            expected.add(migration + ".sql");
        }
        assertEquals(expected, names);
        for (String name : names) {
            assertTrue(name.matches("V[1-9][0-9]*__[a-z0-9_]+\\.sql"), name);
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void everyStatement_onlyCreatesWhatIsMissing(Dialect dialect) {
        for (String migration : JdbcMigrations.MIGRATIONS) {
            List<String> statements = SqlScript.statements(JdbcMigrations.script(dialect, migration));
            assertFalse(statements.isEmpty());
            for (String statement : statements) {
                boolean onlyMissing = statement.matches("(?s)CREATE (TABLE|INDEX) IF NOT EXISTS .*")
                        || statement.matches("(?s)ALTER TABLE scopekey_tokens ADD COLUMN IF NOT EXISTS [a-z_]+ [^,]*")
                        // MySQL has no ADD COLUMN IF NOT EXISTS: one statement adds every column or none
                        || dialect == Dialect.MARIADB && statements.size() == 1
                        && statement.matches("(?s)ALTER TABLE scopekey_tokens\\s+ADD COLUMN [^;]*");
                assertTrue(onlyMissing, statement);
            }
        }
    }
}
