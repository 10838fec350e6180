package dev.scopekey.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scopekey.domain.ActorLabel;
import dev.scopekey.domain.AuditEventType;
import dev.scopekey.domain.AuthDecision;
import dev.scopekey.domain.DurationText;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.domain.TokenUpdate;
import dev.scopekey.port.DuplicateTokenException;
import dev.scopekey.port.TokenChange;
import dev.scopekey.port.TokenQuery;
import dev.scopekey.port.TokenStore;
import dev.scopekey.store.memory.InMemoryTokenStore;
import dev.scopekey.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Rotation bounds, self-targeting, races with the store and what each call reports to metrics. */
class AdministrationEdgesTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final ScriptedStore store = new ScriptedStore(new InMemoryTokenStore());
    private final RecordingAuditSink audit = new RecordingAuditSink();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final TokenService service = TokenService.builder(store).clock(clock).audit(audit).metrics(metrics)
            .selfService(true).lastUsedFlushInterval(null).build();
    private final Caller operator = Caller.operator(ActorLabel.CLI);

    /** A store that can refuse inserts as duplicates and lose a record between lookup and update. */
    private static final class ScriptedStore implements TokenStore {
        private final TokenStore delegate;
        int duplicateInserts;
        int insertAttempts;
        boolean loseUpdates;

        ScriptedStore(TokenStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<TokenRecord> findByHash(String hash) {
            return delegate.findByHash(hash);
        }

        @Override
        public List<TokenRecord> findByPrefix(String prefix) {
            return delegate.findByPrefix(prefix);
        }

        @Override
        public List<TokenRecord> list(TokenQuery query) {
            return delegate.list(query);
        }

        @Override
        public void apply(TokenChange change) {
            if (!change.inserts().isEmpty()) {
                insertAttempts++;
                if (duplicateInserts > 0) {
                    duplicateInserts--;
                    throw new DuplicateTokenException(change.inserts().get(0).prefix());
                }
            }
            delegate.apply(change);
        }

        @Override
        public void recordUse(Map<String, Instant> lastUsedByHash) {
            delegate.recordUse(lastUsedByHash);
        }

        @Override
        public Optional<TokenRecord> update(String hash, TokenUpdate update) {
            return loseUpdates ? Optional.empty() : delegate.update(hash, update);
        }
    }

    private MintedToken mint(MintRequest request) {
        return service.mint(operator, request).value();
    }

    private Caller callerWith(MintedToken token) {
        AuthDecision decision = service.authenticate(token.token().reveal(), ClientRequest.NONE);
        return Caller.of(assertInstanceOf(AuthDecision.Granted.class, decision).principal(), "192.0.2.1");
    }

    private TokenRecord stored(MintedToken token) {
        return store.findByPrefix(token.record().prefix()).get(0);
    }

    @Test
    void rotate_acceptsAGraceOfExactlyTheLongest_andRefusesOneSecondMore() {
        MintedToken token = mint(MintRequest.of("kafka:read"));
        String prefix = token.record().prefix();

        assertEquals(Refusal.Kind.INVALID_REQUEST,
                service.rotate(operator, prefix, DurationText.LONGEST.plusSeconds(1)).refusal().kind());
        assertNull(stored(token).revokedAt());
        assertNotNull(service.rotate(operator, prefix, DurationText.LONGEST).value());
        assertEquals(clock.instant().plus(DurationText.LONGEST), stored(token).revokedAt());
    }

    @Test
    void rotate_ofATokenAlreadyRetiring_neverPostponesItsRetirement() {
        MintedToken token = mint(MintRequest.of("kafka:read"));
        String prefix = token.record().prefix();
        Instant firstRetirement = clock.instant().plus(Duration.ofMinutes(5));

        service.rotate(operator, prefix, Duration.ofMinutes(5)).value();
        service.rotate(operator, prefix, Duration.ofDays(1)).value();

        assertEquals(firstRetirement, stored(token).revokedAt());
        service.rotate(operator, prefix, Duration.ZERO).value();
        assertEquals(clock.instant(), stored(token).revokedAt(), "an earlier retirement does apply");
    }

    @Test
    void rotate_isAuditedAndCounted() {
        MintedToken token = mint(MintRequest.of("kafka:read"));
        metrics.events.clear();

        MintedToken successor = service.rotate(operator, token.record().prefix(), Duration.ZERO).value();

        assertEquals(AuditEventType.TOKEN_ROTATED, audit.last().type());
        assertNotNull(successor);
        assertEquals(List.of("ROTATED:1"), metrics.decisions());
    }

    @Test
    void revoke_logout_andUpdate_areEachCountedOnce() {
        MintedToken revoked = mint(MintRequest.of("kafka:read"));
        MintedToken updated = mint(MintRequest.of("kafka:read"));
        Caller leaving = callerWith(mint(MintRequest.of("kafka:read").forSubject("alice")));
        metrics.events.clear();

        service.revoke(operator, revoked.record().prefix()).value();
        service.logout(leaving).value();
        service.update(operator, updated.record().prefix(), TokenUpdate.none().name("renamed")).value();

        assertEquals(List.of("REVOKED:1", "REVOKED:1", "UPDATED:1"), metrics.decisions());
    }

    @Test
    void aTokenTargetingItself_isToldWhichCallItMayNotMakeOnItself() {
        MintedToken root = mint(MintRequest.of("*"));
        Caller self = callerWith(root);
        String prefix = root.record().prefix();

        assertEquals("a token cannot update itself",
                service.update(self, prefix, TokenUpdate.none().name("x")).refusal().message());
        assertEquals("a token cannot revoke or rotate itself", service.revoke(self, prefix).refusal().message());
        assertEquals("a token cannot revoke or rotate itself",
                service.rotate(self, prefix, Duration.ZERO).refusal().message());
        assertNull(stored(root).revokedAt());
    }

    @Test
    void update_ofATokenGoneBeforeTheStoreUpdate_isNotFound_andNotAudited() {
        MintedToken token = mint(MintRequest.of("kafka:read").named("old"));
        store.loseUpdates = true;

        Outcome<TokenRecord> outcome = service.update(operator, token.record().prefix(), TokenUpdate.none().name("new"));

        assertEquals(Refusal.Kind.NOT_FOUND, outcome.refusal().kind());
        assertEquals(0, audit.count(AuditEventType.TOKEN_UPDATED));
        assertEquals(AuditEventType.UPDATE_REFUSED, audit.last().type());
    }

    @Test
    void mint_retriesACollidingToken_upToFiveTimes_thenGivesUp() {
        store.duplicateInserts = 4;
        assertNotNull(service.mint(operator, MintRequest.of("kafka:read")).value());
        assertEquals(5, store.insertAttempts);

        store.insertAttempts = 0;
        store.duplicateInserts = Integer.MAX_VALUE;
        assertThrows(DuplicateTokenException.class, () -> service.mint(operator, MintRequest.of("kafka:read")));
        assertEquals(5, store.insertAttempts);
    }

    @Test
    void aLimitOfOneLiveTokenPerSubject_refusesTheSecond() {
        TokenService limited = TokenService.builder(store).clock(clock).audit(audit).maxTokensPerSubject(1)
                .lastUsedFlushInterval(null).build();

        assertNotNull(limited.mint(operator, MintRequest.of("kafka:read").forSubject("alice")).value());
        assertEquals(Refusal.Kind.CONFLICT,
                limited.mint(operator, MintRequest.of("kafka:read").forSubject("alice")).refusal().kind());
    }

    @Test
    void rotate_ofARecordWithoutACreationTime_keepsItsExpiry_ratherThanDroppingIt() {
        MintedToken token = mint(MintRequest.of("kafka:read"));
        Instant expiry = clock.instant().plus(Duration.ofHours(3));
        TokenRecord legacy = TokenRecord.builder(token.record().prefix(), stored(token).hash(), stored(token).scopes())
                .expiresAt(expiry).build();
        store.apply(TokenChange.update(List.of(legacy)));

        MintedToken successor = service.rotate(operator, token.record().prefix(), Duration.ZERO).value();

        assertEquals(expiry, successor.record().expiresAt());
    }

    @Test
    void mint_withoutAnyScope_isRefused_andStoresNothing() {
        Outcome<MintedToken> outcome = service.mint(operator, new MintRequest(List.of(), null, null, null));

        assertEquals(Refusal.Kind.INVALID_REQUEST, outcome.refusal().kind());
        assertEquals(0, store.list(TokenQuery.all()).size());
    }

    @Test
    void mint_withOneScopeMoreThanTheMost_isRefused_andWithTheMostIsMinted() {
        List<String> most = java.util.stream.IntStream.range(0, MintPolicy.MAX_SCOPES).mapToObj(i -> "s" + i + ":read").toList();
        List<String> oneMore = new java.util.ArrayList<>(most);
        oneMore.add("extra:read");

        assertEquals(Refusal.Kind.INVALID_REQUEST,
                service.mint(operator, new MintRequest(oneMore, null, null, null)).refusal().kind());
        assertEquals(0, store.list(TokenQuery.all()).size());
        assertEquals(MintPolicy.MAX_SCOPES, mint(new MintRequest(most, null, null, null)).record().scopes().size());
    }
}
