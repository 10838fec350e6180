package dev.scopekey.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.ActorLabel;
import dev.scopekey.domain.AuthDecision;
import dev.scopekey.domain.DenialReason;
import dev.scopekey.domain.PlainToken;
import dev.scopekey.domain.Scope;
import dev.scopekey.domain.ScopeSet;
import dev.scopekey.domain.TokenFormat;
import dev.scopekey.domain.TokenPrincipal;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.domain.TokenSource;
import dev.scopekey.port.AuditSink;
import dev.scopekey.port.TokenChange;
import dev.scopekey.store.memory.InMemoryTokenStore;
import dev.scopekey.testing.TestClock;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The request path: one scan before any lookup, one principal and one grant per stored record. */
class RequestPathTest {
    private static final String ADMIN = "break-glass-admin-token-7Qm2Xv9Lk4Rz8Wp";
    private static final ClientRequest REQUEST = new ClientRequest("203.0.113.7", "GET", "/reports");

    private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemoryTokenStore memory = new InMemoryTokenStore();
    private final CountingStore store = new CountingStore(memory);
    private final RecordingAuditSink audit = new RecordingAuditSink();
    private final TokenService service = TokenService.builder(store).clock(clock).audit(audit)
            .lastUsedFlushInterval(null).adminToken(ADMIN).build();

    private MintedToken mint(String... scopes) {
        return service.mint(Caller.operator(ActorLabel.CLI), MintRequest.of(scopes)).value();
    }

    private static String withWrongCheck(String token) {
        char last = token.charAt(token.length() - 1);
        return token.substring(0, token.length() - 1) + (last == 'a' ? 'b' : 'a');
    }

    @Test
    void aMintedShapeWithAWrongCheck_isRefusedWithoutAskingTheStore() {
        String token = mint("reports:read").token().reveal();
        int before = store.lookups.get();

        AuthDecision decision = service.authenticate(withWrongCheck(token), REQUEST);

        assertEquals(DenialReason.BAD_CHECKSUM, assertInstanceOf(AuthDecision.Denied.class, decision).reason());
        assertEquals(before, store.lookups.get(), "the store is never asked about a token with a wrong check");
        assertEquals(DenialReason.MALFORMED,
                assertInstanceOf(AuthDecision.Denied.class, service.authenticate("has space", REQUEST)).reason());
        assertEquals(before, store.lookups.get(), "nor about a malformed one");
    }

    @Test
    void theConfigToken_isNeverLookedUp_andAStoreTokenIsNeverTheConfigToken() {
        String stored = mint("*").token().reveal();
        int before = store.lookups.get();

        TokenPrincipal admin = assertInstanceOf(AuthDecision.Granted.class, service.authenticate(ADMIN, REQUEST))
                .principal();
        assertEquals(TokenSource.CONFIG, admin.source());
        assertEquals(before, store.lookups.get(), "the break-glass token is decided before the store");

        TokenPrincipal fromStore = assertInstanceOf(AuthDecision.Granted.class, service.authenticate(stored, REQUEST))
                .principal();
        assertEquals(TokenSource.STORE, fromStore.source());
        assertEquals(before + 1, store.lookups.get());
        assertEquals(DenialReason.UNKNOWN, assertInstanceOf(AuthDecision.Denied.class,
                service.authenticate(ADMIN + "x", REQUEST)).reason(), "a near miss of the config token is unknown");
    }

    @Test
    void aConfigTokenOfMintedShapeWithAWrongCheck_isRefusedWhenTheServiceIsBuilt() {
        String badAdmin = withWrongCheck(TokenFormat.standard().generate(new SecureRandom()).reveal());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TokenService.builder(new InMemoryTokenStore()).audit(AuditSink.discarding()).adminToken(badAdmin).build());

