package dev.scopekey.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scopekey.domain.PlainToken;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.port.TokenStore;
import dev.scopekey.store.memory.InMemoryTokenStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the CLI in-process against an in-memory store, with given standard input and a clock the
 * test moves, and captures exit code, standard output and standard error.
 */
final class CliHarness {
    static final String STORE = "--store=file:tokens";

    InMemoryTokenStore memory = new InMemoryTokenStore();
    final List<StoreSpec> opened = new ArrayList<>();
    final Map<String, String> env = new HashMap<>();
    TokenStore store = memory;
    /** Whether runs open real stores (token files, databases) instead of {@link #store}. */
    boolean realStores;
    /** The {@code --store} argument {@link #mint} and {@link #verify} pass. */
    String storeArg = STORE;
    Instant now = Instant.parse("2030-01-01T00:00:00Z");

    /** What one run produced. */
    record Result(int exit, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    Result run(String... args) {
        return runWithInput("", args);
    }

    Result runWithInput(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            StoreOpener opener = spec -> {
                opened.add(spec);
                return realStores ? new Stores(env, errStream).open(spec) : store;
            };
            exit = new ScopeKeyCli(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), outStream,
                    errStream, Clock.fixed(now, ZoneOffset.UTC), null, opener, env).run(args);
        }
        return new Result(exit, out.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"),
                err.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"));
    }

    /** Mints with {@code --quiet} and the given extra arguments; returns the token. */
    String mint(String... extra) {
        List<String> args = new ArrayList<>(List.of("mint", storeArg, "--quiet"));
        args.addAll(List.of(extra));
        Result result = run(args.toArray(String[]::new));
        assertEquals(0, result.exit(), result::toString);
        return result.outLines().get(0);
    }

    Result verify(String token, String... extra) {
        List<String> args = new ArrayList<>(List.of("verify", storeArg));
        args.addAll(List.of(extra));
        return runWithInput(token + "\n", args.toArray(String[]::new));
    }

    /** Starts over with a store holding these records, which may share display prefixes. */
    void preload(TokenRecord... records) {
        memory = InMemoryTokenStore.withRecords(List.of(records));
        store = memory;
    }

    void advance(Duration by) {
        now = now.plus(by);
    }

    /** The single stored record with this display prefix. */
    TokenRecord record(String prefix) {
        List<TokenRecord> found = memory.findByPrefix(prefix);
        assertEquals(1, found.size(), "records with prefix " + prefix);
        return found.get(0);
    }

    static String prefixOf(String token) {
        return PlainToken.of(token).prefix();
    }
}
