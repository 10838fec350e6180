package dev.scopekey.service;

import dev.scopekey.testing.TestClock;
import dev.scopekey.testing.FailingStore;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.ActorLabel;
import dev.scopekey.domain.AuditEventType;
import dev.scopekey.domain.AuthDecision;
import dev.scopekey.domain.DenialReason;
import dev.scopekey.domain.PlainToken;
import dev.scopekey.domain.ScopeSet;
import dev.scopekey.domain.TokenFormat;
import dev.scopekey.domain.TokenPrincipal;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.domain.TokenSource;
import dev.scopekey.port.TokenQuery;
import dev.scopekey.store.memory.InMemoryTokenStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenServiceTest {
    private static final String CLIENT = "203.0.113.7";

    private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemoryTokenStore store = new InMemoryTokenStore();
    private final RecordingAuditSink audit = new RecordingAuditSink();
    private final TokenService service = TokenService.builder(store).clock(clock).audit(audit)
            .lastUsedFlushInterval(null).adminToken("break-glass-admin-token-7Qm2Xv9Lk4Rz8Wp").build();
    private final Caller operator = Caller.operator(ActorLabel.CLI);

    private String mintAsOperator(String... scopes) {
        return service.mint(operator, MintRequest.of(scopes)).value().token().reveal();
    }

    private Caller callerWith(String token) {
        return Caller.of(granted(service.authenticate(token, ClientRequest.NONE)), CLIENT);
    }

    private static TokenPrincipal granted(AuthDecision decision) {
        return assertInstanceOf(AuthDecision.Granted.class, decision).principal();
    }

    private static DenialReason denial(AuthDecision decision) {
        return assertInstanceOf(AuthDecision.Denied.class, decision).reason();
    }

    @Test
    void mint_byRootToken_returnsTokenOnce_andStoresOnlyItsHash() {
        Caller root = callerWith(mintAsOperator("*"));

        MintedToken minted = service.mint(root, MintRequest.of("kafka:endpoint:read").named("reader")).value();

        PlainToken token = minted.token();
        assertTrue(token.isMinted());
        TokenRecord stored = store.findByPrefix(token.prefix()).get(0);
        assertEquals(token.hash(), stored.hash());
        assertEquals(ScopeSet.parseList("kafka:endpoint:read"), stored.scopes());
        assertEquals("reader", stored.name());
        assertEquals(clock.instant(), stored.createdAt());
        assertEquals(root.actor(), stored.createdBy());
        assertFalse(minted.toString().contains(token.reveal()));
        assertFalse(stored.toString().contains(stored.hash()));
    }

    @Test
    void mint_byScopedToken_isForbidden() {
        Caller scoped = callerWith(mintAsOperator("kafka:*"));

        Refusal refusal = service.mint(scoped, MintRequest.of("kafka:endpoint:read")).refusal();

        assertEquals(Refusal.Kind.FORBIDDEN, refusal.kind());
        assertEquals(AuditEventType.MINT_REFUSED, audit.last().type());
    }

    @Test
    void mint_ofRootScope_byStoreRootToken_isRefused_butOperatorAndConfigMayCreateRoot() {
        Caller storeRoot = callerWith(mintAsOperator("*"));
        Caller config = callerWith("break-glass-admin-token-7Qm2Xv9Lk4Rz8Wp");

        assertEquals(Refusal.Kind.INVALID_REQUEST, service.mint(storeRoot, MintRequest.of("*")).refusal().kind());
        assertTrue(service.mint(config, MintRequest.of("*")).isDone());
        assertTrue(service.mint(operator, MintRequest.of("*")).isDone());
    }

    @Test
    void mint_refusesReservedNamespace_badGrammar_emptyScopes_longOrControlNames() {
        Caller root = callerWith(mintAsOperator("*"));
        List<MintRequest> bad = List.of(
                MintRequest.of("auth:tokens"),
                MintRequest.of("auth:tokens:write"),
                MintRequest.of("auth:*"),
                MintRequest.of("Kafka:read"),
                MintRequest.of("kafka::read"),
                MintRequest.of(),
                MintRequest.of("a").named("x".repeat(101)),
                MintRequest.of("a").named("line\nbreak"),
                MintRequest.of("a").forSubject("tab\there"),
                MintRequest.of("a").expiringIn(Duration.ofSeconds(-1)));
        for (MintRequest request : bad) {
            Outcome<MintedToken> outcome = service.mint(root, request);
            assertEquals(Refusal.Kind.INVALID_REQUEST, outcome.refusal().kind(), request.toString());
        }
        assertEquals(1, store.list(TokenQuery.all()).size(), "only the root token exists");
        Caller fresh = Caller.of(root.principal(), "198.51.100.9");
        assertTrue(service.mint(fresh, MintRequest.of("a").named("x".repeat(100))).isDone());
    }

    @Test
    void mint_eleventhRequestWithinAnHourFromOneClient_isRateLimited_andEveryRequestCounts() {
        Caller root = callerWith(mintAsOperator("*"));
        for (int i = 0; i < 5; i++) {
            assertTrue(service.mint(root, MintRequest.of("a:b")).isDone());
        }
        for (int i = 0; i < 5; i++) {
            assertFalse(service.mint(root, MintRequest.of("*")).isDone(), "refused, but counted");
        }

        Refusal limited = service.mint(root, MintRequest.of("a:b")).refusal();

        assertEquals(Refusal.Kind.RATE_LIMITED, limited.kind());
        assertTrue(limited.retryAfter().compareTo(Duration.ZERO) > 0);
        assertTrue(service.mint(Caller.of(root.principal(), "198.51.100.1"), MintRequest.of("a:b")).isDone(),
                "another client has its own budget");
        clock.advance(limited.retryAfter());
        assertTrue(service.mint(root, MintRequest.of("a:b")).isDone(), "a permit returns after Retry-After");
    }

    @Test
    void authenticate_distinguishesUnknownRevokedExpired_forTheAuditOnly() {
        String revoked = mintAsOperator("a:b");
        String expiring = service.mint(operator, MintRequest.of("a:b").expiringIn(Duration.ofMinutes(5)))
                .value().token().reveal();
        service.revoke(operator, PlainToken.of(revoked).prefix());
        clock.advance(Duration.ofMinutes(5));
        String unknown = TokenFormat.standard().generate(new java.security.SecureRandom()).reveal();

        assertEquals(DenialReason.REVOKED, denial(service.authenticate(revoked, ClientRequest.NONE)));
        assertEquals(DenialReason.EXPIRED, denial(service.authenticate(expiring, ClientRequest.NONE)));
        assertEquals(DenialReason.UNKNOWN, denial(service.authenticate(unknown, ClientRequest.NONE)));
        assertTrue(DenialReason.REVOKED.isInvalidToken() && DenialReason.EXPIRED.isInvalidToken()
                && DenialReason.UNKNOWN.isInvalidToken());
        assertEquals(AuditEventType.AUTHENTICATION_DENIED, audit.last().type());
        assertEquals("UNKNOWN", audit.last().detail());
    }

    @Test
    void authenticate_badChecksum_isRejectedWithoutAskingTheStore() {
        String token = mintAsOperator("a:b");
        char last = token.charAt(token.length() - 1);
        String corrupted = token.substring(0, token.length() - 1) + (last == 'a' ? 'b' : 'a');
        CountingStore counting = new CountingStore(store);
        TokenService counted = TokenService.builder(counting).clock(clock).audit(audit).build();

        assertEquals(DenialReason.BAD_CHECKSUM, denial(counted.authenticate(corrupted, ClientRequest.NONE)));
        assertEquals(0, counting.lookups.get());
        assertTrue(counted.authenticate(token, ClientRequest.NONE).isGranted());
        assertEquals(1, counting.lookups.get());
    }

    @Test
    void authenticate_whenTheStoreFails_isUnavailable_neverGranted() {
        String token = mintAsOperator("a:b");
        TokenService broken = TokenService.builder(new FailingStore()).clock(clock).audit(audit).build();

        assertInstanceOf(AuthDecision.Unavailable.class, broken.authenticate(token, ClientRequest.NONE));
        assertInstanceOf(AuthDecision.Unavailable.class, TokenChecks.authorize(broken, token, "a:b", ClientRequest.from(CLIENT)));
    }

    @Test
    void authenticate_malformedOrMissingCredential_isDenied() {
        assertEquals(DenialReason.NO_CREDENTIAL, denial(service.authenticate(null, ClientRequest.NONE)));
        assertEquals(DenialReason.NO_CREDENTIAL, denial(service.authenticate("", ClientRequest.NONE)));
        assertEquals(DenialReason.MALFORMED, denial(service.authenticate("has space", ClientRequest.NONE)));
        assertEquals(DenialReason.MALFORMED, denial(service.authenticate("nul\u0000byte", ClientRequest.NONE)));
        assertEquals(DenialReason.MALFORMED, denial(service.authenticate("caf\u00e9", ClientRequest.NONE)));
        assertEquals(DenialReason.MALFORMED, denial(service.authenticate("x".repeat(PlainToken.MAX_LENGTH + 1), ClientRequest.NONE)));
    }

    @Test
    void authorize_failsClosed_forMissingOrWildcardRequiredScope_evenForRoot() {
        String root = mintAsOperator("*");

        assertEquals(DenialReason.INSUFFICIENT_SCOPE, denial(TokenChecks.authorize(service, root, (String) null, ClientRequest.from(CLIENT))));
        assertEquals(DenialReason.INSUFFICIENT_SCOPE, denial(TokenChecks.authorize(service, root, "", ClientRequest.from(CLIENT))));
        assertEquals(DenialReason.INSUFFICIENT_SCOPE, denial(TokenChecks.authorize(service, root, "*", ClientRequest.from(CLIENT))));
        assertEquals(DenialReason.INSUFFICIENT_SCOPE, denial(TokenChecks.authorize(service, root, "kafka:*", ClientRequest.from(CLIENT))));
        assertTrue(TokenChecks.authorize(service, root, "kafka:endpoint:read", ClientRequest.from(CLIENT)).isGranted());
    }

    @Test
    void authorize_scopedToken_getsOnlyItsScopes_andTheDenialNamesTheMissingScope() {
        String reader = mintAsOperator("kafka:endpoint:read");

        assertTrue(TokenChecks.authorize(service, reader, "kafka:endpoint:read", ClientRequest.from(CLIENT)).isGranted());
        AuthDecision.Denied denied = assertInstanceOf(AuthDecision.Denied.class,
                TokenChecks.authorize(service, reader, "kafka:endpoint:write", ClientRequest.from(CLIENT)));
        assertEquals("kafka:endpoint:write", denied.requiredScope());
        assertEquals(AuditEventType.AUTHORIZATION_DENIED, audit.last().type());
    }

    @Test
    void runtimeWildcardToken_reachesResources_butNeverAdministers() {
        service.registerRuntimeToken("runtime-wildcard-token-1", ScopeSet.root(), "runtime");
        Caller runtime = callerWith("runtime-wildcard-token-1");

        assertEquals(TokenSource.RUNTIME, runtime.principal().source());
        assertTrue(TokenChecks.authorize(service, "runtime-wildcard-token-1", "anything:at:all", ClientRequest.from(CLIENT)).isGranted());
        assertEquals(Refusal.Kind.FORBIDDEN, service.mint(runtime, MintRequest.of("a")).refusal().kind());
        assertEquals(Refusal.Kind.FORBIDDEN, service.list(runtime, TokenQuery.all()).refusal().kind());
        assertTrue(service.unregisterRuntimeToken("runtime-wildcard-token-1"));
        assertEquals(DenialReason.UNKNOWN, denial(service.authenticate("runtime-wildcard-token-1", ClientRequest.NONE)));
    }

    @Test
    void configAdminToken_isRootWithConfigSource() {
        TokenPrincipal config = granted(service.authenticate("break-glass-admin-token-7Qm2Xv9Lk4Rz8Wp", ClientRequest.NONE));

        assertEquals(TokenSource.CONFIG, config.source());
        assertEquals(ActorLabel.CONFIG, config.actor());
        assertTrue(config.isRoot());
        assertEquals(DenialReason.UNKNOWN, denial(service.authenticate("break-glass-admin-token-124", ClientRequest.NONE)));
    }

    @Test
    void revoke_isImmediate_thenTheSamePrefixIsNotFound() {
        Caller root = callerWith(mintAsOperator("*"));
        String token = mintAsOperator("a:b");
        String prefix = PlainToken.of(token).prefix();

        TokenRecord revoked = service.revoke(root, prefix).value();

        assertEquals(clock.instant(), revoked.revokedAt());
        assertEquals(root.actor(), revoked.revokedBy());
        assertEquals(DenialReason.REVOKED, denial(service.authenticate(token, ClientRequest.NONE)));
        assertEquals(Refusal.Kind.NOT_FOUND, service.revoke(root, prefix).refusal().kind());
        assertEquals(Refusal.Kind.NOT_FOUND, service.revoke(root, "sk_doesnotexist").refusal().kind());
    }

    @Test
    void revoke_ofOwnToken_isRefused() {
        String rootToken = mintAsOperator("*");
        Caller root = callerWith(rootToken);

        Refusal refusal = service.revoke(root, PlainToken.of(rootToken).prefix()).refusal();

        assertEquals(Refusal.Kind.INVALID_REQUEST, refusal.kind());
        assertTrue(service.authenticate(rootToken, ClientRequest.NONE).isGranted());
    }

    @Test
    void revoke_ofAmbiguousLegacyPrefix_isRefused_andRevokesNothing() {
        TokenRecord first = legacy("legacyAA-first-token");
        TokenRecord second = legacy("legacyAA-second-token");
        assertEquals(first.prefix(), second.prefix());
        InMemoryTokenStore legacyStore = InMemoryTokenStore.withRecords(List.of(first, second));
        TokenService legacyService = TokenService.builder(legacyStore).clock(clock).audit(audit).build();

        Refusal refusal = legacyService.revoke(operator, first.prefix()).refusal();

        assertEquals(Refusal.Kind.CONFLICT, refusal.kind());
        assertFalse(refusal.message().contains("legacyAA-"));
        assertTrue(legacyService.authenticate("legacyAA-first-token", ClientRequest.NONE).isGranted());
        assertTrue(legacyService.authenticate("legacyAA-second-token", ClientRequest.NONE).isGranted());
    }

    private static TokenRecord legacy(String token) {
        return TokenRecord.legacy(PlainToken.of(token));
    }

    @Test
    void revokeSubject_revokesEveryLiveTokenOfTheSubject_exceptTheCallersOwn() {
        String rootOfAlice = service.mint(operator, new MintRequest(List.of("*"), null, "alice", null))
                .value().token().reveal();
        String alice1 = service.mint(operator, MintRequest.of("a").forSubject("alice")).value().token().reveal();
        String alice2 = service.mint(operator, MintRequest.of("b").forSubject("alice")).value().token().reveal();
        String bob = service.mint(operator, MintRequest.of("a").forSubject("bob")).value().token().reveal();

        int revoked = service.revokeSubject(callerWith(rootOfAlice), "alice").value();

        assertEquals(2, revoked);
        assertFalse(service.authenticate(alice1, ClientRequest.NONE).isGranted());
        assertFalse(service.authenticate(alice2, ClientRequest.NONE).isGranted());
        assertTrue(service.authenticate(bob, ClientRequest.NONE).isGranted());
        assertTrue(service.authenticate(rootOfAlice, ClientRequest.NONE).isGranted());
    }

    @Test
    void rotate_mintsSuccessorWithSameScopesAndName_andRetiresTheOldAfterGrace_touchingNothingElse() {
        String old = service.mint(operator, MintRequest.of("a:b", "c").named("ci").forSubject("svc"))
                .value().token().reveal();
        String bystander = mintAsOperator("a:b");

        MintedToken successor = service.rotate(operator, PlainToken.of(old).prefix(), Duration.ofMinutes(10))
                .value();

        assertEquals(ScopeSet.parseList("a:b,c"), successor.record().scopes());
        assertEquals("ci", successor.record().name());
        assertEquals("svc", successor.record().subject());
        assertNotEquals(old, successor.token().reveal());
        assertTrue(service.authenticate(old, ClientRequest.NONE).isGranted(), "old token lives through the grace period");
        clock.advance(Duration.ofMinutes(10));
        assertEquals(DenialReason.REVOKED, denial(service.authenticate(old, ClientRequest.NONE)));
        assertTrue(service.authenticate(successor.token().reveal(), ClientRequest.NONE).isGranted());
        assertTrue(service.authenticate(bystander, ClientRequest.NONE).isGranted());
        assertNull(store.findByHash(PlainToken.of(bystander).hash()).orElseThrow().revokedAt());
    }

    @Test
    void rotate_withZeroGrace_retiresAtOnce_andRootTokensOnlyByOperator() {
        String old = mintAsOperator("a:b");
        String storeRoot = mintAsOperator("*");
        String otherRoot = mintAsOperator("*");

        service.rotate(operator, PlainToken.of(old).prefix(), Duration.ZERO).value();

        assertEquals(DenialReason.REVOKED, denial(service.authenticate(old, ClientRequest.NONE)));
        assertEquals(Refusal.Kind.FORBIDDEN, service.rotate(callerWith(storeRoot),
                PlainToken.of(otherRoot).prefix(), Duration.ZERO).refusal().kind());
    }

    @Test
    void rotate_withAGracePeriodNoInstantCanHold_isRefused_andLeavesTheTokenAsItWas() {
        String old = mintAsOperator("a:b");

        Outcome<MintedToken> rotated = service.rotate(operator, PlainToken.of(old).prefix(),
                Duration.ofSeconds(Long.MAX_VALUE));

        assertEquals(Refusal.Kind.INVALID_REQUEST, rotated.refusal().kind());
        assertTrue(service.authenticate(old, ClientRequest.NONE).isGranted());
        assertNull(store.findByHash(PlainToken.of(old).hash()).orElseThrow().revokedAt());
    }

    @Test
    void mutation_thatCannotPersist_throws_andLeavesTheStoreUnchanged() {
        FailingStore failing = new FailingStore();
        TokenService broken = TokenService.builder(failing).clock(clock).audit(audit).build();

        dev.scopekey.port.TokenStoreException thrown = assertThrows(dev.scopekey.port.TokenStoreException.class,
                () -> broken.mint(operator, MintRequest.of("a")));

        assertFalse(thrown.getMessage().contains("sk_"));
        assertEquals(0, audit.count(AuditEventType.TOKEN_MINTED));
    }

    @Test
    void lastUse_isCoalescedInMemory_andFlushedOncePerToken() {
        String a = mintAsOperator("a");
        String b = mintAsOperator("b");
        CountingStore counting = new CountingStore(store);
        TokenService counted = TokenService.builder(counting).clock(clock).audit(audit)
                .lastUsedFlushInterval(null).build();
        for (int i = 0; i < 100; i++) {
            counted.authenticate(i % 2 == 0 ? a : b, ClientRequest.NONE);
        }
        assertEquals(0, counting.useBatches.get(), "no write per request");
        clock.advance(Duration.ofSeconds(1));
        assertTrue(counted.flushLastUsed());

        assertEquals(1, counting.useBatches.get());
        assertEquals(2, counting.usedTokens.get());
        assertEquals(Instant.parse("2026-01-01T00:00:00Z"),
                store.findByHash(PlainToken.of(a).hash()).orElseThrow().lastUsedAt());
        assertTrue(counted.flushLastUsed());
        assertEquals(1, counting.useBatches.get(), "nothing pending, nothing written");
    }

    @Test
    void list_isRootOnly_paged_andOmitsRevokedTokensUnlessAsked() {
        Caller root = callerWith(mintAsOperator("*"));
        for (int i = 0; i < 7; i++) {
            mintAsOperator("a:" + i);
        }
        String revoked = mintAsOperator("gone");
        service.revoke(operator, PlainToken.of(revoked).prefix());
        TokenQuery live = new TokenQuery(null, null, 3, clock.instant());

        TokenPage first = service.list(root, live).value();
        TokenPage second = service.list(root, live.after(first.nextAfter())).value();
        TokenPage third = service.list(root, live.after(second.nextAfter())).value();

        assertEquals(3, first.records().size());
        assertEquals(3, second.records().size());
        assertEquals(2, third.records().size());
        assertNull(third.nextAfter());
        assertEquals(9, service.list(root, TokenQuery.all()).value().records().size());
        assertEquals(Refusal.Kind.FORBIDDEN,
                service.list(callerWith(mintAsOperator("a")), TokenQuery.all()).refusal().kind());
    }

    @Test
    void mint_retriesWhenAGeneratedPrefixCollides() throws Exception {
        java.security.SecureRandom first = java.security.SecureRandom.getInstance("SHA1PRNG");
        first.setSeed(42L);
        java.security.SecureRandom second = java.security.SecureRandom.getInstance("SHA1PRNG");
        second.setSeed(42L);
        TokenService a = TokenService.builder(store).clock(clock).audit(audit).random(first).build();
        TokenService b = TokenService.builder(store).clock(clock).audit(audit).random(second).build();

        String fromA = a.mint(operator, MintRequest.of("x")).value().token().reveal();
        String fromB = b.mint(operator, MintRequest.of("x")).value().token().reveal();

        assertNotEquals(PlainToken.of(fromA).prefix(), PlainToken.of(fromB).prefix());
        assertTrue(service.authenticate(fromA, ClientRequest.NONE).isGranted());
        assertTrue(service.authenticate(fromB, ClientRequest.NONE).isGranted());
    }

    @Test
    void auditEvents_nameActorsAndTargets_neverSecrets() {
        String rootToken = mintAsOperator("*");
        Caller root = callerWith(rootToken);
        MintedToken minted = service.mint(root, MintRequest.of("a")).value();
        service.revoke(root, minted.token().prefix());
        service.authenticate(minted.token().reveal(), ClientRequest.from(CLIENT));

        assertTrue(audit.events.stream().anyMatch(e -> e.type() == AuditEventType.TOKEN_MINTED
                && e.actor().equals(ActorLabel.token(PlainToken.of(rootToken).prefix()))
                && minted.token().prefix().equals(e.target()) && CLIENT.equals(e.clientAddress())));
        assertTrue(audit.events.stream().anyMatch(e -> e.type() == AuditEventType.TOKEN_REVOKED));
        String everything = audit.events.toString();
        assertFalse(everything.contains(minted.token().reveal()));
        assertFalse(everything.contains(rootToken));
        assertFalse(everything.contains(minted.token().hash()));
    }
}
