package dev.scopekey.cli;

import dev.scopekey.testing.FailingStore;
import static dev.scopekey.cli.CliHarness.STORE;
import static dev.scopekey.cli.CliHarness.prefixOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.ScopeSet;
import dev.scopekey.domain.TokenFormat;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.domain.TokenSource;
import dev.scopekey.port.TokenQuery;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MintCommandTest {
    private final CliHarness cli = new CliHarness();

    @Test
    void mint_printsTheTokenAloneOnTheFirstLine_thenItsDetails() {
        CliHarness.Result result = cli.run("mint", STORE, "--scope", "kafka:read", "--name", "ci");

        assertEquals(0, result.exit(), result::toString);
        List<String> lines = result.outLines();
        String token = lines.get(0);
        assertTrue(TokenFormat.isValidMinted(token), "first line is a whole minted token");
        assertEquals(List.of("prefix:   " + prefixOf(token), "scopes:   kafka:read", "name:     ci",
                "subject:  -", "created:  2030-01-01T00:00:00Z", "expires:  never"), lines.subList(1, lines.size()));
        assertEquals(ScopeSet.parseList("kafka:read"), cli.record(prefixOf(token)).scopes());
    }

    @Test
    void mint_printsTheTokenExactlyOnceOnStdout_andNeverOnStderr() {
        CliHarness.Result result = cli.run("mint", STORE, "--scope", "a:b");

        String token = result.outLines().get(0);
        assertEquals(result.out().indexOf(token), result.out().lastIndexOf(token));
        assertFalse(result.err().contains(token), result::toString);
        assertFalse(result.err().contains(token.substring(prefixOf(token).length())), "no part of the secret");
        assertTrue(result.err().contains("shown only this once"), result::toString);
    }

    @Test
    void mint_quiet_printsOnlyTheToken() {
        CliHarness.Result result = cli.run("mint", STORE, "--scope", "a:b", "--quiet");

        assertEquals(0, result.exit());
        assertEquals(1, result.outLines().size(), result::toString);
        assertTrue(TokenFormat.isValidMinted(result.outLines().get(0)));
        assertEquals("", result.err());
    }

    @Test
    void mint_takesRepeatedAndCommaSeparatedScopes() {
        String token = cli.mint("--scope", "a:b, c:d", "--scope=e:*");

        assertEquals(ScopeSet.parseList("a:b,c:d,e:*"), cli.record(prefixOf(token)).scopes());
    }

    @Test
    void mint_root_createsAStoreTokenHoldingTheRootScope() {
        String token = cli.mint("--root", "--name", "admin");

        TokenRecord record = cli.record(prefixOf(token));
        assertTrue(record.scopes().isRoot());
        assertEquals(TokenSource.STORE, record.source());
        assertEquals("cli", record.createdBy());
    }

    @Test
    void mint_storesNameSubjectAndExpiry() {
        String token = cli.mint("--scope", "a:b", "--name", "deploy bot", "--subject", "org-42", "--expires", "30d");

        TokenRecord record = cli.record(prefixOf(token));
        assertEquals("deploy bot", record.name());
        assertEquals("org-42", record.subject());
        assertEquals(cli.now.plus(Duration.ofDays(30)), record.expiresAt());
    }

    @Test
    void mint_withoutExpires_neverExpires() {
        assertNull(cli.record(prefixOf(cli.mint("--scope", "a:b"))).expiresAt());
    }

    @Test
    void mint_withBrand_mintsTokensOfThatBrand() {
        String token = cli.mint("--scope", "a:b", "--brand", "acme");

        assertTrue(token.startsWith("acme_"), "brand");
        assertTrue(TokenFormat.isValidMinted(token));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--root,--scope=a:b", "--scope=*", "--scope=a:b,*", "--name=x", "--scope=a:b,--expires=0d",
            "--scope=a:b,--expires=soon", "--scope=a:b,--expires=-5d", "--scope=a:b,--brand=Acme",
            "--scope=a:b,stray", "--scope=a:b,--root=yes", "--scope=a:b,--name=x,--name=y", "--scope"})
    void mint_withAMalformedCommandLine_isAUsageError_andTouchesNoStore(String args) {
        List<String> argv = new java.util.ArrayList<>(List.of("mint", STORE));
        argv.addAll(List.of(args.split(",")));

        CliHarness.Result result = cli.run(argv.toArray(String[]::new));

        assertEquals(2, result.exit(), result::toString);
        assertEquals("", result.out());
        assertTrue(result.err().startsWith("scopekey mint: "), result::toString);
        assertTrue(cli.opened.isEmpty(), "the store is not opened");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Kafka:Read", "a::b", "auth:tokens", "auth:tokens:write", "a:b,"})
    void mint_ofAScopeTheServiceRejects_isRefused_andMintsNothing(String scopes) {
        CliHarness.Result result = cli.run("mint", STORE, "--scope", scopes);

        assertEquals(1, result.exit(), result::toString);
        assertEquals("", result.out());
        assertTrue(result.err().startsWith("refused (invalid_request): "), result::toString);
        assertTrue(cli.memory.list(TokenQuery.all()).isEmpty());
    }

    @Test
    void mint_ofANameOver100Characters_isRefused() {
        CliHarness.Result result = cli.run("mint", STORE, "--scope", "a:b", "--name", "n".repeat(101));

        assertEquals(1, result.exit(), result::toString);
        assertTrue(result.err().contains("name must be 1 to 100 characters"), result::toString);
    }

    @Test
    void mint_whenTheStoreCannotPersist_failsWithExit1_andPrintsNoToken() {
        cli.store = new FailingStore();

        CliHarness.Result result = cli.run("mint", STORE, "--scope", "a:b");

        assertEquals(1, result.exit(), result::toString);
        assertEquals("", result.out());
        assertEquals("store error: disk full\n", result.err());
    }
}
