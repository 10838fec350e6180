package dev.scopekey.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.audit.Slf4jAuditSink;
import dev.scopekey.service.TokenService;
import dev.scopekey.store.memory.InMemoryTokenStore;
import dev.scopekey.testkit.HttpHarness;
import dev.scopekey.testkit.HttpReply;
import dev.scopekey.testkit.WebApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Policies set in web.xml (lifetimes, admin token strength), over real HTTP against a token file. */
class PolicySettingsHttpTest extends HttpTestSupport {
    @TempDir
    Path dir;

    private String deployWithPolicy(String defaultLifetime, String maxLifetime) throws Exception {
        String admin = System.getenv(ADMIN_ENV);
        Assumptions.assumeTrue(admin != null, ADMIN_ENV + " is set by the build's surefire configuration");
        Path tokens = dir.resolve("tokens");
        Files.writeString(tokens, "");
        deploy(WebXml.standard().param(FilterSettings.STORE, "file:" + tokens)
                .param(FilterSettings.ADMIN_TOKEN_ENV, ADMIN_ENV)
                .param(PolicySettings.DEFAULT_LIFETIME, defaultLifetime)
                .param(PolicySettings.MAX_LIFETIME, maxLifetime));
        watch(admin);
        return admin;
    }

    @Test
    void mintWithoutExpiresIn_getsTheDefaultLifetime() throws Exception {
        String admin = deployWithPolicy("10h", "90d");
        Instant before = Instant.now();

        HttpReply reply = mint(admin, "{\"scopes\":[\"kafka:endpoint:read\"]}");

        assertEquals(201, reply.status(), reply.body());
        Instant expiresAt = Instant.parse(Json.field(reply.body(), "expiresAt"));
        assertTrue(!expiresAt.isBefore(before.plus(Duration.ofHours(10)).minusSeconds(1))
                && !expiresAt.isAfter(Instant.now().plus(Duration.ofHours(10)).plusSeconds(1)), expiresAt::toString);
    }

    @Test
    void expiresInOverTheMaximum_is400_namingTheMaximum() throws Exception {
        String admin = deployWithPolicy("10h", "90d");

        HttpReply reply = mint(admin, "{\"scopes\":[\"kafka:endpoint:read\"],\"expiresIn\":\"91d\"}");

        assertEquals(400, reply.status());
        assertEquals("invalid_request", Json.field(reply.body(), "error"));
        assertEquals("expiresIn exceeds the maximum lifetime of 90d", Json.field(reply.body(), "message"));
        assertEquals(201, mint(admin, "{\"scopes\":[\"kafka:endpoint:read\"],\"expiresIn\":\"90d\"}").status());
    }

    @Test
    void neverExpiring_is400_whenAMaximumIsSet() throws Exception {
        String admin = deployWithPolicy("10h", "90d");

        HttpReply reply = mint(admin, "{\"scopes\":[\"kafka:endpoint:read\"],\"expiresIn\":\"never\"}");

        assertEquals(400, reply.status());
        assertTrue(Json.field(reply.body(), "message").contains("never expire"), reply.body());
    }

    @Test
    void neverExpiring_isAllowed_withoutAPolicy() throws Exception {
        start(WebXml.standard());
        String root = token("*");

        HttpReply reply = mint(root, "{\"scopes\":[\"kafka:endpoint:read\"],\"expiresIn\":\"never\"}");

        assertEquals(201, reply.status(), reply.body());
        assertEquals(null, Json.object(reply.body()).get("expiresAt"));
    }

