package dev.scopekey.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Init-params of the filter and the admin servlet, read strictly. */
class SettingsTest {

    @Test
    void defaults_areThoseOfTheDesign() {
        FilterSettings settings = FilterSettings.read(Map.of());

        assertNull(settings.store());
        assertSame(RequiredAccess.AUTHENTICATED, settings.unmatched());
        assertTrue(settings.enabled());
        assertEquals("scopekey", settings.realm());
        assertNull(settings.adminTokenEnv());
        assertEquals(CallerCredentials.Mode.SHARED, settings.mode());
        assertFalse(settings.insufficientScopeChallenge());
        assertFalse(settings.formBodyTokenCheck(), "the filter leaves request bodies alone by default");
    }

    @Test
    void everyParam_isRead() {
        FilterSettings settings = FilterSettings.read(Map.of("store", " file:tokens ", "unmatched", "deny",
                "enabled", "FALSE", "realm", "api", "admin-token-env", "ADMIN_TOKEN", "mode", "local",
                "insufficient-scope-challenge", "true", "rules", "GET /a a:r", "public-paths", "/health",
                "form-body-token-check", "True"));

        assertEquals("file:tokens", settings.store());
        assertSame(RequiredAccess.DENY, settings.unmatched());
        assertFalse(settings.enabled());
        assertEquals("api", settings.realm());
        assertEquals("ADMIN_TOKEN", settings.adminTokenEnv());
        assertEquals(CallerCredentials.Mode.LOCAL, settings.mode());
        assertTrue(settings.insufficientScopeChallenge());
        assertTrue(settings.formBodyTokenCheck());
    }

    @Test
    void badValues_areRefused_sayingWhatIsAccepted() {
        assertRefused(Map.of("unmatched", "allow"), "unmatched is 'authenticated' or 'deny'");
        assertRefused(Map.of("enabled", "0"), "enabled is 'true' or 'false'");
        assertRefused(Map.of("realm", "a\"b"), "realm is 1 to 100 printable ASCII");
        assertRefused(Map.of("realm", "r\u00e9alm"), "realm is 1 to 100 printable ASCII");
        assertRefused(Map.of("admin-token-env", "A-B"), "admin-token-env is the name of an environment variable");
        assertRefused(Map.of("mode", "global"), "mode is 'shared' or 'local'");
        assertRefused(Map.of("insufficient-scope-challenge", "on"), "insufficient-scope-challenge is 'true' or");
        assertRefused(Map.of("form-body-token-check", "yes"), "form-body-token-check is 'true' or 'false'");
        assertRefused(Map.of("realms", "x"), "unknown init-param 'realms'");
    }

    private static void assertRefused(Map<String, String> params, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FilterSettings.read(params));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    @Test
    void mintRate_readsUnitsAndDurations() {
        assertEquals(new MintRate(10, Duration.ofHours(1)), MintRate.parse("10/hour"));
        assertEquals(new MintRate(5, Duration.ofSeconds(1)), MintRate.parse(" 5 / second "));
        assertEquals(new MintRate(3, Duration.ofMinutes(1)), MintRate.parse("3/minute"));
        assertEquals(new MintRate(100, Duration.ofDays(1)), MintRate.parse("100/day"));
        assertEquals(new MintRate(100, Duration.ofMinutes(15)), MintRate.parse("100/15m"));
        assertEquals(new MintRate(1, Duration.ofHours(2)), MintRate.parse("1/PT2H"));
        for (String bad : new String[] {"", "10", "/hour", "0/hour", "-1/hour", "10/fortnight", "x/hour", "10/0s",
            "2000000/hour"}) {
            assertThrows(IllegalArgumentException.class, () -> MintRate.parse(bad), bad);
        }
    }

    @Test
    void publicPaths_acceptWhitespaceCommasAndComments() {
        PathSet paths = PathSet.parse("/health, /docs/**  # docs\n/static/*/logo.png");

        assertTrue(paths.contains("/health"));
        assertTrue(paths.contains("/docs"));
        assertTrue(paths.contains("/docs/a/b"));
        assertTrue(paths.contains("/static/v1/logo.png"));
        assertFalse(paths.contains("/static/logo.png"));
        assertFalse(paths.contains("/healthz"));
        assertFalse(PathSet.parse(null).contains("/"));
    }
}
