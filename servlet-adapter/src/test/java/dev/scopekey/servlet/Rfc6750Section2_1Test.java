package dev.scopekey.servlet;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scopekey.domain.PlainToken;
import dev.scopekey.domain.TokenRecord;
import dev.scopekey.store.memory.InMemoryTokenStore;
import dev.scopekey.testkit.HttpReply;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RFC 6750 §2.1, the Authorization request header field: {@code Bearer} (any case), one space
 * or more, one b64token; nothing else is a bearer credential.
 */
class Rfc6750Section2_1Test extends HttpTestSupport {
    private static final String KAFKA = "/api/kafka/endpoint";
    /** Every b64token character class, trailing '=' included; a legacy token the store knows. */
    private static final String B64_LEGACY = "Ab9-._~+/legacy==";
    /** Printable ASCII outside b64token; the store knows it, yet it never authenticates over HTTP. */
    private static final String NON_B64_LEGACY = "legacy!token";

    private void startWithLegacyTokens() throws Exception {
        store = InMemoryTokenStore.withRecords(List.of(TokenRecord.legacy(PlainToken.of(B64_LEGACY)),
                TokenRecord.legacy(PlainToken.of(NON_B64_LEGACY))));
        start(WebXml.standard());
        watch(B64_LEGACY);
        watch(NON_B64_LEGACY);
    }

    /**
     * Each spelling is the only request of its own connection: on one kept-alive connection a
     * container's header cache could hand a later spelling over as the first (issue #8).
     */
    @Test
    void schemeName_isCaseInsensitive() throws Exception {
        start(WebXml.standard());
        String read = token("kafka:endpoint:read");

        for (String scheme : new String[] {"bearer", "BEARER", "bEaReR", "Bearer"}) {
            assertEquals(200, http.rawGet(KAFKA, ("Authorization: " + scheme + " " + read).getBytes(ISO_8859_1))
                    .status(), scheme);
        }
    }

    @Test
    void severalSpacesAfterTheScheme_areAccepted() throws Exception {
        start(WebXml.standard());
        String read = token("kafka:endpoint:read");

        assertEquals(200, http.send("GET", KAFKA, null, null, "Authorization", "Bearer   " + read).status());
    }

    @Test
    void everyB64TokenCharacter_withTrailingEquals_isAccepted() throws Exception {
        startWithLegacyTokens();

        assertEquals(200, http.get(KAFKA, B64_LEGACY).status());
    }

    @Test
    void tokenOutsideB64TokenSyntax_isAnInvalidToken_evenIfTheStoreKnowsIt() throws Exception {
        startWithLegacyTokens();

        HttpReply reply = http.get(KAFKA, NON_B64_LEGACY);
        assertEquals(401, reply.status());
        assertEquals("Bearer realm=\"scopekey\", error=\"invalid_token\"", reply.header("WWW-Authenticate"));
    }

    @Test
    void twoAuthorizationHeaders_areAnInvalidRequest() throws Exception {
        start(WebXml.standard());
        String read = token("kafka:endpoint:read");

        HttpReply reply = http.rawGet(KAFKA, ("Authorization: Bearer " + read).getBytes(ISO_8859_1),
                ("Authorization: Bearer " + read).getBytes(ISO_8859_1));
        assertEquals(400, reply.status());
        assertEquals("Bearer realm=\"scopekey\", error=\"invalid_request\"", reply.header("WWW-Authenticate"));
    }

    @Test
    void twoTokensInOneHeader_areAnInvalidRequest() throws Exception {
        start(WebXml.standard());
        String read = token("kafka:endpoint:read");

        assertEquals(400, http.send("GET", KAFKA, null, null, "Authorization", "Bearer " + read + " " + read).status());
        assertEquals(400, http.send("GET", KAFKA, null, null, "Authorization", "Bearer " + read + ", Bearer " + read)
                .status());
    }

    @Test
    void emptyBearer_isAnInvalidRequest() throws Exception {
        start(WebXml.standard());

        for (String value : new String[] {"Bearer", "Bearer ", "bearer    "}) {
            HttpReply reply = http.rawGet(KAFKA, ("Authorization: " + value).getBytes(ISO_8859_1));
            assertEquals(400, reply.status(), value);
            assertEquals("invalid_request", Json.field(reply.body(), "error"));
        }
    }

    @Test
    void anotherScheme_countsAsNoCredential() throws Exception {
        start(WebXml.standard());

        HttpReply reply = http.send("GET", KAFKA, null, null, "Authorization", "Basic dXNlcjpwYXNz");
        assertEquals(401, reply.status());
        assertEquals("Bearer realm=\"scopekey\"", reply.header("WWW-Authenticate"));
    }
}
