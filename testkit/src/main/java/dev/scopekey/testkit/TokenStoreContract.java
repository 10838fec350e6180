package dev.scopekey.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.ActorLabel;
import dev.scopekey.domain.AddressList;
import dev.scopekey.domain.AuthDecision;
import dev.scopekey.domain.DenialReason;
import dev.scopekey.domain.RequestRate;
import dev.scopekey.domain.TokenFormat;
import dev.scopekey.domain.TokenHash;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.domain.TokenUpdate;
import dev.scopekey.port.TokenQuery;
import dev.scopekey.service.Caller;
import dev.scopekey.service.ClientRequest;
import dev.scopekey.service.MintRequest;
import dev.scopekey.service.MintedToken;
import dev.scopekey.service.Refusal;
import dev.scopekey.service.TokenPage;
import dev.scopekey.service.TokenService;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link dev.scopekey.port.TokenStore} passes: ours and third parties'. A
 * store's test extends this class and supplies a fresh, empty store per test:
 *
 * <pre>{@code
 * class MyStoreContractTest extends TokenStoreContract {
 *     @Override
 *     protected TokenStore newStore() {
 *         return new MyStore();
 *     }
 * }
 * }</pre>
 *
 * <p>The contract reaches the store only through the port and through a {@link TokenService}
 * built on it; it never asks for the store's own clock or cache settings, so a caching store
 * must show its own writes at once. It covers finding by hash and prefix (exact, case-sensitive),
 * duplicate inserts and atomic changes, skipped updates, idempotent revocation, the listing's
 * order, keyset paging, limit and filters, last-use batches, round-trips of every field, more
 * than a thousand records, concurrent writers, pruning of what was revoked or expired before a
 * cutoff, mint, authenticate, revoke, rotate, expiry and prune end to end, and the lifecycle
 * policies (lifetimes, self-service, the per-subject limit, the expiry notice) over the store.
 *
 * <p>Hooks: {@link #release} frees a store after each test, {@link #reopen} opens a persistent
 * store again over the same data, and {@link #timestampPrecision} declares the finest time step
 * the store keeps. Records the contract writes always have source {@code STORE}: the other
 * sources never live in a store.
 */
public abstract class TokenStoreContract extends LifecycleContract {
    private static final Caller OPERATOR = Caller.operator(ActorLabel.CLI);

    @Test
    void service_mintedToken_authenticatesWithItsScopes_andNothingMore() {
        MutableClock clock = MutableClock.start();
        TokenService service = service(clock);
        MintedToken minted = mint(service, MintRequest.of("kafka:endpoint:read", "workspaces:w42:*")
                .named("contract").forSubject("alice"));
        AuthDecision decision = service.authenticate(minted.token().reveal(), ClientRequest.NONE);
        assertTrue(decision.isGranted(), "a freshly minted token authenticates");
        AuthDecision.Granted granted = (AuthDecision.Granted) decision;
        assertEquals(minted.record().prefix(), granted.principal().prefix());
        assertEquals("alice", granted.principal().subject());
        assertTrue(TokenChecks.authorize(service, minted.token().reveal(), "workspaces:w42:write", ClientRequest.NONE).isGranted());
        assertDenied(DenialReason.INSUFFICIENT_SCOPE,
                TokenChecks.authorize(service, minted.token().reveal(), "workspaces:w43:write", ClientRequest.NONE));
        assertEquals(Optional.of(minted.record()), store().findByHash(minted.token().hash()));
    }

    @Test
    void service_unknownToken_isDeniedUnknown() {
        TokenService service = service(MutableClock.start());
        mint(service, MintRequest.of("a"));
        String stranger = TokenFormat.standard().generate(new SecureRandom()).reveal();
        assertDenied(DenialReason.UNKNOWN, service.authenticate(stranger, ClientRequest.NONE));
    }

    @Test
    void service_revokedToken_isDeniedRevoked_andRevokingAgainFindsNothing() {
        MutableClock clock = MutableClock.start();
        TokenService service = service(clock);
        MintedToken minted = mint(service, MintRequest.of("a"));
        MintedToken other = mint(service, MintRequest.of("a"));
        assertTrue(service.revoke(OPERATOR, minted.record().prefix()).isDone());
        assertDenied(DenialReason.REVOKED, service.authenticate(minted.token().reveal(), ClientRequest.NONE));
        TokenRecord revoked = store().findByHash(minted.token().hash()).orElseThrow();
        clock.advance(Duration.ofMinutes(5));
        assertEquals(Refusal.Kind.NOT_FOUND, service.revoke(OPERATOR, minted.record().prefix()).refusal().kind());
        assertEquals(Optional.of(revoked), store().findByHash(minted.token().hash()), "a second revoke changes nothing");
        assertTrue(service.authenticate(other.token().reveal(), ClientRequest.NONE).isGranted(), "other tokens keep working");
    }

    @Test
    void findByHash_answersForTheHashAsForItsHex_found_unknown_andRevoked() {
        MutableClock clock = MutableClock.start();
        TokenService service = service(clock);
        MintedToken live = mint(service, MintRequest.of("a"));
        MintedToken revoked = mint(service, MintRequest.of("a"));
        assertTrue(service.revoke(OPERATOR, revoked.record().prefix()).isDone());
        String unknown = TokenFormat.standard().generate(new SecureRandom()).reveal();
        for (String token : List.of(live.token().reveal(), revoked.token().reveal(), unknown)) {
            TokenHash hash = TokenHash.of(token);
            Optional<TokenRecord> cold = store().findByHash(hash);
            assertEquals(store().findByHash(hash.hex()), cold, "both lookups agree");
            assertEquals(cold, store().findByHash(hash), "a second (warm) lookup agrees");
        }
        assertEquals(Optional.of(live.record()), store().findByHash(TokenHash.of(live.token().reveal())));
        assertTrue(store().findByHash(TokenHash.of(revoked.token().reveal())).orElseThrow()
                .isRevokedAt(clock.instant()), "a revoked record is found, revoked");
        assertEquals(Optional.empty(), store().findByHash(TokenHash.of(unknown)));
    }

    @Test
    void service_rotateWithGrace_keepsTheOldTokenUntilTheGraceEnds_andTouchesNoOther() {
        MutableClock clock = MutableClock.start();
        TokenService service = service(clock);
        MintedToken old = mint(service, MintRequest.of("reports:read").named("rotating"));
        MintedToken bystander = mint(service, MintRequest.of("reports:read"));
        TokenRecord bystanderBefore = store().findByHash(bystander.token().hash()).orElseThrow();
        MintedToken successor = service.rotate(OPERATOR, old.record().prefix(), Duration.ofMinutes(10)).value();
        assertNotEquals(old.record().prefix(), successor.record().prefix());
        assertEquals(old.record().scopes(), successor.record().scopes());
        assertTrue(service.authenticate(old.token().reveal(), ClientRequest.NONE).isGranted(), "the old token works during the grace");
        assertTrue(service.authenticate(successor.token().reveal(), ClientRequest.NONE).isGranted());
        assertTrue(isListedLive(old, clock), "during the grace the old token is listed as live");
        clock.advance(Duration.ofMinutes(10));
        assertDenied(DenialReason.REVOKED, service.authenticate(old.token().reveal(), ClientRequest.NONE));
        assertFalse(isListedLive(old, clock), "after the grace the old token is not listed as live");
        assertTrue(service.authenticate(successor.token().reveal(), ClientRequest.NONE).isGranted());
        assertEquals(Optional.of(bystanderBefore), store().findByHash(bystander.token().hash()));
    }

    @Test
    void service_expiredToken_isDeniedExpired() {
        MutableClock clock = MutableClock.start();
        TokenService service = service(clock);
        MintedToken minted = mint(service, MintRequest.of("a").expiringIn(Duration.ofHours(1)));
        clock.advance(Duration.ofMinutes(59));
        assertTrue(service.authenticate(minted.token().reveal(), ClientRequest.NONE).isGranted());
        clock.advance(Duration.ofMinutes(1));
        assertDenied(DenialReason.EXPIRED, service.authenticate(minted.token().reveal(), ClientRequest.NONE));
    }

    @Test
    void service_lastUse_isFlushedToTheStore() {
        MutableClock clock = MutableClock.start();
        TokenService service = service(clock);
        MintedToken minted = mint(service, MintRequest.of("a"));
        clock.advance(Duration.ofSeconds(30));
        assertTrue(service.authenticate(minted.token().reveal(), ClientRequest.NONE).isGranted());
        assertTrue(service.flushLastUsed(), "the flush succeeds");
        TokenRecord stored = store().findByHash(minted.token().hash()).orElseThrow();
        assertEquals(clock.instant(), stored.lastUsedAt());
        assertEquals(minted.record().withLastUsedAt(clock.instant()), stored);
    }

    @Test
    void service_revokeSubject_revokesOnlyThatSubjectsLiveTokens() {
        MutableClock clock = MutableClock.start();
        TokenService service = service(clock);
        List<MintedToken> alice = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            alice.add(mint(service, MintRequest.of("a").forSubject("alice")));
        }
        MintedToken bob = mint(service, MintRequest.of("a").forSubject("bob"));
        assertEquals(3, service.revokeSubject(OPERATOR, "alice").value());
        for (MintedToken token : alice) {
            assertDenied(DenialReason.REVOKED, service.authenticate(token.token().reveal(), ClientRequest.NONE));
        }
        assertTrue(service.authenticate(bob.token().reveal(), ClientRequest.NONE).isGranted());
    }

    @Test
    void service_list_pagesThroughTheStore_withoutSecrets() {
        MutableClock clock = MutableClock.start();
        TokenService service = service(clock);
        List<MintedToken> minted = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            minted.add(mint(service, MintRequest.of("a")));
        }
        List<TokenRecord> listed = new ArrayList<>();
        TokenQuery query = TokenQuery.all().withLimit(3).liveAt(clock.instant());
        while (true) {
            TokenPage page = service.list(OPERATOR, query).value();
            listed.addAll(page.records());
            if (page.nextAfter() == null) {
                break;
            }
            query = query.after(page.nextAfter());
        }
        assertEquals(minted.size(), listed.size());
        for (MintedToken token : minted) {
            assertTrue(listed.contains(token.record()), "listed: " + token.record().prefix());
            assertFalse(listed.toString().contains(token.token().reveal()), "a listing holds no token");
        }
    }

    private boolean isListedLive(MintedToken token, MutableClock clock) {
        return listAll(store(), TokenQuery.all().liveAt(clock.instant())).stream()
                .anyMatch(r -> r.hash().equals(token.token().hash()));
    }

    private static MintedToken mint(TokenService service, MintRequest request) {
        return service.mint(OPERATOR, request).value();
    }

    @Test
    void update_changesOnlyTheEditableFields_keepsRevocationAndUse_andIsPersisted() throws Exception {
        MutableClock clock = MutableClock.start();
        TokenService service = service(clock);
        MintedToken minted = mint(service, MintRequest.of("kafka:read").named("before").forSubject("alice"));
        String hash = minted.token().hash();
        store().recordUse(Map.of(hash, clock.instant()));
        TokenRecord used = store().findByHash(hash).orElseThrow();
        TokenUpdate update = TokenUpdate.none().name("after").allowedAddresses(AddressList.parse("10.0.0.0/8,::1"))
                .rateLimit(RequestRate.parse("100/minute")).disabled(true);

        TokenRecord updated = store().update(hash, update).orElseThrow();

        assertEquals(update.applyTo(used), updated, "only name, addresses, rate and disabled change");
        assertEquals(Optional.of(updated), store().findByHash(hash));
        assertEquals(Optional.of(updated), reopen(store()).findByHash(hash), "the update is persisted");
        assertEquals(Optional.empty(), store().update(TokenHash.hexOf("no such token"), update));

        service.revoke(OPERATOR, minted.record().prefix());
        TokenRecord revoked = store().findByHash(hash).orElseThrow();
        TokenRecord enabled = store().update(hash, TokenUpdate.none().disabled(false).allowedAddresses(null)
                .rateLimit(null)).orElseThrow();
        assertEquals(revoked.revokedAt(), enabled.revokedAt(), "an update never undoes a revocation");
        assertFalse(enabled.isRestricted());
        assertEquals(used.lastUsedAt(), enabled.lastUsedAt());
    }

    @Test
    void service_update_restrictsDisablesAndEnables_withoutRotating() {
        MutableClock clock = MutableClock.start();
        TokenService service = service(clock);
        MintedToken minted = mint(service, MintRequest.of("kafka:read"));
        String token = minted.token().reveal();
        String prefix = minted.record().prefix();
        ClientRequest loopback = ClientRequest.from("127.0.0.1");

        assertTrue(service.update(OPERATOR, prefix, TokenUpdate.none()
                .allowedAddresses(AddressList.parse("10.0.0.0/8"))).isDone());
        assertDenied(DenialReason.ADDRESS_NOT_ALLOWED, service.authenticate(token, loopback));
        assertTrue(service.authenticate(token, ClientRequest.from("10.1.2.3")).isGranted());
        assertTrue(service.update(OPERATOR, prefix, TokenUpdate.none().allowedAddresses(null).disabled(true)).isDone());
        assertDenied(DenialReason.DISABLED, service.authenticate(token, loopback));
        assertTrue(service.update(OPERATOR, prefix, TokenUpdate.none().disabled(false)).isDone());
        assertTrue(service.authenticate(token, loopback).isGranted(), "the same token works again");
        assertEquals(Refusal.Kind.INVALID_REQUEST, service.update(OPERATOR, prefix, TokenUpdate.none()).refusal().kind());
        service.revoke(OPERATOR, prefix);
        assertEquals(Refusal.Kind.NOT_FOUND,
                service.update(OPERATOR, prefix, TokenUpdate.none().name("x")).refusal().kind());
    }

    private static void assertDenied(DenialReason reason, AuthDecision decision) {
        assertTrue(decision instanceof AuthDecision.Denied, "expected a denial, got " + decision.getClass().getSimpleName());
        assertEquals(reason, ((AuthDecision.Denied) decision).reason());
    }
}
