package dev.scopekey.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A command's parsed arguments: long options ({@code --name value} or {@code --name=value}),
 * switches, and positionals ({@code --} ends options). Immutable.
 */
final class Arguments {
    private static final Pattern OPTION_NAME = Pattern.compile("--?[a-z][a-z0-9-]{0,30}");

    private final Map<String, List<String>> values;
    private final List<String> positionals;

    private Arguments(Map<String, List<String>> values, List<String> positionals) {
        this.values = values;
        this.positionals = List.copyOf(positionals);
    }

    /**
     * Parses {@code args} against the options a command accepts.
     *
     * @throws UsageException for an unknown option, a missing value, a switch given a value,
     *     or a non-repeatable option given twice
     */
    static Arguments parse(List<String> args, List<Option> accepted) throws UsageException {
        Map<String, Option> byName = new HashMap<>();
        for (Option option : accepted) {
            byName.put(option.name(), option);
        }
        Map<String, List<String>> values = new HashMap<>();
        List<String> positionals = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                positionals.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (!arg.startsWith("-") || arg.equals("-")) {
                positionals.add(arg);
                continue;
            }
            int eq = arg.indexOf('=');
            String flag = eq < 0 ? arg : arg.substring(0, eq);
            Option option = flag.startsWith("--") ? byName.get(flag.substring(2)) : null;
            if (option == null) {
                String hint = NearestName.of(flag.replaceFirst("^--?", ""), byName.keySet())
                        .map(name -> "; did you mean --" + name + "?").orElse("");
                throw new UsageException((OPTION_NAME.matcher(flag).matches()
                        ? "unknown option " + flag : "unknown option") + hint);
            }
            String value = null;
            if (option.takesValue()) {
                if (eq >= 0) {
                    value = arg.substring(eq + 1);
                } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                    value = args.get(++i);
                } else {
                    throw new UsageException(flag + " needs a value (" + option.synopsis() + ")");
                }
            } else if (eq >= 0) {
                throw new UsageException(flag + " takes no value");
            }
            List<String> given = values.computeIfAbsent(option.name(), k -> new ArrayList<>());
            if (!given.isEmpty() && !option.repeatable()) {
                throw new UsageException(flag + " may be given only once");
            }
            given.add(value);
        }
        return new Arguments(values, positionals);
    }

    /** Whether the option or switch was given. */
    boolean has(String name) {
        return values.containsKey(name);
    }

    /** The option's value, or null when it was not given. */
    String value(String name) {
        List<String> given = values.get(name);
        return given == null ? null : given.get(0);
    }

    /** Every value of a repeatable option, in order; empty when not given. */
    List<String> values(String name) {
        return List.copyOf(values.getOrDefault(name, List.of()));
    }

    List<String> positionals() {
        return positionals;
    }

    /**
     * The single positional argument.
     *
     * @throws UsageException if there is none or more than one (the message names {@code what}, never the values)
     */
    String single(String what) throws UsageException {
        if (positionals.size() != 1) {
            throw new UsageException(positionals.isEmpty() ? what + " is required"
                    : "expected one " + what + ", got " + positionals.size() + " arguments");
        }
        return positionals.get(0);
    }

    /**
     * Checks there are no positional arguments.
     *
     * @throws UsageException naming how many there were, never what they were
     */
    void noPositionals() throws UsageException {
        if (!positionals.isEmpty()) {
            throw new UsageException("unexpected argument" + (positionals.size() == 1 ? "" : "s")
                    + " (" + positionals.size() + "); this command takes only options");
        }
    }

    @Override
    public String toString() {
        return "Arguments[options=" + values.keySet() + ", positionals=" + positionals.size() + "]";
    }
}
