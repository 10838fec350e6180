package dev.scopekey.leaks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.audit.Slf4jAuditSink;
import dev.scopekey.domain.ActorLabel;
import dev.scopekey.domain.AuthDecision;
import dev.scopekey.domain.PlainToken;
import dev.scopekey.domain.Scope;
import dev.scopekey.domain.ScopeSet;
import dev.scopekey.domain.TokenPrincipal;
import dev.scopekey.port.TokenQuery;
import dev.scopekey.service.Caller;
import dev.scopekey.service.ClientRequest;
import dev.scopekey.service.MintRequest;
import dev.scopekey.service.MintedToken;
import dev.scopekey.service.Outcome;
import dev.scopekey.testkit.TokenChecks;
import dev.scopekey.service.TokenPage;
import dev.scopekey.service.TokenService;
import dev.scopekey.store.file.FileTokenStore;
import dev.scopekey.store.file.FileTokenStoreOptions;
import dev.scopekey.testkit.MutableClock;
import dev.scopekey.testkit.SecretLeakGuard;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mints tokens into a real token file and drives every service path, errors included, with
 * the SLF4J audit sink logging (slf4j-simple, to {@code System.err}); then checks that no token
 * appears in the log output (the guard), exception messages, {@code toString()} of any value,
 * list output, or the token file. The CLI's own streams are checked by {@code CliSecretLeakTest}
 * and {@code CliProcessTest}; HTTP bodies by the servlet adapter's tests.
 */
class NoSecretLeaksTest {
    private static final String CLIENT = "192.0.2.10";

    @RegisterExtension
    final SecretLeakGuard guard = new SecretLeakGuard();

    @TempDir
    Path dir;

    private final List<PlainToken> minted = new ArrayList<>();
    private final List<String> seen = new ArrayList<>();

    @Test
    void noPathLeaksAToken() throws Exception {
        String fileText;
        MutableClock clock = MutableClock.at(Instant.parse("2026-03-01T00:00:00Z"));
        Path file = dir.resolve("tokens");
        try (FileTokenStore store = FileTokenStore.open(file,
                FileTokenStoreOptions.defaults().withRecheckInterval(Duration.ZERO));
             TokenService service = TokenService.builder(store).clock(clock).audit(new Slf4jAuditSink())
                     .adminToken("config-admin-token-0123456789-Hq7Tz3Wm").build()) {
            guard.watch("config-admin-token-0123456789-Hq7Tz3Wm");
            Caller operator = Caller.operator(ActorLabel.CLI);
            String root = mint(service, operator, MintRequest.of("*").named("root"));
            Caller rootCaller = Caller.of(principal(service.authenticate(root, ClientRequest.from(CLIENT))), CLIENT);
            String reader = mint(service, rootCaller, MintRequest.of("kafka:read").forSubject("alice"));
            String expiring = mint(service, rootCaller, MintRequest.of("a").expiringIn(Duration.ofMinutes(1)));
            String doomed = mint(service, rootCaller, MintRequest.of("b").forSubject("alice"));
            String rotated = mint(service, rootCaller, MintRequest.of("c"));

            see(TokenChecks.authorize(service, reader, "kafka:read", ClientRequest.from(CLIENT)));
            see(TokenChecks.authorize(service, reader, "kafka:write", ClientRequest.from(CLIENT)));
            see(TokenChecks.authorize(service, root, (String) null, ClientRequest.from(CLIENT)));
            see(service.authenticate(reader.substring(0, reader.length() - 1) + "x", ClientRequest.from(CLIENT)));
            see(service.authenticate(reader + " trailing", ClientRequest.from(CLIENT)));
            see(service.authenticate("config-admin-token-0123456789-Hq7Tz3Wm", ClientRequest.from(CLIENT)));
            see(service.revoke(rootCaller, PlainToken.of(root).prefix()));
            see(service.revoke(Caller.of(principal(service.authenticate(reader, ClientRequest.from(CLIENT))), CLIENT),
                    PlainToken.of(doomed).prefix()));
            see(service.mint(rootCaller, MintRequest.of(reader)));
            see(service.mint(rootCaller, new MintRequest(List.of("a"), reader + "\n", null, null)));
            see(service.mint(rootCaller, MintRequest.of("*")));
            MintedToken successor = service.rotate(rootCaller, PlainToken.of(rotated).prefix(), Duration.ZERO).value();
            minted.add(successor.token());
            see(successor);
            see(service.revokeSubject(rootCaller, "alice"));
            clock.advance(Duration.ofMinutes(2));
            see(service.authenticate(expiring, ClientRequest.from(CLIENT)));
            see(service.authenticate(doomed, ClientRequest.from(CLIENT)));
            Outcome<TokenPage> page = service.list(rootCaller, TokenQuery.all());
            see(page);
            page.value().records().forEach(this::see);
            for (int i = 0; i < 12; i++) {
                see(service.mint(rootCaller, MintRequest.of("d")));
            }
            see(store);
            see(service);
            assertTrue(service.flushLastUsed());
            fileText = Files.readString(file, StandardCharsets.UTF_8);
            Files.delete(file);
            seeThrown(() -> store.findByHash(minted.get(1).hash()));
            AuthDecision whileDown = service.authenticate(reader, ClientRequest.from(CLIENT));
            assertTrue(whileDown instanceof AuthDecision.Unavailable, "a missing token file fails closed");
            see(whileDown);
        }
        seeThrown(() -> PlainToken.of(minted.get(0).reveal() + " x"));
        seeThrown(() -> Scope.of(minted.get(0).reveal()));
        seeThrown(() -> ScopeSet.parseList(minted.get(0).reveal()));
        assertTrue(minted.size() >= 6, "the test minted what it meant to");
        for (PlainToken token : minted) {
            String secret = token.reveal().substring(token.prefix().length());
            for (String text : seen) {
                assertFalse(text.contains(secret), () -> "a token's secret appeared in: " + redact(text, secret));
            }
            assertFalse(fileText.contains(secret));
        }
        assertEquals(0, seen.stream().filter(t -> t.contains("config-admin-token-0123456789-Hq7Tz3Wm")).count());
    }

    private String mint(TokenService service, Caller caller, MintRequest request) {
        MintedToken token = service.mint(caller, request).value();
        minted.add(token.token());
        guard.watch(token.token());
        see(token);
        see(token.token());
        see(token.record());
        return token.token().reveal();
    }

    private static TokenPrincipal principal(AuthDecision decision) {
        return ((AuthDecision.Granted) decision).principal();
    }

    private void see(Object value) {
        seen.add(String.valueOf(value));
        if (value instanceof Outcome && !((Outcome<?>) value).isDone()) {
            seen.add(((Outcome<?>) value).refusal().message());
        }
        if (value instanceof AuthDecision.Granted) {
            TokenPrincipal principal = ((AuthDecision.Granted) value).principal();
            seen.add(principal.getName());
            seen.add(String.valueOf(Caller.of(principal, CLIENT)));
        }
    }

    private void seeThrown(org.junit.jupiter.api.function.Executable action) {
        Throwable thrown = assertThrows(RuntimeException.class, action);
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            seen.add(String.valueOf(t));
        }
    }

    private static String redact(String text, String secret) {
        return text.replace(secret, "<secret>");
    }
}
