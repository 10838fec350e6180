package dev.scopekey.cli;

import dev.scopekey.domain.AuthDecision;
import dev.scopekey.domain.DenialReason;
import dev.scopekey.domain.PlainToken;
import dev.scopekey.domain.Scope;
import dev.scopekey.domain.TokenPrincipal;
import dev.scopekey.port.TokenStoreException;
import dev.scopekey.service.ClientRequest;
import dev.scopekey.service.TokenService;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * {@code verify}: checks a token read from standard input (never from the command line, where
 * it would show in process lists and shell history), optionally against a required scope, and
 * prints the decision as lines or, with {@code --json}, one JSON object. A failing store is a
 * store error like in every other command, never a grant.
 */
final class VerifyCommand implements Command {
    /** Read no more than this from standard input: well past the longest token. */
    private static final int MAX_INPUT = 4 * PlainToken.MAX_LENGTH;

    @Override
    public String name() {
        return "verify";
    }

    @Override
    public String summary() {
        return "check a token read from standard input";
    }

    @Override
    public String usage() {
        return "--store STORE [--scope SCOPE] [--json] < TOKEN-FILE";
    }

    @Override
    public String description() {
        return "Reads one token from standard input (from the terminal without echo) and checks it\n"
                + "against the store, and against SCOPE when given. Prints 'valid' (or 'granted SCOPE') and\n"
                + "the token's prefix, scopes, name, subject and source; exits 1 when the token is invalid\n"
                + "(unknown, revoked, expired, malformed) or lacks the scope. With --json, the decision as one\n"
                + "JSON object (granted, denied or invalid, and why). Does not record a use.";
    }

    @Override
    public List<Option> options() {
        return List.of(Option.value("scope", "SCOPE", "a concrete scope the token must grant, such as kafka:read"),
                OptionValues.JSON);
    }

    @Override
    public int run(Arguments args, CliContext context) throws UsageException {
        if (!args.positionals().isEmpty()) {
            throw new UsageException("the token is read from standard input, never from the command line");
        }
        String scope = args.value("scope");
        if (scope != null && Scope.parse(scope).map(s -> s.isWildcard()).orElse(true)) {
            throw new UsageException("--scope must be one concrete scope, such as kafka:read");
        }
        boolean json = args.has("json");
        String token = readToken(context);
        TokenService service = context.service(null);
        AuthDecision decision = service.authenticate(token, ClientRequest.NONE);
        if (scope != null && decision instanceof AuthDecision.Granted) {
            decision = service.authorize(((AuthDecision.Granted) decision).principal(), Scope.of(scope),
                    ClientRequest.NONE);
        }
        if (decision instanceof AuthDecision.Granted) {
            printGranted(context, ((AuthDecision.Granted) decision).principal(), scope, json);
            return ScopeKeyCli.EXIT_OK;
        }
        if (decision instanceof AuthDecision.Denied) {
            printDenied(context, ((AuthDecision.Denied) decision).reason(), scope, json);
            return ScopeKeyCli.EXIT_REFUSED;
        }
        // The service keeps only a sanitised line; asking the store once more lets its own
        // failure, with the driver's message and the hint that goes with it, reach the operator.
        context.store().findByHash(PlainToken.of(token).hash());
        throw new TokenStoreException("the token store failed while the token was checked, then answered again ("
                + ((AuthDecision.Unavailable) decision).cause() + "); run verify again");
    }

    private static void printGranted(CliContext context, TokenPrincipal principal, String scope, boolean json) {
        String source = TokenJson.source(principal.source());
        if (json) {
            context.out.println(JsonObject.object().put("decision", "granted").put("scope", scope)
                    .put("prefix", principal.prefix()).put("scopes", principal.scopes().values())
                    .put("name", principal.tokenName()).put("subject", principal.subject())
                    .put("source", source).end());
            return;
        }
        context.out.println(scope == null ? "valid" : "granted " + scope);
        TokenDetails.field(context.out, "prefix", principal.prefix());
        TokenDetails.field(context.out, "scopes", principal.scopes().toCommaList());
        TokenDetails.field(context.out, "name", principal.tokenName());
        TokenDetails.field(context.out, "subject", principal.subject());
        TokenDetails.field(context.out, "source", source);
    }

    /** The verdict on stderr, and with --json also as a document on stdout. */
    private static void printDenied(CliContext context, DenialReason reason, String scope, boolean json) {
        boolean lacksScope = reason == DenialReason.INSUFFICIENT_SCOPE;
        String code = reason.name().toLowerCase(Locale.ROOT);
        if (json) {
            context.out.println(JsonObject.object().put("decision", lacksScope ? "denied" : "invalid")
                    .put("reason", code).put("scope", scope).end());
        }
        context.err.println(lacksScope ? "denied: the token is valid but does not grant " + scope
                : "invalid token (" + code.replace('_', ' ') + ")");
    }

    private static String readToken(CliContext context) throws UsageException {
        String text;
        if (context.console != null) {
            char[] typed = context.console.readPassword("token: ");
            text = typed == null ? "" : new String(typed);
        } else {
            text = readLimited(context);
        }
        String token = text.strip();
        if (token.isEmpty()) {
            throw new UsageException("no token on standard input");
        }
        if (token.chars().anyMatch(Character::isWhitespace)) {
            throw new UsageException("standard input must hold exactly one token");
        }
        return token;
    }

    private static String readLimited(CliContext context) throws UsageException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[1024];
        try {
            Reader reader = new InputStreamReader(context.in, StandardCharsets.UTF_8);
            int read;
            while ((read = reader.read(buffer)) != -1) {
                text.append(buffer, 0, read);
                if (text.length() > MAX_INPUT) {
                    throw new UsageException("standard input is too long to be a token");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input", e);
        }
        return text.toString();
    }
}
