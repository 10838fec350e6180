package dev.scopekey.cli;

import static dev.scopekey.cli.CliHarness.prefixOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The CLI in-process against a real database: H2 in memory, its driver found by DriverManager. */
class JdbcStoreCliTest {
    private final CliHarness cli = new CliHarness();
    private String url;
    private String store;

    @BeforeEach
    void useAFreshDatabase() {
        url = "jdbc:h2:mem:cli-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        store = "--store=" + url;
        cli.realStores = true;
        cli.storeArg = store;
    }

    @Test
    void migrate_createsTheSchemaOnce() {
        CliHarness.Result first = cli.run("migrate", store);
        CliHarness.Result second = cli.run("migrate", store);

        assertEquals(0, first.exit(), first::toString);
        assertEquals("applied V1__tokens\napplied V2__token_restrictions\n", first.out());
        assertEquals(0, second.exit(), second::toString);
        assertEquals("the schema is up to date\n", second.out());
    }

    @Test
    void mintListVerifyRevokeRotate_workAgainstTheDatabase() {
        assertEquals(0, cli.run("migrate", store).exit());
        String token = cli.mint("--scope", "kafka:read", "--subject", "alice");

        assertTrue(cli.run("list", store).out().contains(prefixOf(token)));
        assertEquals(0, cli.verify(token, "--scope", "kafka:read").exit());
        String successor = cli.run("rotate", store, prefixOf(token), "--quiet").outLines().get(0);
        assertEquals(1, cli.verify(token).exit());
        assertEquals(0, cli.verify(successor).exit());
        assertEquals(0, cli.run("revoke", store, "--subject", "alice").exit());
        CliHarness.Result after = cli.verify(successor);
        assertEquals(1, after.exit(), after::toString);
        assertEquals("invalid token (revoked)\n", after.err());
    }

    @Test
    void aDatabaseWithoutTheSchema_failsWithExit1_andSuggestsMigrate() {
        CliHarness.Result result = cli.run("list", store);

        assertEquals(1, result.exit(), result::toString);
        assertTrue(result.err().startsWith("store error: the token database could not list tokens"), result::toString);
        assertTrue(result.err().contains("migrate --store jdbc:"), result::toString);
    }

    @Test
    void aUrlNoDriverAccepts_failsWithExit1_namingTheFix_butNotTheUrl() {
        CliHarness.Result result = cli.run("list", "--store=jdbc:nosuchdb://db.example/app?password=hunter2");

        assertEquals(1, result.exit(), result::toString);
        assertTrue(result.err().contains("no JDBC driver on the class path accepts this URL"), result::toString);
        assertFalse(result.err().contains("hunter2"), result::toString);
    }

    @Test
    void credentialsFromTheEnvironment_areUsed_andNeverPrinted() {
        cli.env.put(Stores.USER_ENV, "owner");
        cli.env.put(Stores.PASSWORD_ENV, "right-password");
        assertEquals(0, cli.run("migrate", store).exit());

        cli.env.put(Stores.PASSWORD_ENV, "wrong-password");
        CliHarness.Result refused = cli.run("list", store);

        assertEquals(1, refused.exit(), refused::toString);
        assertFalse(refused.err().contains("wrong-password"), refused::toString);
        cli.env.put(Stores.PASSWORD_ENV, "right-password");
        assertEquals(0, cli.run("list", store).exit());
    }
}
