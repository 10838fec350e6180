package dev.scopekey.cli;

import dev.scopekey.domain.ScopeKeyException;
import dev.scopekey.port.TokenStoreException;
import java.io.Console;
import java.io.InputStream;
import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The operator command line: {@code java -jar scopekey-core.jar <command> --store STORE …}
 * mints, lists, revokes, rotates and verifies tokens directly against a token file or database
 * (and migrates a database's schema),
 * as the operator (who alone may mint root tokens). A minted token is printed once, on standard
 * output; standard error never carries a secret. Exit codes: {@value #EXIT_OK} done,
 * {@value #EXIT_REFUSED} refused or failed, {@value #EXIT_USAGE} a wrong command line.
 */
public final class ScopeKeyCli {
    /** The command did what was asked. */
    public static final int EXIT_OK = 0;
    /** The command was understood but refused: a rule, an invalid or denied token, a store failure. */
    public static final int EXIT_REFUSED = 1;
    /** The command line is wrong: unknown command or option, missing or malformed value. */
    public static final int EXIT_USAGE = 2;
    /** The environment variable read when {@code --store} is not given. */
    public static final String STORE_ENV = "SCOPEKEY_STORE";

    static final String PROGRAM = "scopekey";
    /** Keeps SLF4J from warning on stderr that no logging backend is bound; audit lines need one. */
    private static final String SLF4J_VERBOSITY = "slf4j.internal.verbosity";
    private static final Option STORE = Option.value("store", "STORE",
            "where the tokens live: file:PATH or jdbc:URL (default: $" + STORE_ENV + ")");
    private static final List<Command> COMMANDS = List.of(new MintCommand(), new ListCommand(),
            new RevokeCommand(), new RotateCommand(), new VerifyCommand(), new MigrateCommand());

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;
    private final Console console;
    private final StoreOpener opener;
    private final Map<String, String> env;

    ScopeKeyCli(InputStream in, PrintStream out, PrintStream err, Clock clock, Console console,
                StoreOpener opener, Map<String, String> env) {
        this.in = Objects.requireNonNull(in, "in");
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.console = console;
        this.opener = Objects.requireNonNull(opener, "opener");
        this.env = Map.copyOf(env);
    }

    /**
     * Runs one command against the process's streams, environment and real stores, then exits
     * with its code. Audit events go to SLF4J: put a binding on the class path to see them.
     *
     * @param args the command and its options
     */
    public static void main(String[] args) {
        if (System.getProperty(SLF4J_VERBOSITY) == null) {
            System.setProperty(SLF4J_VERBOSITY, "ERROR");
        }
        System.exit(new ScopeKeyCli(System.in, System.out, System.err, Clock.systemUTC(), System.console(),
                new Stores(System.getenv(), System.err), System.getenv()).run(args));
    }

    /**
     * Runs one command.
     *
     * @param args the command and its options
     * @return the exit code: {@value #EXIT_OK}, {@value #EXIT_REFUSED} or {@value #EXIT_USAGE}
     */
    public int run(String... args) {
        if (args.length == 0) {
            printOverview(err);
            return EXIT_USAGE;
        }
        if (isHelp(args[0])) {
            return help(Arrays.asList(args).subList(1, args.length));
        }
        Command command = find(args[0]);
        if (command == null) {
            return usageError(null, "unknown command" + (args[0].matches("[a-z-]{1,20}") ? " " + args[0] : ""));
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (asksForHelp(rest)) {
            printHelp(command, out);
            return EXIT_OK;
        }
        try {
            List<Option> accepted = new ArrayList<>(command.options());
            accepted.add(STORE);
            Arguments arguments = Arguments.parse(rest, accepted);
            try (CliContext context = new CliContext(in, out, err, clock, console, opener, storeSpec(arguments))) {
                return command.run(arguments, context);
            }
        } catch (UsageException e) {
            return usageError(command, e.getMessage());
        } catch (TokenStoreException e) {
            err.println("store error: " + e.getMessage());
            if (e.getCause() instanceof SQLException && isSchemaProblem((SQLException) e.getCause())) {
                err.println("Has the schema been created? Run '" + PROGRAM + " migrate --store jdbc:...' first.");
            }
            return EXIT_REFUSED;
        } catch (ScopeKeyException e) {
            err.println("error: " + e.getMessage());
            return EXIT_REFUSED;
        } catch (RuntimeException e) {
            err.println("unexpected error: " + e.getClass().getName());
            return EXIT_REFUSED;
        }
    }

    private StoreSpec storeSpec(Arguments arguments) throws UsageException {
        String text = arguments.has("store") ? arguments.value("store") : env.get(STORE_ENV);
        if (text == null || text.isBlank()) {
            throw new UsageException("--store is required (file:PATH or jdbc:URL), or set " + STORE_ENV);
        }
        try {
            return StoreSpec.parse(text.strip());
        } catch (IllegalArgumentException e) {
            throw new UsageException("--store: " + e.getMessage());
        }
    }

    /** SQLState class 42: syntax error or access rule violation, such as a missing table. */
    private static boolean isSchemaProblem(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("42");
    }

    private int help(List<String> topics) {
        if (topics.isEmpty()) {
            printOverview(out);
            return EXIT_OK;
        }
        Command command = topics.size() == 1 ? find(topics.get(0)) : null;
        if (command == null) {
            return usageError(null, "help takes one command name");
        }
        printHelp(command, out);
        return EXIT_OK;
    }

    private int usageError(Command command, String message) {
        String program = command == null ? PROGRAM : PROGRAM + " " + command.name();
        err.println(program + ": " + message);
        err.println("Run '" + program + " --help' for usage.");
        return EXIT_USAGE;
    }

    private static Command find(String name) {
        for (Command command : COMMANDS) {
            if (command.name().equals(name)) {
                return command;
            }
        }
        return null;
    }

    private static boolean isHelp(String arg) {
        return arg.equals("help") || arg.equals("--help") || arg.equals("-h");
    }

    private static boolean asksForHelp(List<String> args) {
        for (String arg : args) {
            if (arg.equals("--")) {
                return false;
            }
            if (arg.equals("--help") || arg.equals("-h")) {
                return true;
            }
        }
        return false;
    }

    private static void printOverview(PrintStream to) {
        to.println(PROGRAM + " - mint, list, rotate, verify and revoke scoped API tokens");
        to.println();
        to.println("Usage: java -jar scopekey-core.jar <command> --store STORE [options]");
        to.println("   or: java -cp scopekey-core.jar:<jdbc-driver.jar> dev.scopekey.cli.ScopeKeyCli <command> ...");
        to.println();
        to.println("Commands:");
        for (Command command : COMMANDS) {
            to.printf("  %-8s %s%n", command.name(), command.summary());
        }
        to.printf("  %-8s %s%n", "help", "show help for a command: help <command>, or <command> --help");
        to.println();
        to.println("STORE is file:PATH (a token file) or jdbc:URL (a database, its driver on the class path);");
        to.println("without --store, $" + STORE_ENV + " is used.");
        to.println("Exit codes: " + EXIT_OK + " done, " + EXIT_REFUSED + " refused or failed, " + EXIT_USAGE
                + " usage error.");
    }

    private static void printHelp(Command command, PrintStream to) {
        to.println(("Usage: " + PROGRAM + " " + command.name() + " --store STORE " + command.usage()).strip());
        to.println();
        to.println(command.description());
        to.println();
        to.println("Options:");
        List<Option> options = new ArrayList<>(command.options());
        options.add(STORE);
        for (Option option : options) {
            to.printf("  %-20s %s%n", option.synopsis(), option.help());
        }
        to.printf("  %-20s %s%n", "-h, --help", "show this help");
    }
}
