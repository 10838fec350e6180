package dev.scopekey.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scopekey.domain.ActorLabel;
import dev.scopekey.service.Caller;
import dev.scopekey.service.MintRequest;
import dev.scopekey.testkit.HttpReply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code GET /?expiringWithin=} over real HTTP. */
class ExpiringWithinHttpTest extends HttpTestSupport {
    private static final String TOKENS = WebXml.ADMIN_PATH + "/";

    private String mintExpiring(Duration lifetime) {
        return service.mint(Caller.operator(ActorLabel.CLI), MintRequest.of("a:read").expiringIn(lifetime))
                .value().record().prefix();
    }

    @Test
    void expiringWithin_listsOnlyLiveTokensExpiringSoon() throws Exception {
        start(WebXml.standard());
        String root = token("*");
        String soon = mintExpiring(Duration.ofDays(2));
        mintExpiring(Duration.ofDays(40));

        HttpReply reply = http.get(TOKENS + "?expiringWithin=7d", root);

        assertEquals(200, reply.status(), reply.body());
        List<?> records = Json.array(reply.body());
        assertEquals(1, records.size(), reply.body());
        assertEquals(soon, ((Map<?, ?>) records.get(0)).get("prefix"));
    }

    @Test
    void badExpiringWithin_is400_andAScopedTokenIs403() throws Exception {
        start(WebXml.standard());
        String root = token("*");
        String scoped = token("kafka:endpoint:read");

        HttpReply bad = http.get(TOKENS + "?expiringWithin=soon", root);
        assertEquals(400, bad.status());
        assertEquals("invalid_request", Json.field(bad.body(), "error"));
        assertEquals(403, http.get(TOKENS + "?expiringWithin=7d", scoped).status());
    }
}
