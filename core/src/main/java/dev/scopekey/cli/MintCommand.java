package dev.scopekey.cli;

import dev.scopekey.service.MintRequest;
import dev.scopekey.service.MintedToken;
import dev.scopekey.service.Outcome;
import java.time.Duration;
import java.util.List;

/** {@code mint}: creates a token and prints its plaintext, the only time it is ever shown. */
final class MintCommand implements Command {
    private static final String ROOT_SCOPE = "*";

    @Override
    public String name() {
        return "mint";
    }

    @Override
    public String summary() {
        return "mint a token and print it once";
    }

    @Override
    public String usage() {
        return "--store STORE (--scope SCOPE... | --root) [--name NAME] [--subject SUBJECT] [--expires DURATION|never] "
                + "[--default-lifetime DURATION] [--max-lifetime DURATION] [--allow-from CIDR,...] [--rate RATE] "
                + "[--brand BRAND] [--init] [--quiet | --json]";
    }

    @Override
    public String description() {
        return "Mints a token with the given scopes. The token is printed alone on the first line of\n"
                + "standard output, then its prefix, scopes, name, subject, creation and expiry as\n"
                + "'key: value' lines (left out with --quiet); with --json, one JSON object holding the token\n"
                + "and its record. It is never shown again: only its hash is stored.";
    }

    @Override
    public List<Option> options() {
        return List.of(
                Option.repeatable("scope", "SCOPE", "a scope to grant; repeat it or separate scopes with commas"),
                Option.flag("root", "mint a root token (scope *): it administers tokens"),
                Option.value("name", "NAME", "a label, at most 100 characters"),
                Option.value("subject", "SUBJECT", "who the token acts for (a user, an organisation, an agent)"),
                Option.value("expires", "DURATION", "lifetime such as 90s, 15m, 12h, 30d, 2w or PT12H, or never; "
                        + "default: --default-lifetime, else never"),
                Option.value("default-lifetime", "DURATION", "the lifetime when --expires is not given"),
                Option.value("max-lifetime", "DURATION", "refuse a longer --expires (and never, without a default)"),
                Option.value("allow-from", "CIDR,...", "addresses and CIDR ranges the token may be used from"),
                Option.value("rate", "RATE", "the token's own request limit per instance, such as 100/minute"),
                Option.value("brand", "BRAND", "the token's leading word, [a-z][a-z0-9]{1,15}; default sk"),
                Option.flag("init", "create the token file if it does not exist: the first token of a new store"),
                Option.flag("quiet", "print only the token"),
                OptionValues.JSON);
    }

    @Override
    public int run(Arguments args, CliContext context) throws UsageException {
        args.noPositionals();
        List<String> scopes = OptionValues.scopes(args);
        boolean root = args.has("root");
        if (root && !scopes.isEmpty()) {
            throw new UsageException("--root already grants every scope; leave out --scope");
        }
        if (!root && scopes.isEmpty()) {
            throw new UsageException("give at least one --scope, or --root for a root token");
        }
        if (scopes.contains(ROOT_SCOPE)) {
            throw new UsageException("the root scope * is minted with --root, not --scope");
        }
        Duration expires = "never".equals(args.value("expires")) ? MintRequest.NEVER
                : OptionValues.duration(args, "expires", false);
        Duration defaultLifetime = OptionValues.duration(args, "default-lifetime", false);
        Duration maxLifetime = OptionValues.duration(args, "max-lifetime", false);
        if (defaultLifetime != null && maxLifetime != null && defaultLifetime.compareTo(maxLifetime) > 0) {
            throw new UsageException("--default-lifetime is longer than --max-lifetime");
        }
        String brand = OptionValues.brand(args);
        OptionValues.Output output = OptionValues.output(args);
        MintRequest request = new MintRequest(root ? List.of(ROOT_SCOPE) : scopes, args.value("name"),
                args.value("subject"), expires)
                .allowedFrom(OptionValues.addresses(args, "allow-from", false))
                .rateLimitedTo(OptionValues.rate(args, "rate", false));
        Outcome<MintedToken> minted = context.service(brand, builder -> builder
                .defaultLifetime(defaultLifetime).maxLifetime(maxLifetime)).mint(CliContext.OPERATOR, request);
        if (!minted.isDone()) {
            return context.refused(minted.refusal());
        }
        if (output == OptionValues.Output.JSON) {
            context.out.println(TokenDetails.mintedJson(context, minted.value()).end());
        } else {
            TokenDetails.printMinted(context, minted.value(), output == OptionValues.Output.QUIET);
        }
        return ScopeKeyCli.EXIT_OK;
    }
}
