package dev.scopekey.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.audit.Slf4jAuditSink;
import dev.scopekey.domain.ActorLabel;
import dev.scopekey.service.Caller;
import dev.scopekey.service.MintRequest;
import dev.scopekey.service.TokenService;
import dev.scopekey.service.TokenServiceBuilder;
import dev.scopekey.testkit.HttpHarness;
import dev.scopekey.testkit.HttpReply;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Self-service by subject over real HTTP: each allow and each deny (alice never reaches bob's tokens). */
class SelfServiceHttpTest extends HttpTestSupport {
    private static final String TOKENS = WebXml.ADMIN_PATH + "/";
    private static final Caller OPERATOR = Caller.operator(ActorLabel.CLI);

    private void startWith(UnaryOperator<TokenServiceBuilder> policy) {
        service = policy.apply(TokenService.builder(store).clock(clock).audit(new Slf4jAuditSink())
                .lastUsedFlushInterval(null)).build();
        http = HttpHarness.webXml(WebXml.standard().render()).attribute(ScopeKeyFilter.SERVICE_ATTRIBUTE, service)
                .start();
    }

    private void startSelfService() {
        startWith(b -> b.selfService(true));
    }

    /** A store token of {@code subject} with these scopes, minted by the operator; watched. */
    private String tokenOf(String subject, String... scopes) {
        String token = service.mint(OPERATOR, MintRequest.of(scopes).forSubject(subject)).value().token().reveal();
        watch(token);
        return token;
    }

    private static String prefix(String token) {
        return dev.scopekey.domain.TokenFormat.displayPrefix(token).orElseThrow();
    }

    private static List<String> prefixes(HttpReply reply) {
        return Json.array(reply.body()).stream().map(r -> (String) ((Map<?, ?>) r).get("prefix"))
                .sorted().collect(Collectors.toList());
    }

    @Test
    void list_showsOnlyTheCallersSubject_andAnotherSubjectIs403() {
        startSelfService();
        String alice = tokenOf("alice", "kafka:*");
        String aliceTwo = tokenOf("alice", "kafka:endpoint:read");
        tokenOf("bob", "kafka:*");

        HttpReply own = http.get(TOKENS, alice);
        HttpReply bobs = http.get(TOKENS + "?subject=bob", alice);

        assertEquals(200, own.status(), own.body());
        assertEquals(List.of(prefix(alice), prefix(aliceTwo)).stream().sorted().toList(), prefixes(own));
        assertEquals(403, bobs.status());
        assertEquals(200, http.get(TOKENS + "?subject=alice", alice).status());
    }

    @Test
    void revoke_ofOwnSubjectsToken_is204_ofAnotherSubjects404_ofItself400() {
        startSelfService();
        String alice = tokenOf("alice", "kafka:*");
        String aliceTwo = tokenOf("alice", "kafka:endpoint:read");
        String bob = tokenOf("bob", "kafka:*");

        assertEquals(404, http.delete(TOKENS + prefix(bob), alice).status());
        assertEquals(200, http.get("/api/kafka/endpoint", bob).status(), "bob's token still works");
        assertEquals(400, http.delete(TOKENS + prefix(alice), alice).status());
        assertEquals(204, http.delete(TOKENS + prefix(aliceTwo), alice).status());
        assertEquals(401, http.get("/api/kafka/endpoint", aliceTwo).status());
        assertEquals(200, http.get("/api/kafka/endpoint", alice).status());
    }

    @Test
    void revokeSubject_ofOwnSubject_spareTheCaller_andOfAnotherIs403() {
        startSelfService();
        String alice = tokenOf("alice", "kafka:*");
        String aliceTwo = tokenOf("alice", "kafka:endpoint:read");
        String bob = tokenOf("bob", "kafka:*");

        assertEquals(403, http.delete(TOKENS + "?subject=bob", alice).status());
        HttpReply own = http.delete(TOKENS + "?subject=alice", alice);

        assertEquals(200, own.status(), own.body());
        assertEquals("{\"revoked\":1}", own.body().strip());
        assertEquals(401, http.get("/api/kafka/endpoint", aliceTwo).status());
        assertEquals(200, http.get("/api/kafka/endpoint", alice).status());
        assertEquals(200, http.get("/api/kafka/endpoint", bob).status());
    }

    @Test
    void mint_forOwnSubject_withHeldOrNarrowerScopes_is201() {
        startSelfService();
        String alice = tokenOf("alice", "kafka:*", "workspaces:w42:read");

        HttpReply narrower = mint(alice, "{\"scopes\":[\"kafka:endpoint:*\",\"workspaces:w42:read\"]}");
        HttpReply named = mint(alice, "{\"scopes\":[\"kafka:endpoint:read\"],\"subject\":\"alice\"}");

        assertEquals(201, narrower.status(), narrower.body());
        assertEquals("alice", Json.field(narrower.body(), "subject"), "the subject is the caller's");
        assertEquals(201, named.status(), named.body());
        String minted = Json.field(narrower.body(), "token");
        assertEquals(200, http.get("/api/kafka/endpoint", minted).status());
    }

    @Test
    void mint_forAnotherSubject_orWithMoreScopes_orRootOrAdmin_isRefused() {
        startSelfService();
        String alice = tokenOf("alice", "kafka:endpoint:*");

        assertEquals(403, mint(alice, "{\"scopes\":[\"kafka:endpoint:read\"],\"subject\":\"bob\"}").status());
        assertEquals(403, mint(alice, "{\"scopes\":[\"kafka:*\"]}").status(), "a wider wildcard");
        assertEquals(403, mint(alice, "{\"scopes\":[\"workspaces:w1:read\"]}").status(), "a scope not held");
        assertEquals(400, mint(alice, "{\"scopes\":[\"*\"]}").status());
        assertEquals(400, mint(alice, "{\"scopes\":[\"auth:tokens:mint\"]}").status());
        assertEquals(1, service.list(OPERATOR, dev.scopekey.port.TokenQuery.all()).value().records().size(),
                "nothing was minted");
    }

    @Test
    void logout_revokesThePresentedToken_with204() {
        startSelfService();
        String alice = tokenOf("alice", "kafka:*");
        String other = tokenOf("alice", "kafka:*");

        HttpReply reply = http.post(TOKENS + "logout", alice, "application/json", "");

        assertEquals(204, reply.status(), reply.body());
        assertEquals(401, http.get("/api/kafka/endpoint", alice).status());
        assertEquals(200, http.get("/api/kafka/endpoint", other).status(), "only the presented token");
    }

    @Test
    void withoutSelfService_theRulesStay_rootOnly_andNoLogout() {
        startWith(b -> b);
        String alice = tokenOf("alice", "kafka:*");
        String aliceTwo = tokenOf("alice", "kafka:endpoint:read");

        assertEquals(403, http.get(TOKENS, alice).status());
        assertEquals(403, http.delete(TOKENS + prefix(aliceTwo), alice).status());
        assertEquals(403, http.delete(TOKENS + "?subject=alice", alice).status());
        assertEquals(403, mint(alice, "{\"scopes\":[\"kafka:endpoint:read\"]}").status());
        assertEquals(403, http.post(TOKENS + "logout", alice, "application/json", "").status());
        assertEquals(200, http.get("/api/kafka/endpoint", alice).status());
    }

    @Test
    void tokenWithoutSubject_getsNoSelfService() {
        startSelfService();
        String nobody = service.mint(OPERATOR, MintRequest.of("kafka:*")).value().token().reveal();
        watch(nobody);

        assertEquals(403, http.get(TOKENS, nobody).status());
        assertEquals(403, mint(nobody, "{\"scopes\":[\"kafka:endpoint:read\"]}").status());
    }

    @Test
    void maxTokensPerSubject_refusesOneMore_with409() {
        startWith(b -> b.selfService(true).maxTokensPerSubject(2));
        String alice = tokenOf("alice", "kafka:*");
        String root = tokenOf(null, "*");

        assertEquals(201, mint(alice, "{\"scopes\":[\"kafka:endpoint:read\"]}").status());
        HttpReply third = mint(alice, "{\"scopes\":[\"kafka:endpoint:read\"]}");
        HttpReply byRoot = mint(root, "{\"scopes\":[\"kafka:endpoint:read\"],\"subject\":\"alice\"}");

        assertEquals(409, third.status(), third.body());
        assertTrue(Json.field(third.body(), "message").contains("the most allowed (2)"), third.body());
        assertEquals(409, byRoot.status(), "the limit binds root too");
        assertEquals(201, mint(root, "{\"scopes\":[\"kafka:endpoint:read\"],\"subject\":\"bob\"}").status());
    }

    @Test
    void mint_cannotOutliveTheMintingToken() {
        startSelfService();
        String alice = service.mint(OPERATOR, MintRequest.of("kafka:*").forSubject("alice")
                .expiringIn(java.time.Duration.ofDays(1))).value().token().reveal();
        watch(alice);

        assertEquals(403, mint(alice, "{\"scopes\":[\"kafka:endpoint:read\"]}").status(), "never expiring");
        assertEquals(403, mint(alice, "{\"scopes\":[\"kafka:endpoint:read\"],\"expiresIn\":\"2d\"}").status());
        assertEquals(201, mint(alice, "{\"scopes\":[\"kafka:endpoint:read\"],\"expiresIn\":\"12h\"}").status());
    }
}
