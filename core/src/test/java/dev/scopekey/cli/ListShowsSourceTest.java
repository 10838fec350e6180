package dev.scopekey.cli;

import static dev.scopekey.cli.CliHarness.STORE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.PlainToken;
import dev.scopekey.domain.ScopeSet;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.domain.TokenSource;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code list} shows where each token comes from in a SOURCE column. */
class ListShowsSourceTest {
    @TempDir
    Path dir;

    @Test
    void list_inAChildJvm_hasASourceColumn() throws Exception {
        ChildCli cli = new ChildCli(dir);
        assertEquals(0, cli.run("", "mint", "--store=file:t", "--init", "--scope", "a:b", "--quiet").exit());

        ChildCli.Run run = cli.run("", "list", "--store=file:t");

        assertEquals(0, run.exit(), run::toString);
        List<String> lines = run.out().lines().toList();
        int column = lines.get(0).indexOf("SOURCE");
        assertTrue(column > 0, run::toString);
        assertTrue(lines.get(1).startsWith("store", column), run::toString);
    }

    @Test
    void list_showsEachRecordsOwnSource() {
        CliHarness cli = new CliHarness();
        PlainToken config = PlainToken.of("config-provided-token-0123456789");
        cli.preload(TokenRecord.builder(config.prefix(), config.hash(), ScopeSet.root())
                .name("break-glass")
                .source(TokenSource.CONFIG)
                .build());

        CliHarness.Result result = cli.run("list", STORE);

        assertEquals(0, result.exit(), result::toString);
        List<String> lines = result.outLines();
        assertTrue(lines.get(1).startsWith("config", lines.get(0).indexOf("SOURCE")), result::toString);
    }
}
