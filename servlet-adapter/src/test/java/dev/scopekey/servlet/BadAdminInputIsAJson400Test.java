package dev.scopekey.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.TokenRecord;
import dev.scopekey.port.TokenChange;
import dev.scopekey.port.TokenQuery;
import dev.scopekey.port.TokenStore;
import dev.scopekey.store.memory.InMemoryTokenStore;
import dev.scopekey.testkit.HttpReply;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue #8, item 7: a bad admin body is a JSON 400 whose message names the field and what it
 * accepts, and an unexpected failure inside the admin servlet is a JSON 500 that shows no
 * internals — never the container's HTML page with a stack trace.
 */
class BadAdminInputIsAJson400Test extends HttpTestSupport {
    private static final String TOKENS = WebXml.ADMIN_PATH + "/";

    @ParameterizedTest
    @ValueSource(strings = {"PT100000000000000000S", "P106751991167300D", "PT2562047788015215H", "999999999w",
        "999999999d", "P36501D", "PT-1S", "-P1D", "P0D", "PT0.0000000001S"})
    void expiresIn_thatNoTokenCanCarry_isAJson400NamingTheField(String expiresIn) {
        start(WebXml.standard());
        String root = token("*");

        HttpReply reply = mint(root, "{\"scopes\":[\"kafka:endpoint:read\"],\"expiresIn\":\"" + expiresIn + "\"}");

        assertJson400(reply, "expiresIn");
    }

    @Test
    void expiresIn_ofTheLongestLifetime_mints() {
        start(WebXml.standard());
        String root = token("*");

        HttpReply reply = mint(root, "{\"scopes\":[\"kafka:endpoint:read\"],\"expiresIn\":\"36500d\"}");

        assertEquals(201, reply.status(), reply.body());
        assertEquals("2125-12-08T00:00:00Z", Json.field(reply.body(), "expiresAt"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "false", "{}", "{\"s\":1}", "\"soon\"", "\"1e-2147483649\"", "-0.5",
        "31536001", "123456789012345678901234567890"})
    void graceSeconds_ofAnotherTypeOrOutOfRange_isAJson400NamingTheField(String grace) {
        start(WebXml.standard());
        String root = token("*");
        String target = token("kafka:endpoint:read").substring(0, 15);

        HttpReply reply = http.postJson(TOKENS + target + "/rotate", root, "{\"graceSeconds\":" + grace + "}");

        assertJson400(reply, "graceSeconds");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"scopes\":[\"a\"],\"name\":1E+2147483648}", "{\"scopes\":[1e-99999999999]}",
        "{\"scopes\":[\"a\"],\"subject\":-1E2147483648}", "{\"graceSeconds\":1E+2147483648}"})
    void numbersBeyondWhatADecimalHolds_areAJson400(String body) {
        start(WebXml.standard());
        String root = token("*");

        assertJson400(mint(root, body), "JSON");
    }

    /**
     * Bytes that are not UTF-8 in a form body: Jetty refuses to parse the form, Tomcat decodes
     * them to replacement characters that name no known field. The contract on both: a JSON 400
     * {@code invalid_request}, and nothing is minted or rotated (the message differs).
     */
    @Test
    void formBodies_theContainerCannotParse_areAJson400Or415_andMintNothing() {
        start(WebXml.standard());
        String root = token("*");
        String target = token("kafka:endpoint:read").substring(0, 15);
        int tokens = store.list(TokenQuery.all()).size();

        for (String path : new String[] {TOKENS, TOKENS + target + "/rotate"}) {
            HttpReply badBytes = http.send(HttpRequest.newBuilder(http.uri(path))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {(byte) 0xff, '=', (byte) 0xc3}))
                    .header("Content-Type", FormParameters.FORM).header("Authorization", "Bearer " + root).build());
            assertJson400(badBytes, "");
            assertEquals(tokens, store.list(TokenQuery.all()).size(), "a form nobody could read minted a token");
            HttpReply badCharset = http.send("POST", path, FormParameters.FORM + "; charset=bogus", "scope=a",
                    "Authorization", "Bearer " + root);
            assertEquals(415, badCharset.status(), badCharset.body());
            assertEquals("unsupported_media_type", Json.field(badCharset.body(), "error"));
        }
    }

    @Test
    void anUnexpectedFailure_isAJson500WithoutInternals_andTheLogNamesNoSecret() {
        String secret = "sk_internalDetailThatMustStayInside0123456789abcdef";
        store = new ListingFails(new InMemoryTokenStore(), "unexpected state near " + secret);
        start(WebXml.standard());
        watch(secret);
        String root = token("*");

        HttpReply reply = http.get(TOKENS, root);

        assertEquals(500, reply.status(), reply.body());
        assertTrue(reply.header("Content-Type").startsWith("application/json"), reply.header("Content-Type"));
        assertEquals("server_error", Json.field(reply.body(), "error"));
        assertFalse(reply.body().contains("IllegalStateException") || reply.body().contains("unexpected state")
                || reply.body().contains("at dev.scopekey"), reply.body());
        assertTrue(leaks.capturedOutput().contains("IllegalStateException"),
                "the server log does not say what failed");
    }

    /** A store whose list fails with an exception no adapter expects. */
    private record ListingFails(TokenStore delegate, String message) implements TokenStore {
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
            throw new IllegalStateException(message);
        }

        @Override
        public void apply(TokenChange change) {
            delegate.apply(change);
        }

        @Override
        public void recordUse(Map<String, Instant> lastUsedByHash) {
            delegate.recordUse(lastUsedByHash);
        }
    }

    private static void assertJson400(HttpReply reply, String field) {
        assertEquals(400, reply.status(), reply.body());
        assertTrue(reply.header("Content-Type").startsWith("application/json"), reply.header("Content-Type"));
        assertEquals("invalid_request", Json.field(reply.body(), "error"), reply.body());
        assertTrue(Json.field(reply.body(), "message").contains(field), reply.body());
    }
}
