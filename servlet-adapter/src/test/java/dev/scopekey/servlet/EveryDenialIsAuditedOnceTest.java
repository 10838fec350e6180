package dev.scopekey.servlet;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.audit.Slf4jAuditSink;
import dev.scopekey.domain.ActorLabel;
import dev.scopekey.port.AuditSink;
import dev.scopekey.service.Caller;
import dev.scopekey.service.MintRequest;
import dev.scopekey.testkit.HttpReply;
import dev.scopekey.testkit.UnavailableTokenStore;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue #9 (denials must be visible): each row of the RFC 6750 table in DESIGN §5, sent over real
 * HTTP, leaves exactly one audit line (real {@link Slf4jAuditSink}, slf4j-simple, read from the
 * output) naming its type, reason, method and path, a request with no credential included; a store
 * outage is not a denial but one health line.
 * A token that is refused for its shape never appears in the line, not even in part.
 */
class EveryDenialIsAuditedOnceTest extends HttpTestSupport {
    private static final String KAFKA = "/api/kafka/endpoint";
    private static final String FORM = "application/x-www-form-urlencoded";

    @Test
    void noCredential_anotherScheme_andAQueryStringToken_areAuditedOnce_asNoCredential() {
        start(WebXml.standard());
        String read = token("kafka:endpoint:read");

        assertDenial(auditedOnce(() -> http.get(KAFKA, null), 401), "authentication_denied", "NO_CREDENTIAL",
                "GET", KAFKA);
        assertDenial(auditedOnce(() -> http.send("GET", KAFKA, null, null, "Authorization", "Basic dXNlcjpw"), 401),
                "authentication_denied", "NO_CREDENTIAL", "GET", KAFKA);
        String queryToken = auditedOnce(() -> http.get(KAFKA + "?access_token=" + read, null), 401);
        assertDenial(queryToken, "authentication_denied", "NO_CREDENTIAL", "GET", KAFKA);
        assertFalse(queryToken.contains(read), queryToken);
    }

    @Test
    void aPublicPath_isNoDenial_andLeavesNoAuditLine() {
        start(WebXml.standard());

        assertEquals(List.of(), audited(() -> http.get("/health", null), 200));
    }

    @Test
    void twoAuthorizationHeaders_areAuditedOnce_asAnInvalidRequest() {
        start(WebXml.standard());
        String read = token("kafka:endpoint:read");
        byte[] header = ("Authorization: Bearer " + read).getBytes(ISO_8859_1);

        String line = auditedOnce(() -> http.rawGet(KAFKA, header, header), 400);

        assertDenial(line, "authentication_denied", "INVALID_REQUEST", "GET", KAFKA);
    }

    @Test
    void twoTokensInOneHeader_areAuditedOnce_asAnInvalidRequest() {
        start(WebXml.standard());
        String read = token("kafka:endpoint:read");

        String line = auditedOnce(() -> http.send("GET", KAFKA, null, null, "Authorization",
                "Bearer " + read + " " + read), 400);

        assertDenial(line, "authentication_denied", "INVALID_REQUEST", "GET", KAFKA);
    }

    @Test
    void headerAndBodyToken_areAuditedOnce_asAnInvalidRequest() {
        start(WebXml.standard().param(FormBodyIsLeftForTheApplicationTest.CHECK, "true"));
        String write = token("kafka:endpoint:write");

        String line = auditedOnce(() -> http.send("POST", KAFKA, FORM, "access_token=" + write,
                "Authorization", "Bearer " + write), 400);

        assertDenial(line, "authentication_denied", "INVALID_REQUEST", "POST", KAFKA);
    }

    @Test
    void emptyBearer_isAuditedOnce_asAnInvalidRequest() {
        start(WebXml.standard());

        String line = auditedOnce(() -> http.rawGet(KAFKA, "Authorization: Bearer ".getBytes(ISO_8859_1)), 400);

        assertDenial(line, "authentication_denied", "INVALID_REQUEST", "GET", KAFKA);
    }

    @Test
    void tokenOutsideTheB64TokenSyntax_isAuditedOnce_asMalformed_withoutItsText() {
        start(WebXml.standard());
        String odd = "sk_" + "Q".repeat(30) + "!secretpart";
        watch(odd);

        String line = auditedOnce(() -> http.get(KAFKA, odd), 401);

        assertDenial(line, "authentication_denied", "MALFORMED", "GET", KAFKA);
        assertFalse(line.contains("QQQQ") || line.contains("secretpart"), line);
    }

    @Test
    void overLongToken_isAuditedOnce_asMalformed_withoutItsText() {
        start(WebXml.standard());
        String overLong = "sk_" + "Z".repeat(1100);

        String line = auditedOnce(() -> http.get(KAFKA, overLong), 401);

        assertDenial(line, "authentication_denied", "MALFORMED", "GET", KAFKA);
        assertFalse(leaks.capturedOutput().contains("ZZZZ"), "the over-long token is in the log");
    }

