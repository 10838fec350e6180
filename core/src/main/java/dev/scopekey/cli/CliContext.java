package dev.scopekey.cli;

import dev.scopekey.audit.Slf4jAuditSink;
import dev.scopekey.domain.ActorLabel;
import dev.scopekey.port.TokenStore;
import dev.scopekey.service.Caller;
import dev.scopekey.service.Refusal;
import dev.scopekey.service.TokenService;
import dev.scopekey.service.TokenServiceBuilder;
import java.io.Console;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * What one command run works with: the standard streams, the clock, and the store (opened on
 * first use, so a usage error never touches it). Not thread-safe; one per run.
 */
final class CliContext implements AutoCloseable {
    /** Who the CLI acts as: the operator, who may mint root tokens. */
    static final Caller OPERATOR = Caller.operator(ActorLabel.CLI);

    final InputStream in;
    final PrintStream out;
    final PrintStream err;
    final Clock clock;
    /** The interactive terminal when there is one (the token is then read without echo), else null. */
    final Console console;
    private final StoreOpener opener;
    private final StoreSpec spec;
    private TokenStore store;

    CliContext(InputStream in, PrintStream out, PrintStream err, Clock clock, Console console,
               StoreOpener opener, StoreSpec spec) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.clock = clock;
        this.console = console;
        this.opener = opener;
        this.spec = spec;
    }

    StoreSpec spec() {
        return spec;
    }

    /** The store, opened on first call. */
    TokenStore store() {
        if (store == null) {
            store = opener.open(spec);
        }
        return store;
    }

    /**
     * A token service over the store that audits through SLF4J and minting with {@code brand}
     * (null for the default). It has no background flush: last-use times are not written.
     */
    TokenService service(String brand) {
        return service(brand, UnaryOperator.identity());
    }

    /** A service over the store, with the policy {@code policy} adds to the CLI's defaults. */
    TokenService service(String brand, UnaryOperator<TokenServiceBuilder> policy) {
        TokenServiceBuilder builder = TokenService.builder(store())
                .audit(new Slf4jAuditSink())
                .clock(clock)
                .lastUsedFlushInterval(null);
        if (brand != null) {
            builder.brand(brand);
        }
        return policy.apply(builder).build();
    }

    Instant now() {
        return clock.instant();
    }

    /** Reports a refusal on stderr and returns the exit code for it. */
    int refused(Refusal refusal) {
        err.println("refused (" + refusal.kind().code() + "): " + refusal.message());
        return ScopeKeyCli.EXIT_REFUSED;
    }

    /** Closes the store if it was opened and can be closed. */
    @Override
    public void close() {
        if (store instanceof AutoCloseable) {
            try {
                ((AutoCloseable) store).close();
            } catch (Exception e) {
                err.println("warning: closing the store failed (" + e.getClass().getSimpleName() + ")");
            }
        }
    }
}
