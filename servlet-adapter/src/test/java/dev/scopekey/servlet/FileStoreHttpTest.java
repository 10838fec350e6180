package dev.scopekey.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.service.TokenService;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The filter building its own service from {@code store=file:…} in web.xml: legacy token
 * files, the break-glass token from {@code admin-token-env}, the admin servlet's
 * {@code mint-rate}, and the service published in the context attribute.
 */
class FileStoreHttpTest {
    private static final String ADMIN_ENV = HttpTestSupport.ADMIN_ENV;
    private static final String LEGACY_ONE = "legacy-token-one";
    private static final String LEGACY_TWO = "legacy-token-two";

    @TempDir
    Path dir;
    JettyHarness http;

    private JettyHarness start(String fileContent, WebXml webXml) throws Exception {
        Path tokens = dir.resolve("tokens");
        Files.writeString(tokens, fileContent);
        http = JettyHarness.start(dir.resolve("webapp"), webXml.param(FilterSettings.STORE, "file:" + tokens));
        http.watch.secret(LEGACY_ONE);
        http.watch.secret(LEGACY_TWO);
        return http;
    }

    private static String admin() {
        String admin = System.getenv(ADMIN_ENV);
        Assumptions.assumeTrue(admin != null, ADMIN_ENV + " is set by the build's surefire configuration");
        return admin;
    }

    @AfterEach
    void stop() throws Exception {
        if (http != null) {
            http.stop();
        }
    }

    @Test
    void legacyTokenFile_withoutTabs_grantsEveryRoute() throws Exception {
        start("# operators' tokens\n" + LEGACY_ONE + "\n\n" + LEGACY_TWO + "\n", WebXml.standard());

        for (String token : new String[] {LEGACY_ONE, LEGACY_TWO}) {
            assertEquals(200, http.get("/api/kafka/endpoint", token).status());
            assertEquals(200, http.call("POST", "/api/kafka/endpoint", token).status());
            assertEquals(200, http.call("DELETE", "/api/kafka/endpoint", token).status());
            assertEquals(200, http.get("/workspaces/w1/channels", token).status());
            assertEquals(200, http.get("/not/ruled/at/all", token).status());
            assertEquals(200, http.get(WebXml.ADMIN_PATH + "/", token).status());
        }
        assertEquals(401, http.get("/api/kafka/endpoint", "legacy-token-three").status());
    }

    @Test
    void ambiguousLegacyPrefix_inTheFile_is409() throws Exception {
        start(LEGACY_ONE + "\n" + LEGACY_TWO + "\n", WebXml.standard());

        assertEquals(409, http.call("DELETE", WebXml.ADMIN_PATH + "/legacy-t", LEGACY_ONE).status());
        assertEquals(200, http.get("/api/kafka/endpoint", LEGACY_TWO).status());
    }

    @Test
    void filter_publishesTheServiceItBuilt() throws Exception {
        start("", WebXml.standard());

        assertInstanceOf(TokenService.class, http.attribute(ScopeKeyFilter.SERVICE_ATTRIBUTE));
        assertInstanceOf(CallerCredentials.class, http.attribute(CallerCredentials.ATTRIBUTE));
    }

    @Test
    void adminTokenFromTheEnvironment_mints_andTheFileKeepsOnlyAHash() throws Exception {
        String admin = admin();
        start("", WebXml.standard().param(FilterSettings.ADMIN_TOKEN_ENV, ADMIN_ENV));

        Reply minted = http.mint(admin, "{\"scopes\":[\"kafka:endpoint:read\"],\"name\":\"reader\"}");

        assertEquals(201, minted.status());
        String token = Json.field(minted.body(), "token");
        String file = Files.readString(dir.resolve("tokens"));
        assertFalse(file.contains(token), "the token file holds the plaintext");
        assertFalse(file.contains(admin), "the token file holds the admin token");
        assertTrue(file.contains(Json.field(minted.body(), "prefix")));
        assertEquals(200, http.get("/api/kafka/endpoint", token).status());
        assertEquals(403, http.call("POST", "/api/kafka/endpoint", token).status());
    }

    @Test
    void mintRateInitParam_ofTheAdminServlet_limitsMints() throws Exception {
        String admin = admin();
        start("", WebXml.standard().param(FilterSettings.ADMIN_TOKEN_ENV, ADMIN_ENV)
                .adminParam(MintRate.PARAM, "2/hour"));

        assertEquals(201, http.mint(admin, "{\"scopes\":[\"a\"]}").status());
        assertEquals(201, http.mint(admin, "{\"scopes\":[\"a\"]}").status());
        Reply limited = http.mint(admin, "{\"scopes\":[\"a\"]}");
        assertEquals(429, limited.status());
        assertTrue(Long.parseLong(limited.header("Retry-After")) > 0);
    }

    @Test
    void revokeThroughTheApi_isWrittenToTheFile() throws Exception {
        String admin = admin();
        start(LEGACY_ONE + "\n", WebXml.standard().param(FilterSettings.ADMIN_TOKEN_ENV, ADMIN_ENV));
        Reply minted = http.mint(admin, "{\"scopes\":[\"kafka:endpoint:read\"]}");
        String prefix = Json.field(minted.body(), "prefix");

        assertEquals(204, http.call("DELETE", WebXml.ADMIN_PATH + "/" + prefix, admin).status());

        String line = Files.readAllLines(dir.resolve("tokens")).stream().filter(l -> l.contains(prefix))
                .findFirst().orElseThrow();
        assertTrue(line.contains("revoked="), line);
        assertEquals(LEGACY_ONE, Files.readAllLines(dir.resolve("tokens")).get(0));
    }
}