    @Test
    void badChecksum_isAuditedOnce_withoutATarget() {
        start(WebXml.standard());
        String read = token("kafka:endpoint:read");
        String bad = read.substring(0, read.length() - 1) + (read.endsWith("A") ? "B" : "A");
        watch(bad);

        String line = auditedOnce(() -> http.get(KAFKA, bad), 401);

        assertDenial(line, "authentication_denied", "BAD_CHECKSUM", "GET", KAFKA);
        assertFalse(line.contains("target="), line);
    }

    @Test
    void unknownRevokedAndExpiredTokens_areEachAuditedOnce_withTheirReason() {
        start(WebXml.standard());
        String unknown = dev.scopekey.domain.TokenFormat.standard().generate(new java.security.SecureRandom()).reveal();
        watch(unknown);
        String revoked = token("kafka:endpoint:read");
        service.revoke(Caller.operator(ActorLabel.CLI), revoked.substring(0, 15));
        String expiring = service.mint(Caller.operator(ActorLabel.CLI),
                MintRequest.of("kafka:endpoint:read").expiringIn(Duration.ofHours(1))).value().token().reveal();
        watch(expiring);
        clock.advance(Duration.ofHours(2));

        assertDenial(auditedOnce(() -> http.get(KAFKA, unknown), 401), "authentication_denied", "UNKNOWN", "GET",
                KAFKA);
        assertDenial(auditedOnce(() -> http.get(KAFKA, revoked), 401), "authentication_denied", "REVOKED", "GET",
                KAFKA);
        assertDenial(auditedOnce(() -> http.get(KAFKA, expiring), 401), "authentication_denied", "EXPIRED", "GET",
                KAFKA);
    }

    @Test
    void missingScope_isAuditedOnce_namingTheScope_theMethodAndThePath() {
        start(WebXml.standard());
        String read = token("kafka:endpoint:read");

        String line = auditedOnce(() -> http.call("DELETE", KAFKA, read), 403);

        assertDenial(line, "authorization_denied", "INSUFFICIENT_SCOPE", "DELETE", KAFKA);
        assertTrue(line.contains(" scope=kafka:endpoint:write"), line);
        assertTrue(line.contains(" actor=token:" + read.substring(0, 15) + " "), line);
    }

    /** Jetty itself answers 400 to an encoded CR or LF in a path; spaces and {@code =} reach the filter. */
    @Test
    void aPathThatLooksLikeFields_isAuditedAsOnePathValue_escaped() {
        start(WebXml.standard().param(FilterSettings.UNMATCHED, "deny"));
        String read = token("kafka:endpoint:read");

        String line = auditedOnce(() -> http.get("/reports/a%20event=token_minted%20actor=cli", read), 403);

        assertDenial(line, "authorization_denied", "INSUFFICIENT_SCOPE", "GET",
                "/reports/a\\x20event\\x3dtoken_minted\\x20actor\\x3dcli");
        assertFalse(line.contains(" actor=cli"), line);
    }

    @Test
    void storeOutage_isNoAuditEvent_butOneHealthLine() {
        store = new UnavailableTokenStore();
        start(WebXml.standard());

        assertEquals(List.of(), audited(() -> http.get(KAFKA, "sk_anything"), 503));
        assertEquals(List.of(), audited(() -> http.get(KAFKA, "sk_anything"), 503));
        assertEquals(1, lines().stream().filter(line -> line.contains(" " + AuditSink.HEALTH_LOGGER + " - ")).count(),
                leaks.capturedOutput());
    }

    private static void assertDenial(String line, String event, String reason, String method, String path) {
        assertTrue(line.contains("event=" + event + " "), line);
        assertTrue(line.contains(" detail=" + reason), line);
        assertTrue(line.contains(" method=" + method), line);
        assertTrue(line.contains(" path=" + path), line);
    }

    private String auditedOnce(Supplier<HttpReply> request, int status) {
        List<String> lines = audited(request, status);
        assertEquals(1, lines.size(), "one audit line: " + lines);
        return lines.get(0);
    }

    /** The audit lines {@code request} added, after checking its status. */
    private List<String> audited(Supplier<HttpReply> request, int status) {
        int before = auditLines().size();
        assertEquals(status, request.get().status());
        List<String> after = auditLines();
        return after.subList(before, after.size());
    }

    private List<String> auditLines() {
        return lines().stream().filter(line -> line.contains(" " + Slf4jAuditSink.LOGGER_NAME + " - "))
                .collect(Collectors.toList());
    }

    private List<String> lines() {
        return Arrays.asList(leaks.capturedOutput().split("\n"));
    }
}
