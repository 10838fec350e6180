package dev.scopekey.cli;

/**
 * One long option a command accepts.
 *
 * @param name the name without dashes ({@code scope} for {@code --scope})
 * @param valueName what the value is called in help ({@code SCOPE}), or null for a switch
 * @param repeatable whether it may be given more than once
 * @param help one line for the command's help
 */
record Option(String name, String valueName, boolean repeatable, String help) {

    /** An option that takes a value, at most once. */
    static Option value(String name, String valueName, String help) {
        return new Option(name, valueName, false, help);
    }

    /** An option that takes a value and may repeat. */
    static Option repeatable(String name, String valueName, String help) {
        return new Option(name, valueName, true, help);
    }

    /** A switch without a value. */
    static Option flag(String name, String help) {
        return new Option(name, null, false, help);
    }

    boolean takesValue() {
        return valueName != null;
    }

    /** How the option appears in help: {@code --scope SCOPE}. */
    String synopsis() {
        return takesValue() ? "--" + name + " " + valueName : "--" + name;
    }
}
