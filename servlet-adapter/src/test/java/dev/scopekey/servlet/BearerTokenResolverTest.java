package dev.scopekey.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