        assertTrue(e.getMessage().contains("check"), e.getMessage());
        assertFalse(e.getMessage().contains(badAdmin), "the message never holds the token");
        assertFalse(e.getMessage().contains(badAdmin.substring(3, 20)), "not even in part");
        String goodAdmin = TokenFormat.standard().generate(new SecureRandom()).reveal();
        try (TokenService good = TokenService.builder(new InMemoryTokenStore()).audit(AuditSink.discarding()).adminToken(goodAdmin).build()) {
            assertTrue(good.authenticate(goodAdmin, ClientRequest.NONE).isGranted(), "a minted admin token with its check works");
        }
    }

    @Test
    void aGrantedPrincipal_isGrantedWithTheSameDecisionEveryTime() {
        String token = mint("reports:read").token().reveal();
        Scope required = Scope.of("reports:read");
        int events = audit.events.size();

        AuthDecision first = service.authenticate(token, REQUEST);
        AuthDecision second = service.authenticate(token, REQUEST);
        TokenPrincipal principal = assertInstanceOf(AuthDecision.Granted.class, first).principal();

        assertSame(first, second, "one grant per stored record");
        assertSame(first, service.authorize(principal, required, REQUEST), "authorize hands back the same grant");
        assertSame(AuthDecision.Granted.of(principal), AuthDecision.Granted.of(principal));
        assertEquals(events, audit.events.size(), "a grant leaves no event");
    }

    @Test
    void aRescopedRecord_isNeverServedFromTheCache() {
        MintedToken minted = mint("reports:read");
        String token = minted.token().reveal();
        TokenPrincipal before = principal(service.authenticate(token, REQUEST));
        assertTrue(before.hasScope("reports:read"));

        TokenRecord rescoped = TokenRecord.minted(minted.token(), ScopeSet.parseList("billing:read"), null, null,
                minted.record().createdAt(), minted.record().createdBy(), null);
        memory.apply(TokenChange.update(List.of(rescoped)));

        TokenPrincipal after = principal(service.authenticate(token, REQUEST));
        assertNotSame(before, after);
        assertEquals(ScopeSet.parseList("billing:read"), after.scopes());
        assertFalse(after.hasScope("reports:read"), "the old scopes are gone at once");
    }

    @Test
    void aRevokedOrExpiringRecord_isNeverServedFromTheCache() {
        MintedToken minted = mint("reports:read");
        String token = minted.token().reveal();
        assertTrue(service.authenticate(token, REQUEST).isGranted());

        memory.apply(TokenChange.update(List.of(minted.record().withRevoked(clock.instant(), "test"))));

        assertEquals(DenialReason.REVOKED,
                assertInstanceOf(AuthDecision.Denied.class, service.authenticate(token, REQUEST)).reason());
        TokenRecord expiring = TokenRecord.minted(minted.token(), minted.record().scopes(), null, null,
                minted.record().createdAt(), minted.record().createdBy(), clock.instant().plusSeconds(60));
        memory.apply(TokenChange.update(List.of(expiring)));
        assertTrue(service.authenticate(token, REQUEST).isGranted());
        clock.advance(java.time.Duration.ofSeconds(60));
        assertEquals(DenialReason.EXPIRED,
                assertInstanceOf(AuthDecision.Denied.class, service.authenticate(token, REQUEST)).reason(),
                "expiry is decided on the exact instant, cache or not");
    }

    @Test
    void runtimeTokens_areFoundByTheirHash_andForgottenWhenUnregistered() {
        PlainToken runtime = service.registerRuntimeToken("runtime-token-42", ScopeSet.parseList("a:b"), "rt");
        int before = store.lookups.get();
        TokenPrincipal principal = principal(service.authenticate(runtime.reveal(), REQUEST));
        assertEquals(TokenSource.RUNTIME, principal.source());
        assertEquals(before, store.lookups.get());
        assertTrue(service.unregisterRuntimeToken(runtime.reveal()));
        assertEquals(DenialReason.UNKNOWN,
                assertInstanceOf(AuthDecision.Denied.class, service.authenticate(runtime.reveal(), REQUEST)).reason());
    }

    @Test
    void runtimeTokens_stayFound_whileAnyIsRegistered_andAfterTheLastIsGoneAndAnotherComes() {
        PlainToken first = service.registerRuntimeToken("runtime-token-1", ScopeSet.parseList("a:b"), "one");
        PlainToken second = service.registerRuntimeToken("runtime-token-2", ScopeSet.parseList("a:b"), "two");
        assertFalse(service.unregisterRuntimeToken("runtime-token-never"));
        assertTrue(service.unregisterRuntimeToken(first.reveal()));
        assertEquals("two", principal(service.authenticate(second.reveal(), REQUEST)).tokenName());
        assertTrue(service.unregisterRuntimeToken(second.reveal()));
        assertFalse(service.authenticate(second.reveal(), REQUEST).isGranted());

        PlainToken third = service.registerRuntimeToken("runtime-token-3", ScopeSet.parseList("a:b"), "three");
        assertEquals("three", principal(service.authenticate(third.reveal(), REQUEST)).tokenName());
    }

    private static TokenPrincipal principal(AuthDecision decision) {
        return assertInstanceOf(AuthDecision.Granted.class, decision).principal();
    }
}
