package dev.scopekey.cli;

import dev.scopekey.domain.ScopeKeyException;
import dev.scopekey.port.TokenStoreException;
import java.io.Console;
import java.io.InputStream;
import java.io.PrintStream;
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
    private static final Option CREATE = Option.flag("create",
            "create the token file (mode 0600) if it does not exist; without it a missing file is an error");
    private static final List<Command> COMMANDS = List.of(new MintCommand(), new ListCommand(),
            new RevokeCommand(), new RotateCommand(), new PruneCommand(), new UpdateCommand(), new VerifyCommand(),
            new MigrateCommand());

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
            return unknownCommand(args[0]);
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (asksForHelp(rest)) {
            printHelp(command, out);
            return EXIT_OK;
        }
        try {
            Arguments arguments = Arguments.parse(rest, options(command));
            try (CliContext context = new CliContext(in, out, err, clock, console, opener, storeSpec(arguments))) {
                return command.run(arguments, context);
            }
        } catch (UsageException e) {
            return usageError(command, e.getMessage());
        } catch (TokenStoreException e) {
            StoreFailure.report(e, err);
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
        StoreSpec spec;
        try {
            spec = StoreSpec.parse(text.strip());
        } catch (IllegalArgumentException e) {
            throw new UsageException("--store: " + e.getMessage());
        }
        if (!arguments.has("create") && !arguments.has("init")) {
            return spec;
        }
        if (spec.kind() != StoreSpec.Kind.FILE) {
            throw new UsageException("--create is for file: stores; a database's tables are created by migrate");
        }
        return spec.creating();
    }

    /** What a command accepts: its own options, then {@code --store} and {@code --create}. */
    private static List<Option> options(Command command) {
        List<Option> options = new ArrayList<>(command.options());
        options.add(STORE);
        if (!(command instanceof MigrateCommand)) {
            options.add(CREATE);
        }
        return options;
    }

    private int help(List<String> topics) {
        if (topics.isEmpty()) {
            printOverview(out);
            return EXIT_OK;
        }
        if (topics.size() != 1) {
            return usageError(null, "help takes one command name");
        }
        if (isHelp(topics.get(0))) {
            printOverview(out);
            return EXIT_OK;
        }
        Command command = find(topics.get(0));
        if (command == null) {
            return unknownCommand(topics.get(0));
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

    /** Names the unknown command only when it looks like one (so a token is not echoed), and the nearest. */
    private int unknownCommand(String name) {
        List<String> names = new ArrayList<>();
        for (Command command : COMMANDS) {
            names.add(command.name());
        }
        names.add("help");
        return usageError(null, "unknown command" + (name.matches("[a-z-]{1,20}") ? " " + name : "")
                + NearestName.of(name, names).map(nearest -> "; did you mean " + nearest + "?").orElse(""));
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
        String usage = "Usage: ";
        for (String form : command.usage().split("\n")) {
            to.println(usage + PROGRAM + " " + command.name() + " " + form);
            usage = "   or: ";
        }
        to.println();
        to.println(command.description());
        to.println();
        to.println("Options:");
        for (Option option : options(command)) {
            to.printf("  %-20s %s%n", option.synopsis(), option.help());
        }
        to.printf("  %-20s %s%n", "-h, --help", "show this help");
    }
}
