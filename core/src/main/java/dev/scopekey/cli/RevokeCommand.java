package dev.scopekey.cli;

import dev.scopekey.domain.TokenRecord;
import dev.scopekey.service.Outcome;
import java.util.List;

/** {@code revoke}: revokes one token by prefix, or every live token of a subject, at once. */
final class RevokeCommand implements Command {

    @Override
    public String name() {
        return "revoke";
    }

    @Override
    public String summary() {
        return "revoke a token by prefix, or all of a subject's tokens";
    }

    @Override
    public String usage() {
        return "--store STORE PREFIX\n--store STORE --subject SUBJECT";
    }

    @Override
    public String description() {
        return "Revokes the live token with this display prefix (as 'list' shows it), or with --subject\n"
                + "every live token of that subject. An unknown prefix, or one several legacy tokens share,\n"
                + "is refused and changes nothing.";
    }

    @Override
    public List<Option> options() {
        return List.of(Option.value("subject", "SUBJECT", "revoke every live token of this subject"));
    }

    @Override
    public int run(Arguments args, CliContext context) throws UsageException {
        if (args.has("subject")) {
            if (!args.positionals().isEmpty()) {
                throw new UsageException("give a prefix or --subject, not both");
            }
            String subject = args.value("subject");
            Outcome<Integer> revoked = context.service(null).revokeSubject(CliContext.OPERATOR, subject);
            if (!revoked.isDone()) {
                return context.refused(revoked.refusal());
            }
            int count = revoked.value();
            context.out.println("revoked " + count + (count == 1 ? " token" : " tokens") + " of subject "
                    + TokenDetails.printable(subject));
            return ScopeKeyCli.EXIT_OK;
        }
        String prefix = args.single("a token prefix");
        Outcome<TokenRecord> revoked = context.service(null).revoke(CliContext.OPERATOR, prefix);
        if (!revoked.isDone()) {
            return context.refused(revoked.refusal());
        }
        context.out.println("revoked " + revoked.value().prefix());
        return ScopeKeyCli.EXIT_OK;
    }
}
