package dev.scopekey.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.scopekey.domain.ActorLabel;
import dev.scopekey.domain.AuditEventType;
import dev.scopekey.domain.DurationText;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.store.memory.InMemoryTokenStore;
import dev.scopekey.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LifetimePolicyTest {
    private static final Duration DAYS_90 = Duration.ofDays(90);

    private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemoryTokenStore store = new InMemoryTokenStore();
    private final RecordingAuditSink audit = new RecordingAuditSink();
    private final Caller operator = Caller.operator(ActorLabel.CLI);

    private TokenServiceBuilder builder() {
        return TokenService.builder(store).clock(clock).audit(audit).lastUsedFlushInterval(null);
    }

    private static Instant expiryOf(Outcome<MintedToken> minted) {
        return minted.value().record().expiresAt();
    }

    @Test
    void withoutPolicy_mintWithoutLifetime_neverExpires_asIn010() {
        TokenService service = builder().build();

        assertNull(expiryOf(service.mint(operator, MintRequest.of("a:read"))));
        assertNull(expiryOf(service.mint(operator, MintRequest.of("a:read").neverExpiring())));
        assertEquals(clock.instant().plus(Duration.ofDays(400)),
                expiryOf(service.mint(operator, MintRequest.of("a:read").expiringIn(Duration.ofDays(400)))));
    }

    @Test
    void defaultLifetime_appliesToMintWithoutLifetime_only() {
        TokenService service = builder().defaultLifetime(Duration.ofHours(10)).build();

        assertEquals(clock.instant().plus(Duration.ofHours(10)), expiryOf(service.mint(operator, MintRequest.of("a:read"))));
        assertEquals(clock.instant().plus(Duration.ofDays(2)),
                expiryOf(service.mint(operator, MintRequest.of("a:read").expiringIn(Duration.ofDays(2)))));
        assertNull(expiryOf(service.mint(operator, MintRequest.of("a:read").neverExpiring())));
    }

    @Test
    void maxLifetime_refusesLongerLifetime_namingTheMaximum_andAuditsIt() {
        TokenService service = builder().maxLifetime(DAYS_90).build();

        Refusal refusal = service.mint(operator, MintRequest.of("a:read").expiringIn(Duration.ofDays(91))).refusal();

        assertEquals(Refusal.Kind.INVALID_REQUEST, refusal.kind());
        assertEquals("expiresIn exceeds the maximum lifetime of 90d", refusal.message());
        assertEquals(AuditEventType.MINT_REFUSED, audit.last().type());
        assertEquals(0, store.list(new dev.scopekey.port.TokenQuery(null, null, 10, null)).size());
        assertEquals(clock.instant().plus(DAYS_90),
                expiryOf(service.mint(operator, MintRequest.of("a:read").expiringIn(DAYS_90))));
    }

    @Test
    void maxLifetime_refusesNeverExpiring_unlessAllowed() {
        TokenService strict = builder().maxLifetime(DAYS_90).build();
        TokenService lenient = builder().maxLifetime(DAYS_90).allowNeverExpires(true).build();

        Refusal never = strict.mint(operator, MintRequest.of("a:read").neverExpiring()).refusal();
        Refusal unasked = strict.mint(operator, MintRequest.of("a:read")).refusal();

        assertEquals("tokens that never expire are not allowed here; the maximum lifetime is 90d", never.message());
        assertEquals("expiresIn is required: tokens here must expire; the maximum lifetime is 90d", unasked.message());
        assertNull(expiryOf(lenient.mint(operator, MintRequest.of("a:read").neverExpiring())));
    }

    @Test
    void neverExpiringRefused_withDefault_givesTheDefault() {
        TokenService service = builder().defaultLifetime(Duration.ofDays(7)).allowNeverExpires(false).build();

        assertEquals(clock.instant().plus(Duration.ofDays(7)), expiryOf(service.mint(operator, MintRequest.of("a:read"))));
        assertEquals(Refusal.Kind.INVALID_REQUEST,
                service.mint(operator, MintRequest.of("a:read").neverExpiring()).refusal().kind());
    }

    @Test
    void build_refusesDefaultAboveMaximum_andNonPositiveLifetimes() {
        IllegalArgumentException above = assertThrows(IllegalArgumentException.class,
                () -> builder().defaultLifetime(Duration.ofDays(91)).maxLifetime(DAYS_90).build());
        assertEquals("the default lifetime (91d) exceeds the maximum lifetime (90d)", above.getMessage());
        assertThrows(IllegalArgumentException.class, () -> builder().maxLifetime(Duration.ZERO).build());
        assertThrows(IllegalArgumentException.class, () -> builder().defaultLifetime(Duration.ofDays(-1)).build());
    }

    @Test
    void rotation_successorNeverOutlivesTheMaximum() {
        TokenService before = builder().build();
        String longLived = before.mint(operator, MintRequest.of("a:read").expiringIn(Duration.ofDays(365)))
                .value().record().prefix();
        String eternal = before.mint(operator, MintRequest.of("a:read")).value().record().prefix();
        TokenService after = builder().maxLifetime(DAYS_90).build();
        clock.advance(Duration.ofDays(1));

        TokenRecord fromLong = after.rotate(operator, longLived, Duration.ZERO).value().record();
        TokenRecord fromEternal = after.rotate(operator, eternal, Duration.ZERO).value().record();

        assertEquals(clock.instant().plus(DAYS_90), fromLong.expiresAt());
        assertEquals(clock.instant().plus(DAYS_90), fromEternal.expiresAt());
    }

    @Test
    void rotation_keepsTheOldLifetime_withinTheMaximum() {
        TokenService service = builder().maxLifetime(DAYS_90).defaultLifetime(Duration.ofDays(30)).build();
        String prefix = service.mint(operator, MintRequest.of("a:read").expiringIn(Duration.ofDays(10)))
                .value().record().prefix();
        clock.advance(Duration.ofDays(2));

        TokenRecord successor = service.rotate(operator, prefix, Duration.ZERO).value().record();

        assertEquals(clock.instant().plus(Duration.ofDays(10)), successor.expiresAt());
    }

    @Test
    void durationText_formatsInTheLargestUnit_andParsesBack() {
        assertEquals("90d", DurationText.format(DAYS_90));
        assertEquals("36h", DurationText.format(Duration.ofHours(36)));
        assertEquals("15m", DurationText.format(Duration.ofMinutes(15)));
        assertEquals("61s", DurationText.format(Duration.ofSeconds(61)));
        assertEquals(Duration.ofHours(36), DurationText.parse(DurationText.format(Duration.ofHours(36))));
    }
}
