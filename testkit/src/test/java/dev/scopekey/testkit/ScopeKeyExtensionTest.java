package dev.scopekey.testkit;

import static dev.scopekey.testkit.AuthDecisionAssert.assertDenied;
import static dev.scopekey.testkit.AuthDecisionAssert.assertGranted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.AuditEventType;
import dev.scopekey.domain.DenialReason;
import dev.scopekey.domain.PlainToken;
import dev.scopekey.domain.TokenPrincipal;
import dev.scopekey.domain.TokenSource;
import dev.scopekey.port.TokenQuery;
import dev.scopekey.port.TokenStore;
import dev.scopekey.service.Caller;
import dev.scopekey.service.ClientRequest;
import dev.scopekey.service.MintRequest;
import dev.scopekey.service.TokenService;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.Events;

@ExtendWith(ScopeKeyExtension.class)
class ScopeKeyExtensionTest {
    private TokenService serviceFromBeforeEach;

    @BeforeEach
    void keepService(TokenService service) {
        serviceFromBeforeEach = service;
    }

    @Test
    void nextTest_getsAFreshEmptyStore() {
        TwoTestsInOrder.stores.clear();
        Events events = Samples.run(TwoTestsInOrder.class);
        assertEquals(List.of(), Samples.failures(events));
        assertEquals(2, Samples.succeeded(events));
        assertEquals(2, TwoTestsInOrder.stores.size(), "both sample tests ran");
        assertNotSame(TwoTestsInOrder.stores.get(0), TwoTestsInOrder.stores.get(1));
    }

    @Test
    void parametersAndBeforeEach_shareOneFixture(TokenService service, MutableClock mutableClock, Clock clock,
                                                 TokenStore store, ScopeKeyFixture fixture) {
        assertSame(serviceFromBeforeEach, service);
        assertSame(fixture.service(), service);
        assertSame(fixture.clock(), mutableClock);
        assertSame(mutableClock, clock);
        assertSame(fixture.store(), store);
    }

    @Test
    void testToken_grantsItsScopesOnly(TokenService service, @TestToken(scopes = {"kafka:read", "reports:*"}) String token) {
        assertGranted(TokenChecks.authorize(service, token, "kafka:read", ClientRequest.NONE));
        assertGranted(TokenChecks.authorize(service, token, "reports:2024:read", ClientRequest.NONE));
        assertDenied(TokenChecks.authorize(service, token, "kafka:write", ClientRequest.NONE), DenialReason.INSUFFICIENT_SCOPE);
    }

    @Test
    void testToken_asPlainToken_isTheSameKindOfToken(TokenService service,
                                                     @TestToken(scopes = "a", name = "ci", subject = "alice") PlainToken token) {
        assertTrue(token.isMinted());
        TokenPrincipal principal = assertGranted(service.authenticate(token.reveal(), ClientRequest.NONE));
        assertEquals("alice", principal.subject());
        assertEquals("ci", principal.tokenName());
        assertEquals(TokenSource.STORE, principal.source());
    }

    @Test
    void eachTestTokenParameter_isItsOwnToken(@TestToken(scopes = "a") String one, @TestToken(scopes = "a") String two) {
        assertFalse(one.equals(two));
    }

    @Test
    void expiredToken_isDeniedExpired(TokenService service, @TestToken(scopes = "a", expired = true) String token) {
        assertDenied(service.authenticate(token, ClientRequest.NONE), DenialReason.EXPIRED);
    }

    @Test
    void revokedToken_isDeniedRevoked(TokenService service, @TestToken(scopes = "a", revoked = true) String token) {
        assertDenied(service.authenticate(token, ClientRequest.NONE), DenialReason.REVOKED);
    }

    @Test
    void expiringToken_expiresWhenTheClockIsMoved(TokenService service, MutableClock clock,
                                                  @TestToken(scopes = "a", expiresIn = "1h") String token) {
        clock.advance(Duration.ofMinutes(59));
        assertGranted(service.authenticate(token, ClientRequest.NONE));
        clock.advance(Duration.ofMinutes(1));
        assertDenied(service.authenticate(token, ClientRequest.NONE), DenialReason.EXPIRED);
    }

