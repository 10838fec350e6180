package dev.scopekey.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class BearerTokenResolverTest {

    private static BearerCredential resolve(String... headers) {
        return BearerTokenResolver.fromHeaders(Collections.enumeration(List.of(headers)));
    }

    private static String token(String... headers) {
        BearerCredential credential = resolve(headers);
        assertInstanceOf(BearerCredential.Token.class, credential);
        return ((BearerCredential.Token) credential).reveal();
    }

    @Test
    void oneBearerToken_isResolved_whateverTheSchemeCase() {
        assertEquals("abc", token("Bearer abc"));
        assertEquals("abc", token("bEARER abc"));
        assertEquals("abc", token("Bearer    abc  "));
        assertEquals("abc", token(" Bearer abc"));
        assertEquals("abc", token("   bearer abc"));
        assertEquals("a-._~+/9==", token("Bearer a-._~+/9=="));
    }

    @Test
    void noHeader_orAnotherScheme_isNoCredential() {
        assertSame(BearerCredential.NONE, resolve());
        assertSame(BearerCredential.NONE, resolve("Basic dXNlcjpwYXNz"));
        assertSame(BearerCredential.NONE, resolve("Bearerabc"));
        assertSame(BearerCredential.NONE, resolve("Bearer\tabc"));
        assertSame(BearerCredential.NONE, resolve(""));
    }

    @Test
    void aSixLetterSchemeThatIsNotBearer_isNoCredential() {
        assertSame(BearerCredential.NONE, resolve("Beaver abc"));
        assertSame(BearerCredential.NONE, resolve("bearerİ abc".substring(0, 6) + "x abc"));
        assertSame(BearerCredential.NONE, resolve("Bearex abc"));
    }

    @Test
    void headerTokenWithAnAccessTokenInTheFormBody_isAnInvalidRequest() throws IOException {
        assertSame(BearerCredential.INVALID_REQUEST,
                new BearerTokenResolver().resolveWithBody(formRequest("Bearer abc", "access_token=def", "UTF-8")));
    }

    @Test
    void headerTokenWithAFormBodyWithoutAnAccessToken_isTheHeaderToken() throws IOException {
        BearerCredential credential =
                new BearerTokenResolver().resolveWithBody(formRequest("Bearer abc", "name=value", "UTF-8"));
        assertInstanceOf(BearerCredential.Token.class, credential);
        assertEquals("abc", ((BearerCredential.Token) credential).reveal());
    }

    @Test
    void headerTokenWithAnUndecodableFormBody_isAnInvalidRequest() throws IOException {
        assertSame(BearerCredential.INVALID_REQUEST,
                new BearerTokenResolver().resolveWithBody(formRequest("Bearer abc", "a=b", "no-such-charset")));
    }

    @Test
    void anAccessTokenInTheFormBodyAlone_isNoCredential() throws IOException {
        assertSame(BearerCredential.NONE,
                new BearerTokenResolver().resolveWithBody(formRequest(null, "access_token=def", "UTF-8")));
    }

    /** A form POST with at most one Authorization header and {@code body}, buffered as the filter does. */
    private static BufferedFormRequest formRequest(String authorization, String body, String encoding)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        TestRequest request = TestRequest.of("POST", null)
                .body(TestRequest.FORM + "; charset=" + encoding, bytes.length, bytes)
                .answer("getCharacterEncoding", encoding);
        if (authorization != null) {
            request.header(BearerTokenResolver.AUTHORIZATION, authorization);
        }
        return BufferedFormRequest.read(request.proxy()).orElseThrow();
    }

    @Test
    void twoHeaders_twoTokens_orAnEmptyToken_areInvalidRequests() {
        assertSame(BearerCredential.INVALID_REQUEST, resolve("Bearer a", "Bearer a"));
        assertSame(BearerCredential.INVALID_REQUEST, resolve("Basic x", "Bearer a"));
        assertSame(BearerCredential.INVALID_REQUEST, resolve("Bearer a b"));
        assertSame(BearerCredential.INVALID_REQUEST, resolve("Bearer"));
        assertSame(BearerCredential.INVALID_REQUEST, resolve("Bearer   "));
    }

    @Test
    void charactersOutsideB64Token_orExcessLength_areMalformed() {
        for (String bad : new String[] {"a!b", "a=b", "=", "a\u0000b", "a\u0001", "t\u00f6ken", "a\"b", "a,b",
            "\u202e", "a;b", "a\tb"}) {
            assertSame(BearerCredential.MALFORMED, resolve("Bearer " + bad), bad);
        }
        assertSame(BearerCredential.MALFORMED, resolve("Bearer " + "a".repeat(1025)));
        assertEquals(1024, token("Bearer " + "a".repeat(1024)).length());
    }

    @Test
    void b64Token_grammar() {
        assertTrue(BearerTokenResolver.isB64Token("abc==", 0, 5));
        assertFalse(BearerTokenResolver.isB64Token("==", 0, 2));
        assertFalse(BearerTokenResolver.isB64Token("a=b", 0, 3));
        assertFalse(BearerTokenResolver.isB64Token("", 0, 0));
    }

    @Test
    void tokenCredential_neverShowsTheTokenInToString() {
        assertFalse(resolve("Bearer secret-value").toString().contains("secret-value"));
    }
}