    private void assertStartFails(WebXml webXml, Map<String, Object> attributes, String expected) {
        WebApplication application = HttpHarness.webXml(webXml.render());
        attributes.forEach(application::attribute);
        Exception failure = assertThrows(IllegalStateException.class, () -> application.start().close());
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append(" | ");
        }
        assertTrue(messages.toString().contains(expected), messages.toString());
    }

    @Test
    void badLifetimeInitParams_stopTheStart() {
        WebXml file = WebXml.standard().param(FilterSettings.STORE, "file:" + dir.resolve("t"));
        assertStartFails(file.param(PolicySettings.MAX_LIFETIME, "forever"), Map.of(), "max-lifetime: a duration is");
        assertStartFails(WebXml.standard().param(FilterSettings.STORE, "file:" + dir.resolve("t"))
                .param(PolicySettings.DEFAULT_LIFETIME, "100d").param(PolicySettings.MAX_LIFETIME, "90d"),
                Map.of(), "default-lifetime is longer than max-lifetime");
        assertStartFails(WebXml.standard().param(FilterSettings.STORE, "file:" + dir.resolve("t"))
                .param(PolicySettings.ALLOW_NEVER_EXPIRES, "maybe"), Map.of(), "allow-never-expires is 'true' or 'false'");
    }

    @Test
    void lifetimeInitParams_besideASuppliedService_stopTheStart() {
        TokenService supplied = TokenService.builder(new InMemoryTokenStore()).audit(new Slf4jAuditSink())
                .lastUsedFlushInterval(null).build();
        assertStartFails(WebXml.standard().param(PolicySettings.MAX_LIFETIME, "90d"),
                Map.of(ScopeKeyFilter.SERVICE_ATTRIBUTE, supplied), "configure its policies on its builder");
    }

    @Test
    void weakAdminToken_stopsTheStart_withoutPrintingIt() {
        String home = System.getenv("HOME");
        Assumptions.assumeTrue(home != null && home.length() < 32, "HOME holds a short value to stand for a weak token");
        WebXml webXml = WebXml.standard().param(FilterSettings.STORE, "file:" + dir.resolve("t"))
                .param(FilterSettings.ADMIN_TOKEN_ENV, "HOME");

        assertStartFails(webXml, Map.of(), "the admin token is too short: it has " + home.length() + " characters");
        WebApplication application = HttpHarness.webXml(webXml.render());
        Exception failure = assertThrows(IllegalStateException.class, () -> application.start().close());
        for (Throwable t = failure; t != null; t = t.getCause()) {
            assertTrue(t.getMessage() == null || !t.getMessage().contains(home), "the message never holds the token");
        }
    }

    @Test
    void pruneEvery_inWebXml_prunesTheTokenFileOnSchedule_keepingOtherLines() throws Exception {
        Path tokens = dir.resolve("tokens");
        String kept = "# kept\nlegacy-token-kept-for-prune\n";
        Files.writeString(tokens, kept + "sha256:sk_AAAAAAAAAAAA:" + "a".repeat(64)
                + "\ta\t\t2020-01-01T00:00:00Z\trevoked=2020-02-01T00:00:00Z\n");
        deploy(WebXml.standard().param(FilterSettings.STORE, "file:" + tokens)
                .param(PolicySettings.PRUNE_EVERY, "PT0.05S").param(PolicySettings.PRUNE_OLDER_THAN, "30d"));
        watch("legacy-token-kept-for-prune");
        for (int i = 0; i < 400 && !Files.readString(tokens).equals(kept); i++) {
            Thread.sleep(25);
        }

        assertEquals(kept, Files.readString(tokens));
        assertEquals(200, http.get("/api/kafka/endpoint", "legacy-token-kept-for-prune").status());
    }

    @Test
    void pruneOlderThan_withoutPruneEvery_stopsTheStart() {
        assertStartFails(WebXml.standard().param(FilterSettings.STORE, "file:" + dir.resolve("t"))
                .param(PolicySettings.PRUNE_OLDER_THAN, "30d"), Map.of(), "prune-older-than needs prune-every");
    }

    @Test
    void badExpiryNotice_stopsTheStart() {
        assertStartFails(WebXml.standard().param(FilterSettings.STORE, "file:" + dir.resolve("t"))
                .param(PolicySettings.EXPIRY_NOTICE, "0d"), Map.of(), "expiry-notice: a duration is");
    }

    @Test
    void badSelfServiceSettings_stopTheStart() {
        assertStartFails(WebXml.standard().param(FilterSettings.STORE, "file:" + dir.resolve("t"))
                .param(PolicySettings.SELF_SERVICE, "yes"), Map.of(), "self-service is 'true' or 'false'");
        assertStartFails(WebXml.standard().param(FilterSettings.STORE, "file:" + dir.resolve("t"))
                .param(PolicySettings.MAX_TOKENS_PER_SUBJECT, "0"), Map.of(),
                "max-tokens-per-subject is a whole number from 1 to 1000000");
    }

    @Test
    void selfService_inWebXml_letsASubjectsTokenListItsSubject() throws Exception {
        Path tokens = dir.resolve("tokens");
        String alice = "sk_aliceselfsvc0" + "x".repeat(20);
        Files.writeString(tokens, alice + "\tkafka:*\talice\t2026-01-01T00:00:00Z\tsubject=alice\n"
                + "bob-legacy-token-for-self-service\n");
        deploy(WebXml.standard().param(FilterSettings.STORE, "file:" + tokens)
                .param(PolicySettings.SELF_SERVICE, "true"));
        watch(alice);
        watch("bob-legacy-token-for-self-service");

        HttpReply reply = http.get(WebXml.ADMIN_PATH + "/", alice);

        assertEquals(200, reply.status(), reply.body());
        assertEquals(1, Json.array(reply.body()).size(), reply.body());
    }
}
