package dev.scopekey.cli;

import dev.scopekey.domain.AddressList;
import dev.scopekey.domain.DurationText;
import dev.scopekey.domain.RequestRate;
import dev.scopekey.domain.TokenFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reads option values the commands share: durations, brands, scope lists, page sizes. */
final class OptionValues {
    private OptionValues() {
    }

    /**
     * A duration option ({@code 30d}, {@code 12h}, {@code PT1H}), or null when not given.
     *
     * @param zeroAllowed whether {@code 0} is accepted (as {@link Duration#ZERO})
     * @throws UsageException if the value is not a positive duration
     */
    static Duration duration(Arguments args, String name, boolean zeroAllowed) throws UsageException {
        String text = args.value(name);
        if (text == null) {
            return null;
        }
        if (zeroAllowed && text.strip().equals("0")) {
            return Duration.ZERO;
        }
        try {
            return DurationText.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--" + name + ": " + e.getMessage());
        }
    }

    /**
     * The {@code --brand} value, or null when not given.
     *
     * @throws UsageException if it is not a valid brand
     */
    static String brand(Arguments args) throws UsageException {
        String brand = args.value("brand");
        if (brand != null) {
            try {
                TokenFormat.withBrand(brand);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--brand: " + e.getMessage());
            }
        }
        return brand;
    }

    /** The word that clears an allow-list or a rate limit in {@code update}. */
    static final String NONE = "none";

    /**
     * An address allow-list option (comma-separated addresses and CIDR ranges), or null when not
     * given or, where {@code clearable}, given as {@value #NONE}.
     *
     * @throws UsageException if an entry is not an address or range
     */
    static AddressList addresses(Arguments args, String name, boolean clearable) throws UsageException {
        String text = args.value(name);
        if (text == null || clearable && text.strip().equals(NONE)) {
            return null;
        }
        try {
            return AddressList.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--" + name + ": " + e.getMessage());
        }
    }

    /**
     * A rate option ({@code 100/minute}), or null when not given or, where {@code clearable},
     * given as {@value #NONE}.
     *
     * @throws UsageException if the value is not a rate
     */
    static RequestRate rate(Arguments args, String name, boolean clearable) throws UsageException {
        String text = args.value(name);
        if (text == null || clearable && text.strip().equals(NONE)) {
            return null;
        }
        try {
            return RequestRate.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--" + name + ": " + e.getMessage());
        }
    }

    /** Every {@code --scope} value, comma-separated lists split, blanks around commas dropped. */
    static List<String> scopes(Arguments args) {
        List<String> scopes = new ArrayList<>();
        for (String value : args.values("scope")) {
            for (String part : value.split(",", -1)) {
                scopes.add(part.strip());
            }
        }
        return scopes;
    }

    /**
     * A whole number option between {@code min} and {@code max}, or {@code fallback} when not given.
     *
     * @throws UsageException if it is not a number in range
     */
    static int number(Arguments args, String name, int min, int max, int fallback) throws UsageException {
        String text = args.value(name);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--" + name + " must be a whole number from " + min + " to " + max);
    }

    /** How a command that prints a token or records prints them. */
    enum Output {
        /** Lines for people. */
        TEXT,
        /** The token alone ({@code --quiet}). */
        QUIET,
        /** One JSON document ({@code --json}). */
        JSON
    }

    /** The option that selects {@link Output#JSON}. */
    static final Option JSON = Option.flag("json", "print one JSON document on standard output instead");

    /**
     * The output {@code --quiet} and {@code --json} select.
     *
     * @throws UsageException if both are given
     */
    static Output output(Arguments args) throws UsageException {
        if (args.has("json") && args.has("quiet")) {
            throw new UsageException("--json and --quiet exclude each other");
        }
        return args.has("json") ? Output.JSON : args.has("quiet") ? Output.QUIET : Output.TEXT;
    }
}
