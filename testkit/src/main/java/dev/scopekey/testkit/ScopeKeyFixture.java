package dev.scopekey.testkit;

import dev.scopekey.domain.ActorLabel;
import dev.scopekey.domain.AuditEvent;
import dev.scopekey.domain.DurationText;
import dev.scopekey.domain.PlainToken;
import dev.scopekey.domain.ScopeSet;
import dev.scopekey.domain.TokenFormat;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.port.TokenChange;
import dev.scopekey.service.Caller;
import dev.scopekey.service.ClientRequest;
import dev.scopekey.service.MintRequest;
import dev.scopekey.service.MintedToken;
import dev.scopekey.service.Outcome;
import dev.scopekey.service.TokenService;
import dev.scopekey.store.memory.InMemoryTokenStore;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One test's scopekey world: an in-memory store, a {@link MutableClock}, a {@link TokenService}
 * over both that records its audit events, and helpers to mint tokens. {@link ScopeKeyExtension}
 * makes a fresh one per test; it can also be built by hand with {@link #create()}. Every token it
 * mints is remembered for {@link SecretLeakGuard}. Thread-safe.
 */
public final class ScopeKeyFixture implements AutoCloseable {
    private static final Caller OPERATOR = Caller.operator(ActorLabel.CLI);

    private final InMemoryTokenStore store = new InMemoryTokenStore();
    private final MutableClock clock = MutableClock.start();
    private final List<AuditEvent> audit = new CopyOnWriteArrayList<>();
    private final List<PlainToken> minted = new CopyOnWriteArrayList<>();
    private final SecureRandom random = new SecureRandom();
    private final TokenService service;

    private ScopeKeyFixture() {
        this.service = TokenService.builder(store).clock(clock).audit(audit::add).lastUsedFlushInterval(null).build();
    }

    /**
     * A fresh fixture; {@link #close()} it when done.
     *
     * @return the fixture
     */
    public static ScopeKeyFixture create() {
        return new ScopeKeyFixture();
    }

    /**
     * The service under test.
     *
     * @return the service
     */
    public TokenService service() {
        return service;
    }

    /**
     * The store behind the service.
     *
     * @return the store
     */
    public InMemoryTokenStore store() {
        return store;
    }

    /**
     * The clock the service reads; tests move it.
     *
     * @return the clock
     */
    public MutableClock clock() {
        return clock;
    }

    /**
     * The operator (CLI) caller: root, may mint root tokens, never rate limited.
     *
     * @return the operator caller
     */
    public Caller operator() {
        return OPERATOR;
    }

    /**
     * Every audit event the service emitted so far, oldest first.
     *
     * @return the events, unmodifiable
     */
    public List<AuditEvent> auditEvents() {
        return List.copyOf(audit);
    }

    /**
     * Mints a store token with these scopes, as the operator.
     *
     * @param scopes the scopes to grant
     * @return the token
     * @throws IllegalArgumentException with the service's reason if the mint is refused
     */
    public PlainToken mint(String... scopes) {
        return mint(MintRequest.of(scopes));
    }

    /**
     * Mints a store token as the operator.
     *
     * @param request scopes, name, subject and lifetime
     * @return the token
     * @throws IllegalArgumentException with the service's reason if the mint is refused
     */
    public PlainToken mint(MintRequest request) {
        Outcome<MintedToken> outcome = service.mint(OPERATOR, request);
        if (!outcome.isDone()) {
            throw new IllegalArgumentException("the mint was refused: " + outcome.refusal().message());
        }
        return remember(outcome.value().token());
    }

    /**
     * Mints a root token ({@code *}, source STORE): it administers tokens.
     *
     * @return the token
     */
    public PlainToken mintRoot() {
        return mint("*");
    }

    /**
     * The caller that presents {@code token}, for administrative calls in tests.
     *
     * @param token the token the caller presents
     * @return the caller
     */
    public Caller callerFor(PlainToken token) {
        return Caller.of(AuthDecisionAssert.assertGranted(service.authenticate(token.reveal(), ClientRequest.NONE)), "127.0.0.1");
    }

    /**
     * Makes a token as {@link TestToken} describes it, as {@link ScopeKeyExtension} does for a
     * parameter; for other test frameworks' extensions (Spring's {@code @ScopeKeyTest}, say).
     *
     * @param spec the token's description
     * @return the token
     * @throws IllegalArgumentException if the description is contradictory or the mint is refused
     */
    public PlainToken mint(TestToken spec) {
        if (spec.runtime()) {
            return registerRuntime(spec);
        }
        List<String> scopes = scopesOf(spec);
        MintRequest request = new MintRequest(scopes, emptyToNull(spec.name()), emptyToNull(spec.subject()),
                spec.expiresIn().isEmpty() ? null : DurationText.parse(spec.expiresIn()));
        PlainToken token = mint(request);
        if (spec.expired()) {
            TokenRecord r = store.findByHash(token.hash()).orElseThrow();
            store.apply(TokenChange.update(List.of(r.toBuilder().expiresAt(clock.instant()).build())));
        }
        if (spec.revoked()) {
            service.revoke(OPERATOR, token.prefix()).value();
        }
        return token;
    }

    /** Every token this fixture minted or registered, for the leak guard. */
    List<PlainToken> mintedTokens() {
        return List.copyOf(minted);
    }

    /** Flushes last-use times and stops the service. */
    @Override
    public void close() {
        service.close();
    }

    private PlainToken registerRuntime(TestToken spec) {
        if (spec.expired() || spec.revoked() || !spec.subject().isEmpty() || !spec.expiresIn().isEmpty()) {
            throw new IllegalArgumentException("a RUNTIME token cannot be expired, revoked, expiring or have a subject");
        }
        PlainToken token = TokenFormat.standard().generate(random);
        service.registerRuntimeToken(token.reveal(), ScopeSet.parse(scopesOf(spec)), emptyToNull(spec.name()));
        return remember(token);
    }

    private static List<String> scopesOf(TestToken spec) {
        List<String> scopes = new ArrayList<>(List.of(spec.scopes()));
        if (spec.root()) {
            scopes.add("*");
        }
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("@TestToken needs scopes, or root = true");
        }
        return scopes;
    }

    private PlainToken remember(PlainToken token) {
        minted.add(token);
        return token;
    }

    private static String emptyToNull(String text) {
        return text.isEmpty() ? null : text;
    }

    @Override
    public String toString() {
        return "ScopeKeyFixture[" + store + ", " + clock + "]";
    }
}
