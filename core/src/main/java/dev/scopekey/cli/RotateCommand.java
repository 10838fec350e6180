package dev.scopekey.cli;

import dev.scopekey.domain.TokenRecord;
import dev.scopekey.service.MintedToken;
import dev.scopekey.service.Outcome;
import java.time.Duration;
import java.util.List;

/** {@code rotate}: mints a successor of a token and retires the old one after a grace period. */
final class RotateCommand implements Command {

    @Override
    public String name() {
        return "rotate";
    }

    @Override
    public String summary() {
        return "mint a successor of a token and retire the old one";
    }

    @Override
    public String usage() {
        return "--store STORE PREFIX [--grace DURATION] [--brand BRAND] [--quiet | --json]";
    }

    @Override
    public String description() {
        return "Mints a successor with the same scopes, name and subject (and the same lifetime, if the\n"
                + "old token had one) and retires the old token after the grace period (default 0: at once).\n"
                + "Prints the successor like 'mint', then 'replaces' and 'retires' lines (left out with --quiet);\n"
                + "with --json, one JSON object: the token, its record, replaces and retires.";
    }

    @Override
    public List<Option> options() {
        return List.of(
                Option.value("grace", "DURATION", "how long the old token keeps working, such as 1h; default 0"),
                Option.value("brand", "BRAND", "the successor's leading word, [a-z][a-z0-9]{1,15}; default sk"),
                Option.flag("quiet", "print only the new token"),
                OptionValues.JSON);
    }

    @Override
    public int run(Arguments args, CliContext context) throws UsageException {
        String prefix = args.single("a token prefix");
        Duration grace = OptionValues.duration(args, "grace", true);
        String brand = OptionValues.brand(args);
        OptionValues.Output output = OptionValues.output(args);
        Outcome<MintedToken> successor = context.service(brand)
                .rotate(CliContext.OPERATOR, prefix, grace == null ? Duration.ZERO : grace);
        if (!successor.isDone()) {
            return context.refused(successor.refusal());
        }
        if (output == OptionValues.Output.JSON) {
            JsonObject json = TokenDetails.mintedJson(context, successor.value());
            TokenRecord old = replaced(context, prefix);
            context.out.println((old == null ? json : json.put("replaces", old.prefix()).put("retires", old.revokedAt()))
                    .end());
            return ScopeKeyCli.EXIT_OK;
        }
        TokenDetails.printMinted(context, successor.value(), output == OptionValues.Output.QUIET);
        TokenRecord old = output == OptionValues.Output.QUIET ? null : replaced(context, prefix);
        if (old != null) {
            TokenDetails.field(context.out, "replaces", old.prefix());
            TokenDetails.field(context.out, "retires", TokenDetails.time(old.revokedAt()));
        }
        return ScopeKeyCli.EXIT_OK;
    }

    /** The token the rotation retires, or null if the prefix no longer names exactly one. */
    private static TokenRecord replaced(CliContext context, String prefix) {
        List<TokenRecord> old = context.store().findByPrefix(prefix);
        return old.size() == 1 ? old.get(0) : null;
    }
}
