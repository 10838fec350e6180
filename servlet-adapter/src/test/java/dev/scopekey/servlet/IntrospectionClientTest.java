package dev.scopekey.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/**
 * The Basic client credential (RFC 7617; RFC 6749 §2.3.1 form-encoding): the configured pair
 * matches as sent and form-encoded, anything else never does, and the secret never shows.
 */
class IntrospectionClientTest {
    private static final String ID = "resource-server";
    private static final String SECRET = "s3cr+t/%2F=:x é";

    private static String basic(String userPass) {
        return "Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
    }

    private static String form(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void theConfiguredPair_matches_asSentAndFormEncoded_inAnyCaseOfTheScheme() {
        IntrospectionClient client = IntrospectionClient.of(ID, SECRET);

        assertTrue(client.matches(basic(ID + ":" + SECRET)));
        assertTrue(client.matches(basic(form(ID) + ":" + form(SECRET))));
        assertTrue(client.matches("bAsIc " + basic(ID + ":" + SECRET).substring(6)));
    }

    @Test
    void otherPairs_andBrokenHeaders_neverMatch() {
        IntrospectionClient client = IntrospectionClient.of(ID, SECRET);

        assertFalse(client.matches(basic(ID + ":" + SECRET + "x")));
        assertFalse(client.matches(basic("other:" + SECRET)));
        assertFalse(client.matches(basic(ID + ":")));
        assertFalse(client.matches(basic(ID)));
        assertFalse(client.matches("Basic"));
        assertFalse(client.matches("Basic %%%"));
        assertFalse(client.matches(basic(ID + ":" + SECRET.substring(0, 5))));
    }

    @Property(tries = 300)
    void aSecretThatDiffers_neverMatches(@ForAll @StringLength(min = 1, max = 40) String other) {
        IntrospectionClient client = IntrospectionClient.of(ID, SECRET);

        assertEquals(other.equals(SECRET), client.matches(basic(ID + ":" + other)));
    }

    @Test
    void isBasic_readsTheSchemeOnly() {
        assertTrue(IntrospectionClient.isBasic("Basic abc"));
        assertTrue(IntrospectionClient.isBasic("basic"));
        assertFalse(IntrospectionClient.isBasic("Basically abc"));
        assertFalse(IntrospectionClient.isBasic("Bearer abc"));
    }

    @Test
    void aBadIdOrAnEmptySecret_isRefused_andToStringNamesTheIdOnly() {
        assertThrows(IllegalArgumentException.class, () -> IntrospectionClient.of("a:b", SECRET));
        assertThrows(IllegalArgumentException.class, () -> IntrospectionClient.of("a b", SECRET));
        assertThrows(IllegalArgumentException.class, () -> IntrospectionClient.of(ID, ""));
        String text = IntrospectionClient.of(ID, SECRET).toString();
        assertTrue(text.contains(ID), text);
        assertFalse(text.contains(SECRET), text);
    }
}
