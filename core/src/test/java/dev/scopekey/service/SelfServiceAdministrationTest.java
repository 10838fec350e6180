package dev.scopekey.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.ActorLabel;
import dev.scopekey.domain.AddressList;
import dev.scopekey.domain.AuditEvent;
import dev.scopekey.domain.AuditEventType;
import dev.scopekey.domain.AuthDecision;
import dev.scopekey.domain.RequestRate;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.domain.TokenUpdate;
import dev.scopekey.port.TokenQuery;
import dev.scopekey.store.memory.InMemoryTokenStore;
import dev.scopekey.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Self-service by subject, logout and metadata updates, decided in the service without HTTP. */
class SelfServiceAdministrationTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemoryTokenStore store = new InMemoryTokenStore();
    private final RecordingAuditSink audit = new RecordingAuditSink();
    private final TokenService service = TokenService.builder(store).clock(clock).audit(audit)
            .selfService(true).maxTokensPerSubject(3).lastUsedFlushInterval(null).build();
    private final TokenService plain = TokenService.builder(store).clock(clock).audit(audit)
            .lastUsedFlushInterval(null).build();
    private final Caller operator = Caller.operator(ActorLabel.CLI);

    private MintedToken mint(MintRequest request) {
        return service.mint(operator, request).value();
    }

    private Caller callerWith(TokenService in, MintedToken token) {
        AuthDecision decision = in.authenticate(token.token().reveal(), ClientRequest.NONE);
        return Caller.of(assertInstanceOf(AuthDecision.Granted.class, decision).principal(), "192.0.2.1");
    }

    private Caller callerWith(MintedToken token) {
        return callerWith(service, token);
    }

    private TokenRecord stored(MintedToken token) {
        return store.findByPrefix(token.record().prefix()).get(0);
    }

    @Test
    void selfServiceMint_forItsOwnSubject_withScopesItHolds_isDone_andNamesTheSubject() {
        Caller alice = callerWith(mint(MintRequest.of("kafka:read", "db:*").forSubject("alice")
                .expiringIn(Duration.ofDays(2))));

        MintedToken minted = service.mint(alice, MintRequest.of("kafka:read", "db:write")
                .expiringIn(Duration.ofDays(1))).value();

        assertEquals("alice", minted.record().subject());
        assertEquals(clock.instant().plus(Duration.ofDays(1)), minted.record().expiresAt());
        assertEquals("alice", stored(minted).subject());
    }

    @Test
    void selfServiceMint_forAnotherSubject_orAScopeItDoesNotHold_isForbidden() {
        Caller alice = callerWith(mint(MintRequest.of("kafka:read", "db:*").forSubject("alice")
                .expiringIn(Duration.ofDays(2))));

        assertEquals(Refusal.Kind.FORBIDDEN, service.mint(alice, MintRequest.of("kafka:read").forSubject("bob")
                .expiringIn(Duration.ofDays(1))).refusal().kind());
        assertEquals(Refusal.Kind.FORBIDDEN, service.mint(alice, MintRequest.of("kafka:write")
                .expiringIn(Duration.ofDays(1))).refusal().kind());
        assertEquals(Refusal.Kind.FORBIDDEN, service.mint(alice, MintRequest.of("db")
                .expiringIn(Duration.ofDays(1))).refusal().kind(), "the stem alone is not under the wildcard");
        assertEquals(1, service.list(operator, TokenQuery.all()).value().records().size(), "nothing minted");
    }

    @Test
    void selfServiceMint_forItsOwnSubjectNamedExplicitly_isDone() {
        Caller alice = callerWith(mint(MintRequest.of("kafka:read").forSubject("alice")
                .expiringIn(Duration.ofDays(2))));

        assertEquals("alice", service.mint(alice, MintRequest.of("kafka:read").forSubject("alice")
                .expiringIn(Duration.ofDays(1))).value().record().subject());
    }

    @Test
    void selfServiceMint_thatWouldOutliveTheMinter_isForbidden_butExactlyAsLongIsDone() {
        Caller alice = callerWith(mint(MintRequest.of("kafka:read").forSubject("alice")
                .expiringIn(Duration.ofDays(2))));

        assertEquals(Refusal.Kind.FORBIDDEN, service.mint(alice, MintRequest.of("kafka:read")
                .expiringIn(Duration.ofDays(3))).refusal().kind());
        assertEquals(Refusal.Kind.FORBIDDEN, service.mint(alice, MintRequest.of("kafka:read")
                .neverExpiring()).refusal().kind());
        assertNotNull(service.mint(alice, MintRequest.of("kafka:read").expiringIn(Duration.ofDays(2))).value());
    }

    @Test
    void selfServiceMint_whenTheSubjectHasTheMostLiveTokens_isAConflict() {
        Caller alice = callerWith(mint(MintRequest.of("kafka:read").forSubject("alice")
                .expiringIn(Duration.ofDays(2))));
        mint(MintRequest.of("kafka:read").forSubject("alice"));

        assertNotNull(service.mint(alice, MintRequest.of("kafka:read").expiringIn(Duration.ofDays(1))).value());
        Refusal refusal = service.mint(alice, MintRequest.of("kafka:read").expiringIn(Duration.ofDays(1))).refusal();
        assertEquals(Refusal.Kind.CONFLICT, refusal.kind());
        assertTrue(refusal.message().contains("3 live tokens"), refusal.message());
        assertEquals(Refusal.Kind.CONFLICT, service.mint(operator, MintRequest.of("kafka:read").forSubject("alice"))
                .refusal().kind(), "the limit holds for root too");
        assertNotNull(service.mint(operator, MintRequest.of("kafka:read")).value(), "no subject: no limit");
    }

    @Test
    void withSelfServiceOff_aSubjectsToken_mayNotMint_list_orRevoke() {
        MintedToken aliceToken = mint(MintRequest.of("kafka:read").forSubject("alice"));
        MintedToken other = mint(MintRequest.of("kafka:read").forSubject("alice"));
        Caller alice = callerWith(plain, aliceToken);

        assertEquals(Refusal.Kind.FORBIDDEN, plain.mint(alice, MintRequest.of("kafka:read")).refusal().kind());
        assertEquals(Refusal.Kind.FORBIDDEN, plain.list(alice, TokenQuery.all()).refusal().kind());
        assertEquals(Refusal.Kind.FORBIDDEN, plain.revoke(alice, other.record().prefix()).refusal().kind());
        assertEquals(Refusal.Kind.FORBIDDEN, plain.revokeSubject(alice, "alice").refusal().kind());
        assertEquals(Refusal.Kind.FORBIDDEN, plain.logout(alice).refusal().kind());
        assertNull(stored(other).revokedAt());
        assertNull(stored(aliceToken).revokedAt());
    }

    @Test
    void selfServiceList_showsOnlyItsOwnSubject_andRefusesAnotherSubject() {
        Caller alice = callerWith(mint(MintRequest.of("kafka:read").forSubject("alice")));
        mint(MintRequest.of("kafka:read").forSubject("bob"));
        mint(MintRequest.of("kafka:read"));

        List<TokenRecord> shown = service.list(alice, TokenQuery.all()).value().records();
        assertEquals(1, shown.size());
        assertEquals("alice", shown.get(0).subject());
        assertEquals(1, service.list(alice, TokenQuery.all().withSubject("alice")).value().records().size());
        assertEquals(Refusal.Kind.FORBIDDEN, service.list(alice, TokenQuery.all().withSubject("bob")).refusal().kind());
        assertEquals(3, service.list(operator, TokenQuery.all()).value().records().size());
    }

    @Test
    void list_showsALastUseNotYetFlushed() {
        MintedToken token = mint(MintRequest.of("kafka:read"));
        clock.advance(Duration.ofMinutes(1));
        service.authenticate(token.token().reveal(), ClientRequest.NONE);

        TokenRecord shown = service.list(operator, TokenQuery.all()).value().records().get(0);
        assertEquals(clock.instant(), shown.lastUsedAt());
    }

    @Test
    void selfServiceRevoke_reachesOnlyItsOwnSubjectsTokens() {
        Caller alice = callerWith(mint(MintRequest.of("kafka:read").forSubject("alice")));
        MintedToken aliceOther = mint(MintRequest.of("kafka:read").forSubject("alice"));
        MintedToken bob = mint(MintRequest.of("kafka:read").forSubject("bob"));

        assertEquals(Refusal.Kind.NOT_FOUND, service.revoke(alice, bob.record().prefix()).refusal().kind());
        assertNull(stored(bob).revokedAt());
        assertEquals(Refusal.Kind.FORBIDDEN, service.revokeSubject(alice, "bob").refusal().kind());
        assertNull(stored(bob).revokedAt());
        assertNotNull(service.revoke(alice, aliceOther.record().prefix()).value());
        assertNotNull(stored(aliceOther).revokedAt());
    }

    @Test
    void logout_revokesThePresentedTokenOnly_once_andAuditsIt() {
        MintedToken token = mint(MintRequest.of("kafka:read").forSubject("alice"));
        MintedToken sibling = mint(MintRequest.of("kafka:read").forSubject("alice"));
        Caller alice = callerWith(token);

        TokenRecord revoked = service.logout(alice).value();
        assertEquals(clock.instant(), revoked.revokedAt());
        assertEquals(clock.instant(), stored(token).revokedAt());
        assertNull(stored(sibling).revokedAt());
        assertEquals(AuditEventType.TOKEN_REVOKED, audit.last().type());
        assertEquals("logout", audit.last().facts().get("via"));
        assertEquals(Refusal.Kind.NOT_FOUND, service.logout(alice).refusal().kind(), "no longer live");
    }

    @Test
    void logout_ofANonStoreToken_orWithoutAToken_isRefused() {
        TokenService withAdmin = TokenService.builder(store).clock(clock).audit(audit).selfService(true)
                .adminToken(ADMIN).lastUsedFlushInterval(null).build();
        AuthDecision decision = withAdmin.authenticate(ADMIN, ClientRequest.NONE);
        Caller admin = Caller.of(assertInstanceOf(AuthDecision.Granted.class, decision).principal(), "192.0.2.1");

        assertEquals(Refusal.Kind.INVALID_REQUEST, withAdmin.logout(admin).refusal().kind());
        assertEquals(Refusal.Kind.FORBIDDEN, service.logout(operator).refusal().kind());
    }

    @Test
    void update_changesTheMetadata_persistsIt_andAuditsEachChangedField() {
        MintedToken token = mint(MintRequest.of("kafka:read").named("old"));
        String prefix = token.record().prefix();

        TokenRecord updated = service.update(operator, prefix, TokenUpdate.none().name("new")
                .allowedAddresses(AddressList.parse("10.0.0.0/8")).rateLimit(RequestRate.parse("100/minute")))
                .value();

        assertEquals("new", updated.name());
        assertEquals("new", stored(token).name());
        assertNotNull(stored(token).allowedAddresses());
        assertNotNull(stored(token).rateLimit());
        List<AuditEvent> changes = audit.events.stream().filter(e -> e.type() == AuditEventType.TOKEN_UPDATED).toList();
        assertEquals(3, changes.size());
        assertEquals(Map.of("field", TokenUpdate.Field.NAME.key(), "name", "new"), changes.get(0).facts());
        assertEquals(stored(token).allowedAddresses().toString(), changes.get(1).facts().get("addresses"));
        assertEquals(stored(token).rateLimit().toString(), changes.get(2).facts().get("rate"));
    }

    @Test
    void update_disablingAndEnabling_isAuditedByItsOwnType() {
        MintedToken token = mint(MintRequest.of("kafka:read"));
        String prefix = token.record().prefix();

        assertTrue(service.update(operator, prefix, TokenUpdate.none().disabled(true)).value().disabled());
        assertEquals(AuditEventType.TOKEN_DISABLED, audit.last().type());
        assertTrue(stored(token).disabled());
        assertTrue(!service.update(operator, prefix, TokenUpdate.none().disabled(false)).value().disabled());
        assertEquals(AuditEventType.TOKEN_ENABLED, audit.last().type());
    }

    @Test
    void update_emptyOrWithABadName_isAnInvalidRequest_andChangesNothing() {
        MintedToken token = mint(MintRequest.of("kafka:read").named("old"));
        String prefix = token.record().prefix();

        assertEquals(Refusal.Kind.INVALID_REQUEST, service.update(operator, prefix, TokenUpdate.none()).refusal().kind());
        assertEquals(Refusal.Kind.INVALID_REQUEST,
                service.update(operator, prefix, TokenUpdate.none().name("x".repeat(10_000))).refusal().kind());
        assertEquals("old", stored(token).name());
    }

    @Test
    void update_byAScopedToken_isForbidden_andOfItself_isRefused() {
        MintedToken token = mint(MintRequest.of("kafka:read").named("old").forSubject("alice"));
        Caller alice = callerWith(token);
        MintedToken root = mint(MintRequest.of("*"));
        Caller storedRoot = callerWith(root);

        assertEquals(Refusal.Kind.FORBIDDEN,
                service.update(alice, token.record().prefix(), TokenUpdate.none().name("x")).refusal().kind());
        assertEquals(Refusal.Kind.INVALID_REQUEST,
                service.update(storedRoot, root.record().prefix(), TokenUpdate.none().name("x")).refusal().kind());
        assertEquals("old", stored(token).name());
    }

    private static final String ADMIN = "break-glass-admin-token-0123456789abcdefghijklmnopqrstuvwxyz";
}
