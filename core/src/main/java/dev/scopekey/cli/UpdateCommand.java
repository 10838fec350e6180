package dev.scopekey.cli;

import dev.scopekey.domain.TokenRecord;
import dev.scopekey.domain.TokenUpdate;
import dev.scopekey.service.Outcome;
import java.util.List;

/**
 * {@code update}: changes a token's name, address allow-list, rate limit, or disables and enables
 * it, without rotating it.
 */
final class UpdateCommand implements Command {

    @Override
    public String name() {
        return "update";
    }

    @Override
    public String summary() {
        return "rename, restrict, disable or enable a token, without rotating it";
    }

    @Override
    public String usage() {
        return "--store STORE PREFIX [--name NAME] [--allow-from CIDR,...|none] [--rate RATE|none] "
                + "[--disable|--enable]";
    }

    @Override
    public String description() {
        return "Changes the live token with this display prefix (as 'list' shows it) in place: the same\n"
                + "token keeps working with its new name, allow-list and rate limit; a disabled one is refused\n"
                + "until it is enabled again. 'none' clears an allow-list or a rate limit. Every change is audited.";
    }

    @Override
    public List<Option> options() {
        return List.of(Option.value("name", "NAME", "a new label, at most 100 characters"),
                Option.value("allow-from", "CIDR,...", "the addresses and CIDR ranges it may be used from, or none"),
                Option.value("rate", "RATE", "its own request limit per instance, such as 100/minute, or none"),
                Option.flag("disable", "refuse the token until it is enabled"),
                Option.flag("enable", "accept a disabled token again"));
    }

    @Override
    public int run(Arguments args, CliContext context) throws UsageException {
        String prefix = args.single("a token prefix");
        if (args.has("disable") && args.has("enable")) {
            throw new UsageException("give --disable or --enable, not both");
        }
        TokenUpdate update = TokenUpdate.none();
        if (args.has("name")) {
            update = update.name(args.value("name"));
        }
        if (args.has("allow-from")) {
            update = update.allowedAddresses(OptionValues.addresses(args, "allow-from", true));
        }
        if (args.has("rate")) {
            update = update.rateLimit(OptionValues.rate(args, "rate", true));
        }
        if (args.has("disable") || args.has("enable")) {
            update = update.disabled(args.has("disable"));
        }
        if (update.isEmpty()) {
            throw new UsageException("give at least one of --name, --allow-from, --rate, --disable, --enable");
        }
        Outcome<TokenRecord> updated = context.service(null).update(CliContext.OPERATOR, prefix, update);
        if (!updated.isDone()) {
            return context.refused(updated.refusal());
        }
        context.out.println("updated " + updated.value().prefix());
        return ScopeKeyCli.EXIT_OK;
    }
}
