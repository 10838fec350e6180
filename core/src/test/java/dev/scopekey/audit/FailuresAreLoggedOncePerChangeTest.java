package dev.scopekey.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.ActorLabel;
import dev.scopekey.domain.AuditEvent;
import dev.scopekey.domain.AuthDecision;
import dev.scopekey.domain.DenialReason;
import dev.scopekey.domain.HealthChange;
import dev.scopekey.port.AuditSink;
import dev.scopekey.service.Caller;
import dev.scopekey.service.ClientRequest;
import dev.scopekey.service.MintRequest;
import dev.scopekey.service.TokenChecks;
import dev.scopekey.service.TokenService;
import dev.scopekey.testing.FlakyStore;
import dev.scopekey.testing.StderrCapture;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Issue #8, item 8: a failing store, audit sink or last-use flush is logged (SLF4J sink,
 * slf4j-simple, read as bytes) with one line when it starts failing, naming the part, the
 * exception class and its message without secrets, and one line when it works again, however
 * many requests come between; and an outage decision carries the same cause.
 */
class FailuresAreLoggedOncePerChangeTest {
    private static final int REQUESTS = 25;
    private final FlakyStore store = new FlakyStore();

    private String mint(TokenService service) {
        return service.mint(Caller.operator(ActorLabel.CLI), MintRequest.of("reports:read")).value().token().reveal();
    }

    private static String text(StderrCapture log) {
        return new String(log.bytes(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void storeOutage_logsOneErrorWhenItGoesDown_andOneInfoWhenItComesBack_withTheCauseButNoSecret() {
        try (TokenService service = TokenService.builder(store).audit(new Slf4jAuditSink())
                .lastUsedFlushInterval(null).build()) {
            String token = mint(service);
            AuthDecision[] whileDown = new AuthDecision[1];

            StderrCapture log = StderrCapture.of(() -> {
                store.failReads(true);
                for (int i = 0; i < REQUESTS; i++) {
                    whileDown[0] = TokenChecks.authorize(service, token, "reports:read", ClientRequest.from("192.0.2.1"));
                }
                store.failReads(false);
                for (int i = 0; i < REQUESTS; i++) {
                    assertTrue(TokenChecks.authorize(service, token, "reports:read", ClientRequest.from("192.0.2.1")).isGranted());
                }
            });

            String cause = assertInstanceOf(AuthDecision.Unavailable.class, whileDown[0]).cause();
            assertTrue(cause.contains("FlakyStore") && cause.contains("TokenStoreException")
                    && cause.contains("cannot query the token table") && cause.contains("IllegalStateException"),
                    cause);
            assertFalse(cause.contains(FlakyStore.PASSWORD), cause);
            List<String> down = log.linesWith("token store failing");
            assertEquals(1, down.size(), "one line when the store goes down: " + log.lines());
            assertTrue(down.get(0).contains("ERROR " + AuditSink.HEALTH_LOGGER), down.get(0));
            assertTrue(down.get(0).contains("TokenStoreException: cannot query the token table"), down.get(0));
            assertTrue(down.get(0).contains("password=***"), down.get(0));
            List<String> up = log.linesWith("token store works again");
            assertEquals(1, up.size(), "one line when it is back: " + log.lines());
            assertTrue(up.get(0).contains("INFO " + AuditSink.HEALTH_LOGGER), up.get(0));
            assertFalse(text(log).contains(FlakyStore.PASSWORD), "no password in the log");
            assertFalse(text(log).contains(token.substring(token.length() - 38)), "no token in the log");
        }
    }

    @Test
    void failingAuditSink_logsOneErrorNamingTheFirstLostEvent_andOneLineWhenItRecovers_decisionsUnchanged() {
        AtomicBoolean sinkDown = new AtomicBoolean();
        Slf4jAuditSink slf4j = new Slf4jAuditSink();
        AuditSink remote = new AuditSink() {
            @Override
            public void record(AuditEvent event) {
                if (sinkDown.get()) {
                    throw new IllegalStateException("audit collector unreachable");
                }
                slf4j.record(event);
            }

            @Override
            public void healthChanged(HealthChange change) {
                slf4j.healthChanged(change);
            }
        };
        try (TokenService service = TokenService.builder(store).audit(remote).lastUsedFlushInterval(null).build()) {
            String token = mint(service);

            StderrCapture log = StderrCapture.of(() -> {
                sinkDown.set(true);
                for (int i = 0; i < REQUESTS; i++) {
                    AuthDecision denied = TokenChecks.authorize(service, token, "reports:write", ClientRequest.from("192.0.2.1"));
                    assertEquals(DenialReason.INSUFFICIENT_SCOPE,
                            assertInstanceOf(AuthDecision.Denied.class, denied).reason());
                    assertTrue(TokenChecks.authorize(service, token, "reports:read", ClientRequest.from("192.0.2.1")).isGranted());
                }
                sinkDown.set(false);
                TokenChecks.authorize(service, token, "reports:write", ClientRequest.from("192.0.2.1"));
            });

            List<String> down = log.linesWith("audit sink failing");
            assertEquals(1, down.size(), "one line when the sink fails: " + log.lines());
            assertTrue(down.get(0).contains("ERROR " + AuditSink.HEALTH_LOGGER), down.get(0));
            assertTrue(down.get(0).contains("IllegalStateException: audit collector unreachable"), down.get(0));
            assertTrue(down.get(0).contains("event=authorization_denied"), "names the lost event: " + down.get(0));
            List<String> up = log.linesWith("audit sink works again");
            assertEquals(1, up.size(), "one line when it is back: " + log.lines());
            assertTrue(up.get(0).contains(REQUESTS + " "), "counts what was lost: " + up.get(0));
            assertEquals(1, log.linesWith(Slf4jAuditSink.LOGGER_NAME + " - event=authorization_denied").size(),
                    "after recovery events are logged again: " + log.lines());
        }
    }

    @Test
    void failingLastUseFlush_logsOneWarningWhileItFails_andOneLineWhenAFlushSucceeds() {
        try (TokenService service = TokenService.builder(store).audit(new Slf4jAuditSink())
                .lastUsedFlushInterval(null).build()) {
            String token = mint(service);

            StderrCapture log = StderrCapture.of(() -> {
                store.failLastUseWrites(true);
                for (int i = 0; i < REQUESTS; i++) {
                    assertTrue(service.authenticate(token, ClientRequest.NONE).isGranted());
                    assertFalse(service.flushLastUsed());
                }
                store.failLastUseWrites(false);
                assertTrue(service.flushLastUsed());
                assertTrue(service.flushLastUsed());
            });

            List<String> down = log.linesWith("last-use flush failing");
            assertEquals(1, down.size(), "one line when flushing fails: " + log.lines());
            assertTrue(down.get(0).contains("WARN " + AuditSink.HEALTH_LOGGER), down.get(0));
            assertTrue(down.get(0).contains("TokenStoreException"), down.get(0));
            assertEquals(1, log.linesWith("last-use flush works again").size(), log.lines().toString());
            assertFalse(text(log).contains(FlakyStore.PASSWORD), "no password in the log");
        }
    }
}
