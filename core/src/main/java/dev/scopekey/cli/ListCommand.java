package dev.scopekey.cli;

import dev.scopekey.domain.TokenRecord;
import dev.scopekey.port.TokenQuery;
import dev.scopekey.service.Outcome;
import dev.scopekey.service.TokenPage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@code list}: one page of tokens as a table or a JSON array; never a secret. */
final class ListCommand implements Command {

    @Override
    public String name() {
        return "list";
    }

    @Override
    public String summary() {
        return "list tokens as a table (never a secret)";
    }

    @Override
    public String usage() {
        return "--store STORE [--subject SUBJECT] [--all] [--after PREFIX] [--limit N] [--expiring-within DURATION] [--json]";
    }

    @Override
    public String description() {
        return "Prints live tokens ordered by prefix: prefix, scopes, name, subject, created, expires,\n"
                + "last used, source and status (live, or retiring when a rotation grace period runs), under a\n"
                + "header; with --json, a JSON array of the records. With --all, revoked and expired tokens too.\n"
                + "When more tokens follow, standard error says which --after gives the next page.";
    }

    @Override
    public List<Option> options() {
        return List.of(
                Option.value("subject", "SUBJECT", "only this subject's tokens"),
                Option.flag("all", "include revoked and expired tokens"),
                Option.value("after", "PREFIX", "start after this prefix (the next page)"),
                Option.value("limit", "N", "at most N tokens, 1 to " + TokenQuery.MAX_LIMIT + "; default "
                        + TokenQuery.MAX_LIMIT),
                Option.value("expiring-within", "DURATION", "only live tokens that expire within this time, e.g. 7d"),
                OptionValues.JSON);
    }

    @Override
    public int run(Arguments args, CliContext context) throws UsageException {
        args.noPositionals();
        int limit = OptionValues.number(args, "limit", 1, TokenQuery.MAX_LIMIT, TokenQuery.MAX_LIMIT);
        Instant now = context.now();
        TokenQuery query = new TokenQuery(args.value("subject"), args.value("after"), limit,
                args.has("all") ? null : now);
        Duration expiring = OptionValues.duration(args, "expiring-within", false);
        if (expiring != null && args.has("all")) {
            throw new UsageException("--expiring-within lists live tokens; leave out --all");
        }
        Outcome<TokenPage> page = expiring == null ? context.service(null).list(CliContext.OPERATOR, query)
                : context.service(null).listExpiring(CliContext.OPERATOR, query, expiring);
        if (!page.isDone()) {
            return context.refused(page.refusal());
        }
        if (args.has("json")) {
            List<String> records = new ArrayList<>();
            for (TokenRecord record : page.value().records()) {
                records.add(TokenJson.fields(JsonObject.object(), record, now).end());
            }
            context.out.println(JsonObject.array(records));
        } else {
            TokenTable.print(context.out, page.value().records(), now);
        }
        if (page.value().nextAfter() != null) {
            context.err.println("More tokens follow: add --after " + page.value().nextAfter() + " for the next page.");
        }
        return ScopeKeyCli.EXIT_OK;
    }
}
