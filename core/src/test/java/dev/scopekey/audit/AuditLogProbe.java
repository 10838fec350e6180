package dev.scopekey.audit;

import dev.scopekey.domain.ActorLabel;
import dev.scopekey.domain.AuthDecision;
import dev.scopekey.domain.TokenFormat;
import dev.scopekey.domain.TokenPrincipal;
import dev.scopekey.service.Caller;
import dev.scopekey.service.ClientRequest;
import dev.scopekey.service.MintRequest;
import dev.scopekey.service.MintedToken;
import dev.scopekey.service.TokenChecks;
import dev.scopekey.service.TokenService;
import dev.scopekey.store.memory.InMemoryTokenStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The child JVM of {@link AuditLogProvidersTest}: runs one audited scenario through the real
 * {@link Slf4jAuditSink} under whatever SLF4J provider its class path holds (mint, mint with
 * subject and expiry, rotate, an unknown token, a missing scope, revoke), then writes to the file
 * named by its argument one {@code name value} line per prefix the parent looks for, and the
 * tokens' secrets, which no log line may hold.
 */
public final class AuditLogProbe {
    /** The service clock: every event is stamped with it. */
    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final String CLIENT = "198.51.100.7";
    static final String SUBJECT = "alice";

    private AuditLogProbe() {
    }

    public static void main(String[] args) throws IOException {
        List<String> facts = new ArrayList<>();
        try (TokenService service = TokenService.builder(new InMemoryTokenStore()).audit(new Slf4jAuditSink())
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).lastUsedFlushInterval(null).build()) {
            MintedToken root = service.mint(Caller.operator(ActorLabel.CLI), MintRequest.of("*")).value();
            TokenPrincipal admin = ((AuthDecision.Granted) service.authenticate(root.token().reveal(), ClientRequest.NONE)).principal();
            Caller caller = Caller.of(admin, CLIENT);
            MintedToken scoped = service.mint(caller, MintRequest.of("reports:read", "reports:write")
                    .named("nightly export").forSubject(SUBJECT).expiringIn(Duration.ofDays(30))).value();
            MintedToken successor = service.rotate(caller, scoped.record().prefix(), Duration.ZERO).value();
            String unknown = TokenFormat.standard().generate(new SecureRandom()).reveal();
            service.authenticate(unknown, ClientRequest.from(CLIENT));
            TokenChecks.authorize(service, successor.token().reveal(), "reports:delete", ClientRequest.from(CLIENT));
            service.revoke(caller, successor.record().prefix());

            facts.add("root " + root.record().prefix());
            facts.add("scoped " + scoped.record().prefix());
            facts.add("successor " + successor.record().prefix());
            facts.add("unknown " + unknown.substring(0, unknown.indexOf('_') + 1 + TokenFormat.ID_LENGTH));
            for (String token : List.of(root.token().reveal(), scoped.token().reveal(), successor.token().reveal(),
                    unknown)) {
                facts.add("secret " + token.substring(token.length() - TokenFormat.SECRET_LENGTH - 6));
            }
        }
        Files.write(Path.of(args[0]), facts, StandardCharsets.UTF_8);
        System.exit(0);
    }
}
