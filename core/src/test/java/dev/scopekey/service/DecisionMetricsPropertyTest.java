package dev.scopekey.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scopekey.domain.ActorLabel;
import dev.scopekey.domain.AuthDecision;
import dev.scopekey.domain.DenialReason;
import dev.scopekey.domain.PlainToken;
import dev.scopekey.domain.Scope;
import dev.scopekey.port.AuditSink;
import dev.scopekey.testing.FlakyStore;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/**
 * Whatever mix of requests arrives, the metrics hear exactly the decisions the callers got, one
 * each, in order, with the same reason: counted from the answers, never guessed beside them.
 */
class DecisionMetricsPropertyTest {

    /** One request of the mix. */
    enum Request { LIVE, SCOPED_OUT, UNKNOWN, MALFORMED, MISSING, TWO_TOKENS, STORE_DOWN }

    @Property(tries = 100)
    void metrics_hearEveryDecision_once(@ForAll @Size(max = 30) List<Request> requests) {
        FlakyStore store = new FlakyStore();
        RecordingMetrics metrics = new RecordingMetrics();
        TokenService service = TokenService.builder(store).audit(AuditSink.discarding()).lastUsedFlushInterval(null)
                .metrics(metrics).build();
        PlainToken token = service.mint(Caller.operator(ActorLabel.CLI), MintRequest.of("kafka:read")).value().token();
        metrics.events.clear();

        List<String> answers = new ArrayList<>();
        for (Request request : requests) {
            store.failReads(request == Request.STORE_DOWN);
            for (AuthDecision decision : send(service, token, request)) {
                answers.add(asEvent(decision));
            }
        }

        assertEquals(answers, metrics.events);
        service.close();
    }

    /** What the service answers to one request: an authentication, and a scope check when it was granted. */
    private static List<AuthDecision> send(TokenService service, PlainToken token, Request request) {
        switch (request) {
            case TWO_TOKENS:
                return List.of(service.deny(DenialReason.INVALID_REQUEST, ClientRequest.NONE));
            case MISSING:
                return List.of(service.authenticate(null, ClientRequest.NONE));
            case MALFORMED:
                return List.of(service.authenticate("bad token", ClientRequest.NONE));
            case UNKNOWN:
                return List.of(service.authenticate("legacy-token-nobody-knows", ClientRequest.NONE));
            default:
                AuthDecision authenticated = service.authenticate(token.reveal(), ClientRequest.NONE);
                if (!(authenticated instanceof AuthDecision.Granted)) {
                    return List.of(authenticated);
                }
                String scope = request == Request.SCOPED_OUT ? "kafka:write" : "kafka:read";
                AuthDecision authorized = service.authorize(((AuthDecision.Granted) authenticated).principal(),
                        Scope.of(scope), ClientRequest.NONE);
                return authorized.isGranted() ? List.of(authenticated) : List.of(authenticated, authorized);
        }
    }

    /** The event a decision should be counted as; a granted scope check is not counted again. */
    private static String asEvent(AuthDecision decision) {
        if (decision instanceof AuthDecision.Granted) {
            return "granted";
        }
        if (decision instanceof AuthDecision.Denied) {
            return "denied:" + ((AuthDecision.Denied) decision).reason();
        }
        return "unavailable:TOKEN_STORE";
    }
}
