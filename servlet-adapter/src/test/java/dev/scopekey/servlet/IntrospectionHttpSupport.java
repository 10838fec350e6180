package dev.scopekey.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scopekey.audit.Slf4jAuditSink;
import dev.scopekey.testkit.HttpReply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Base of the introspection HTTP tests: the standard web.xml plus a {@link TokenIntrospectionServlet}
 * at {@value #PATH} that accepts the client credential {@value #CLIENT_ID} with the secret surefire
 * puts in {@value #SECRET_ENV}; requests as a resource server sends them; the audit lines they leave.
 */
abstract class IntrospectionHttpSupport extends HttpTestSupport {
    static final String PATH = "/oauth/introspect";
    static final String CLIENT_ID = "resource-server";
    static final String SECRET_ENV = "SCOPEKEY_TEST_INTROSPECT_SECRET";
    static final String SECRET = System.getenv(SECRET_ENV);
    static final String FORM = "application/x-www-form-urlencoded";

    /** The standard web.xml with the introspection servlet and its client credential. */
    static WebXml withIntrospection(WebXml webXml) {
        return webXml.servlet("introspection", TokenIntrospectionServlet.class, PATH,
                TokenIntrospectionServlet.CLIENT_ID, CLIENT_ID, TokenIntrospectionServlet.CLIENT_SECRET_ENV,
                SECRET_ENV);
    }

    /** Deploys {@link #withIntrospection} over the standard web.xml; the client secret is watched too. */
    void startIntrospection() {
        start(withIntrospection(WebXml.standard()));
        watch(SECRET);
    }

    /** {@code Basic base64(id:secret)}. */
    static String basic(String id, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    /** The Basic header of the configured client. */
    static String client() {
        return basic(CLIENT_ID, SECRET);
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    /** {@code POST token=<token>} with this {@code Authorization} header (null: none). */
    HttpReply introspect(String authorization, String token) {
        return post(authorization, "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    /** {@code POST} of a form body with this {@code Authorization} header (null: none). */
    HttpReply post(String authorization, String formBody) {
        return authorization == null ? http.send("POST", PATH, FORM, formBody)
                : http.send("POST", PATH, FORM, formBody, "Authorization", authorization);
    }

    /** The audit lines {@code request} leaves, after checking it answered {@code status}. */
    List<String> audited(Supplier<HttpReply> request, int status) {
        int before = auditLines().size();
        HttpReply reply = request.get();
        assertEquals(status, reply.status(), reply.body());
        List<String> after = auditLines();
        return after.subList(before, after.size());
    }

    private List<String> auditLines() {
        return Arrays.stream(leaks.capturedOutput().split("\n"))
                .filter(line -> line.contains(" " + Slf4jAuditSink.LOGGER_NAME + " - "))
                .collect(Collectors.toList());
    }
}
