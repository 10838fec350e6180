package dev.scopekey.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store failure tells the operator what failed and what to do: the JDBC driver's own message
 * (secrets stripped), not only an SQLState, and no chain of exception class names.
 */
class StoreErrorsSayWhatFailedTest {
    @TempDir
    Path dir;

    @Test
    void aDatabaseWithoutTheSchema_showsTheDriversMessage_andSuggestsMigrate() throws Exception {
        ChildCli.Run run = new ChildCli(dir).run("", "list", "--store=jdbc:h2:mem:none");

        assertEquals(1, run.exit(), run::toString);
        assertTrue(run.err().contains("SCOPEKEY_TOKENS"), "the driver's message, naming the table:\n" + run);
        assertTrue(run.err().contains("migrate --store jdbc:"), run::toString);
    }

    @Test
    void verify_onAFailingDatabase_saysWhatFailedAndWhatToDo_notAChainOfClassNames() throws Exception {
        ChildCli.Run run = new ChildCli(dir).withoutLoggingBackend()
                .run("sk_000000000000000000000000000000000000000000000000000\n",
                "verify", "--store=jdbc:h2:mem:none");

        assertEquals(1, run.exit(), run::toString);
        assertEquals("", run.out());
        assertFalse(run.err().contains("unavailable: token store unavailable"), run::toString);
        assertFalse(run.err().contains("TokenStoreException"), run::toString);
        assertTrue(run.err().contains("SCOPEKEY_TOKENS"), "the driver's message:\n" + run);
        assertTrue(run.err().contains("migrate --store jdbc:"), run::toString);
    }

    @Test
    void aRefusedLogin_showsTheDriversMessage_withoutThePassword() throws Exception {
        String database = "jdbc:h2:" + dir.resolve("db");
        ChildCli owner = new ChildCli(dir).env(Stores.USER_ENV, "owner").env(Stores.PASSWORD_ENV, "right-password");
        assertEquals(0, owner.run("", "migrate", "--store=" + database).exit());

        ChildCli.Run run = new ChildCli(dir).env(Stores.USER_ENV, "owner")
                .run("", "list", "--store=" + database + ";PASSWORD=hunter2-wrong");

        assertEquals(1, run.exit(), run::toString);
        assertTrue(run.err().toLowerCase(Locale.ROOT).contains("wrong user name or password"),
                "the driver's message:\n" + run);
        assertFalse(run.err().contains("hunter2"), run::toString);
    }
}