    @Test
    void rootToken_administersTokens(TokenService service, @TestToken(root = true) String root) {
        TokenPrincipal principal = assertGranted(service.authenticate(root, ClientRequest.NONE));
        assertTrue(principal.isRoot());
        assertTrue(service.list(Caller.of(principal, "127.0.0.1"), TokenQuery.all()).isDone());
    }

    @Test
    void runtimeWildcard_grantsResourcesButNeverAdministers(TokenService service,
                                                            @TestToken(root = true, runtime = true) String token) {
        TokenPrincipal principal = assertGranted(service.authenticate(token, ClientRequest.NONE), "anything:at:all");
        assertEquals(TokenSource.RUNTIME, principal.source());
        assertFalse(principal.isRoot());
        assertFalse(service.mint(Caller.of(principal, "127.0.0.1"), MintRequest.of("a")).isDone());
    }

    @Test
    void runtimeToken_isNotInTheStore(TokenStore store, @TestToken(scopes = "a", runtime = true) PlainToken token) {
        assertTrue(store.findByHash(token.hash()).isEmpty());
    }

    @Test
    void fixture_recordsAuditEvents(ScopeKeyFixture fixture, @TestToken(scopes = "a", revoked = true) String token) {
        assertEquals(List.of(AuditEventType.TOKEN_MINTED, AuditEventType.TOKEN_REVOKED),
                fixture.auditEvents().stream().map(e -> e.type()).collect(java.util.stream.Collectors.toList()));
    }

    @Test
    void fixture_mintsAndGivesCallers(ScopeKeyFixture fixture) {
        PlainToken root = fixture.mintRoot();
        PlainToken reader = fixture.mint("reports:read");
        Caller admin = fixture.callerFor(root);
        assertTrue(fixture.service().revoke(admin, reader.prefix()).isDone());
        assertDenied(fixture.service().authenticate(reader.reveal(), ClientRequest.NONE), DenialReason.REVOKED);
    }

    @Test
    void rootRevokesOthers_asTheGuideShows(ScopeKeyFixture scopekey, @TestToken(root = true) PlainToken root,
                                           @TestToken(scopes = "a") PlainToken other) {
        Caller admin = scopekey.callerFor(root);
        assertTrue(scopekey.service().revoke(admin, other.prefix()).isDone());
        assertEquals(AuditEventType.TOKEN_REVOKED, scopekey.auditEvents().get(2).type());
    }

    @Test
    void misuse_isReportedClearly() {
        Events events = Samples.run(Misuse.class);
        List<String> messages = Samples.failures(events).stream().map(Throwable::getMessage)
                .collect(java.util.stream.Collectors.toList());
        assertEquals(4, messages.size(), messages.toString());
        assertTrue(Samples.failures(events).stream().allMatch(t -> t instanceof ParameterResolutionException),
                messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.contains("needs scopes")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.contains("String or PlainToken")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.contains("cannot be minted")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.contains("RUNTIME")), messages.toString());
    }

    /** The first test mints into its store; the second must find a different, empty one. */
    @ExtendWith({EngineTestKitOnly.class, ScopeKeyExtension.class})
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class TwoTestsInOrder {
        static final List<TokenStore> stores = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Test
        @Order(1)
        void firstTest_mintsIntoItsStore(TokenStore store, @TestToken(scopes = "a") String token) {
            stores.add(store);
            assertEquals(1, store.list(TokenQuery.all()).size());
        }

        @Test
        @Order(2)
        void nextTest_findsItsStoreEmpty(TokenStore store) {
            stores.add(store);
            assertEquals(List.of(), store.list(TokenQuery.all()));
        }
    }

    @ExtendWith({EngineTestKitOnly.class, ScopeKeyExtension.class})
    static class Misuse {
        @Test
        void noScopes(@TestToken String token) {
        }

        @Test
        void wrongType(@TestToken(scopes = "a") Integer token) {
        }

        @Test
        void reservedScope(@TestToken(scopes = "auth:tokens:write") String token) {
        }

        @Test
        void runtimeWithSubject(@TestToken(scopes = "a", runtime = true, subject = "s") String token) {
        }
    }
}
