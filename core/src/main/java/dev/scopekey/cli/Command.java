package dev.scopekey.cli;

import java.util.List;

/** One CLI command: its help and what it does. Implementations are stateless. */
interface Command {

    /** The word that selects it: {@code mint}. */
    String name();

    /** One line for the command overview. */
    String summary();

    /**
     * The synopsis after the command name, {@code --store} included; several forms on separate
     * lines. docs/cli.md shows the same.
     */
    String usage();

    /** A few lines on what the command does and prints. */
    String description();

    /** The options it accepts besides {@code --store} and {@code --help}. */
    List<Option> options();

    /**
     * Runs the command.
     *
     * @return the exit code
     * @throws UsageException if the arguments are wrong; thrown before the store is opened
     */
    int run(Arguments args, CliContext context) throws UsageException;
}
