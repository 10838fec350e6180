package dev.scopekey.cli;

import dev.scopekey.domain.DurationText;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.service.Outcome;
import dev.scopekey.service.TokenService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@code prune}: removes tokens revoked or expired longer ago than a given age, or lists them with --dry-run. */
final class PruneCommand implements Command {

    @Override
    public String name() {
        return "prune";
    }

    @Override
    public String summary() {
        return "remove tokens revoked or expired long ago";
    }

    @Override
    public String usage() {
        return "--store STORE --older-than DURATION [--dry-run] [--json]";
    }

    @Override
    public String description() {
        return "Removes from the store every token revoked or expired more than --older-than ago (such as\n"
                + "30d), printing 'pruned <prefix>' for each and a count. Live tokens and tokens that ended\n"
                + "more recently are never touched; a token file keeps every other line as written. With\n"
                + "--dry-run, prints what would go ('would prune <prefix>') and removes nothing.";
    }

    @Override
    public List<Option> options() {
        return List.of(
                Option.value("older-than", "DURATION", "how long ago a token must have ended: 30d, 12h, 2w; 0 for any"),
                Option.flag("dry-run", "list what would be pruned, remove nothing"),
                OptionValues.JSON);
    }

    @Override
    public int run(Arguments args, CliContext context) throws UsageException {
        args.noPositionals();
        Duration olderThan = OptionValues.duration(args, "older-than", true);
        if (olderThan == null) {
            throw new UsageException("give --older-than, such as --older-than 30d");
        }
        boolean dryRun = args.has("dry-run");
        TokenService service = context.service(null);
        Outcome<List<TokenRecord>> outcome = dryRun ? service.prunable(CliContext.OPERATOR, olderThan)
                : service.prune(CliContext.OPERATOR, olderThan);
        if (!outcome.isDone()) {
            return context.refused(outcome.refusal());
        }
        List<String> prefixes = new ArrayList<>();
        for (TokenRecord record : outcome.value()) {
            prefixes.add(record.prefix());
        }
        prefixes.sort(null);
        if (args.has("json")) {
            context.out.println(JsonObject.object().put("dryRun", dryRun)
                    .put("olderThan", DurationText.format(olderThan))
                    .put("cutoff", context.now().minus(olderThan))
                    .put("pruned", prefixes).end());
            return ScopeKeyCli.EXIT_OK;
        }
        for (String prefix : prefixes) {
            context.out.println((dryRun ? "would prune " : "pruned ") + TokenDetails.printable(prefix));
        }
        context.out.println((dryRun ? "would prune " : "pruned ") + prefixes.size()
                + (prefixes.size() == 1 ? " token" : " tokens") + " revoked or expired more than "
                + DurationText.format(olderThan) + " ago");
        return ScopeKeyCli.EXIT_OK;
    }
}
