package dev.scopekey.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.ActorLabel;
import dev.scopekey.domain.AddressList;
import dev.scopekey.domain.DurationText;
import dev.scopekey.domain.RequestRate;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.port.AuditSink;
import dev.scopekey.store.memory.InMemoryTokenStore;
import dev.scopekey.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The builder's settings, the request options, the prune preview and what the types print. */
class ServiceSurfaceTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemoryTokenStore store = new InMemoryTokenStore();
    private final Caller operator = Caller.operator(ActorLabel.CLI);

    private TokenServiceBuilder builder() {
        return TokenService.builder(store).clock(clock).audit(AuditSink.discarding()).lastUsedFlushInterval(null);
    }

    @Test
    void theBuilder_chainsBrandAuthenticatorSelfServiceAndTheSubjectLimit() {
        TokenService service = builder().brand("acme").authenticator(credential -> Optional.empty())
                .selfService(true).maxTokensPerSubject(0).build();

        MintedToken minted = service.mint(operator, MintRequest.of("kafka:read").forSubject("alice")).value();
        assertTrue(minted.token().reveal().startsWith("acme_"), "the brand is used");
        assertThrows(IllegalArgumentException.class, () -> builder().maxTokensPerSubject(-1));
    }

    @Test
    void aMintRateOfOnePermit_isAccepted_andZeroIsNot() {
        assertNotNull(builder().mintRate(1, Duration.ofMinutes(1)).build());
        assertThrows(IllegalArgumentException.class, () -> builder().mintRate(0, Duration.ofMinutes(1)).build());
    }

    @Test
    void aMintRequest_mayAskForTheLongestLifetime_butNotOneSecondMore() {
        assertEquals(DurationText.LONGEST, MintRequest.of("kafka:read").expiringIn(DurationText.LONGEST).expiresIn());
        assertThrows(IllegalArgumentException.class,
                () -> MintRequest.of("kafka:read").expiringIn(DurationText.LONGEST.plusSeconds(1)));
    }

    @Test
    void aMintRequest_carriesItsAddressListAndRateIntoTheRecord() {
        TokenService service = builder().build();
        AddressList addresses = AddressList.parse("10.0.0.0/8");
        RequestRate rate = RequestRate.parse("100/minute");

        TokenRecord record = service.mint(operator, MintRequest.of("kafka:read").allowedFrom(addresses)
                .rateLimitedTo(rate)).value().record();

        assertEquals(addresses, record.allowedAddresses());
        assertEquals(rate, record.rateLimit());
    }

    @Test
    void prunable_listsEndedTokens_andAcceptsAnAgeOfExactlyTheLongest() {
        TokenService service = builder().build();
        MintedToken gone = service.mint(operator, MintRequest.of("kafka:read")).value();
        service.mint(operator, MintRequest.of("kafka:read")).value();
        service.revoke(operator, gone.record().prefix()).value();
        clock.advance(Duration.ofDays(2));

        List<TokenRecord> ended = service.prunable(operator, Duration.ofDays(1)).value();
        assertEquals(List.of(gone.record().prefix()), ended.stream().map(TokenRecord::prefix).toList());
        assertEquals(List.of(), service.prunable(operator, DurationText.LONGEST).value());
        assertEquals(Refusal.Kind.INVALID_REQUEST,
                service.prunable(operator, DurationText.LONGEST.plusSeconds(1)).refusal().kind());
    }

    @Test
    void theTypesPrint_whoAndWhat_butNeverASecret() {
        TokenService service = builder().build();
        MintedToken minted = service.mint(operator, MintRequest.of("kafka:read")).value();
        String secret = minted.token().reveal();

        assertTrue(minted.toString().contains(minted.record().prefix()), minted.toString());
        assertTrue(minted.toString().contains("redacted"));
        assertFalse(minted.toString().contains(secret));
        assertTrue(Caller.anonymous("192.0.2.7").toString().contains("192.0.2.7"));
        assertTrue(service.toString().startsWith("TokenService["), service.toString());
        assertTrue(service.storeStatistics().isPresent(), "the in-memory store reports statistics");
    }
}
