package dev.scopekey.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scopekey.domain.ScopeSet;
import org.junit.jupiter.api.Test;

/**
 * The credential tiers over HTTP: the break-glass admin token from the environment, store
 * tokens, runtime tokens; and the principal the filter puts on the request.
 */
class CredentialTiersHttpTest extends HttpTestSupport {
    private static final String TOKENS = WebXml.ADMIN_PATH + "/";

    @Test
    void runtimeWildcardToken_reachesEveryResource_butNotTheAdminApi() throws Exception {
        start(WebXml.standard());
        String runtime = "runtime-wildcard-token-0001";
        service.registerRuntimeToken(runtime, ScopeSet.root(), "in-process");
        http.watch.secret(runtime);

        assertEquals(200, http.get("/api/kafka/endpoint", runtime).status());
        assertEquals(200, http.call("POST", "/api/kafka/endpoint", runtime).status());
        assertEquals(200, http.call("DELETE", "/api/kafka/endpoint", runtime).status());
        assertEquals(200, http.get("/workspaces/w9/channels", runtime).status());
        assertEquals(200, http.get("/anything/else", runtime).status());
        assertEquals(403, http.get(TOKENS, runtime).status());
        assertEquals(403, http.mint(runtime, "{\"scopes\":[\"a\"]}").status());
    }

    @Test
    void configAdminToken_fromTheEnvironment_canMintAndList() throws Exception {
        String admin = System.getenv(ADMIN_ENV);
        org.junit.jupiter.api.Assumptions.assumeTrue(admin != null, ADMIN_ENV + " is set by the build's surefire config");
        start(WebXml.standard(), admin);

        Reply minted = http.mint(admin, "{\"scopes\":[\"kafka:endpoint:read\"]}");

        assertEquals(201, minted.status());
        assertEquals("config", ((java.util.Map<?, ?>) Json.array(http.get(TOKENS, admin).body()).get(0))
                .get("createdBy"));
        assertEquals(200, http.get("/api/kafka/endpoint", Json.field(minted.body(), "token")).status());
    }

    @Test
    void modeInitParam_isPublishedWithTheCallerCredentials() throws Exception {
        start(WebXml.standard().param(FilterSettings.MODE, "local"));

        assertEquals(CallerCredentials.Mode.LOCAL, CallerCredentials.from(http.servletContext()).mode());
    }

    @Test
    void principal_isTheTokenPrincipal_andRolesAreScopes() throws Exception {
        start(WebXml.standard());
        String token = service.mint(dev.scopekey.service.Caller.operator("cli"),
                dev.scopekey.service.MintRequest.of("kafka:endpoint:read", "workspaces:w1:*").forSubject("alice"))
                .value().token().reveal();
        http.watch.secret(token);

        Reply granted = http.get("/api/kafka/endpoint?role=workspaces:w1:write", token);
        assertEquals("alice", Json.field(granted.body(), "user"));
        assertEquals("TokenPrincipal", Json.field(granted.body(), "principalType"));
        assertEquals("Bearer", Json.field(granted.body(), "authType"));
        assertEquals("true", Json.field(granted.body(), "inRole"));
        assertEquals("false", Json.field(http.get("/api/kafka/endpoint?role=workspaces:w2:write", token).body(),
                "inRole"));
        assertEquals("false", Json.field(http.get("/api/kafka/endpoint?role=workspaces:*", token).body(), "inRole"));
    }
}
