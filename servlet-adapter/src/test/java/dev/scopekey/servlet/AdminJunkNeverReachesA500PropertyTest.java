package dev.scopekey.servlet;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.audit.Slf4jAuditSink;
import dev.scopekey.domain.ActorLabel;
import dev.scopekey.service.Caller;
import dev.scopekey.service.MintRequest;
import dev.scopekey.service.TokenService;
import dev.scopekey.store.memory.InMemoryTokenStore;
import dev.scopekey.testkit.HttpHarness;
import dev.scopekey.testkit.HttpReply;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Issue #8, item 7, as a property: whatever body, content type or path segment a root caller
 * sends the admin API — random text, random bytes, near-JSON, JSON of any shape and depth with
 * edge-case numbers and durations, junk forms — the answer is a success or a 4xx whose body is
 * the JSON error object; never a 5xx, never the container's HTML. One server for all tries, with
 * a mint rate high enough that the limit never hides what the body would have done.
 */
@Tag("http")
class AdminJunkNeverReachesA500PropertyTest {
    private static final String TOKENS = WebXml.ADMIN_PATH + "/";
    private static final List<String> FIELDS = List.of("scopes", "scope", "name", "subject", "expiresIn",
            "graceSeconds");
    private static final List<String> EDGE_NUMBERS = List.of("0", "-0", "1", "-1", "0.5", "1e3", "1E+2147483648",
            "-1e-2147483649", "9223372036854775808", "31536000", "31536001", "1.0", "1e-400", "12345678901234567890",
            "1e999999999", "0e-999999999");
    private static final List<String> EDGE_TEXTS = List.of("*", "auth:tokens", "a", "kafka:endpoint:read",
            "PT100000000000000000S", "P106751991167300D", "999999999w", "36500d", "36501d", "PT-1S", "-P1D", "P",
            "PT0S", "30d", "1x", "", " ", "\u0000", "\u2028", "\ud800", "\\ud800", "\\u0000", "e\u0301", "\ud83d\ude00",
            "x".repeat(300), "sk_", "%00", "<script>");

    /** JSON strings with escapes a quoted text never produces: lone surrogates, NUL, bad escapes. */
    private static final List<String> RAW_STRINGS = List.of("\"\\ud800\"", "\"\\udc00\\ud800\"", "\"\\u0000\"",
            "\"\\ud83d\\ude00\"", "\"\\x\"", "\"\\u12\"", "\"\\\"", "\"\\u2028\"");

    private static TokenService service;
    private static HttpHarness http;
    private static String root;
    private static String target;

    @BeforeContainer
    static void start() {
        service = TokenService.builder(new InMemoryTokenStore()).audit(new Slf4jAuditSink())
                .mintRate(1_000_000, Duration.ofSeconds(1)).lastUsedFlushInterval(null).build();
        Caller operator = Caller.operator(ActorLabel.CLI);
        root = service.mint(operator, MintRequest.of("*")).value().token().reveal();
        target = service.mint(operator, MintRequest.of("kafka:endpoint:read")).value().record().prefix();
        http = HttpHarness.webXml(WebXml.standard().render()).attribute(ScopeKeyFilter.SERVICE_ATTRIBUTE, service)
                .start().watch(root);
    }

    @AfterContainer
    static void stop() {
        try {
            if (http != null) {
                http.close();
            }
        } finally {
            if (service != null) {
                service.close();
            }
        }
    }

    @Property(tries = 400)
    void mintBodies_areAnsweredWithA4xxJsonOrAMint(@ForAll("bodies") byte[] body, @ForAll("contentTypes") String type) {
        assertNoServerError(post(TOKENS, type, body));
    }

    @Property(tries = 300)
    void rotationBodies_areAnsweredWithA4xxJsonOrARotation(@ForAll("bodies") byte[] body,
                                                           @ForAll("contentTypes") String type) {
        assertNoServerError(post(TOKENS + target + "/rotate", type, body));
    }

    @Property(tries = 200)
    void listAndRevokeBySubjectBodies_areAnsweredWithA4xxJsonOrAnAnswer(@ForAll("bodies") byte[] body,
                                                                        @ForAll("contentTypes") String type) {
        assertNoServerError(send("GET", TOKENS + "?limit=5", type, body));
        assertNoServerError(send("DELETE", TOKENS + "?subject=nobody", type, body));
    }

    /**
     * Path segments the container hands on: it answers empty and dot segments, encoded separators,
     * encoded {@code %} and control characters itself, on every path, before any application code.
     */
    @Property(tries = 200)
    void pathSegmentsAndQueries_areAnsweredWithA4xxJsonOrAnAnswer(@ForAll("segments") String segment,
                                                                  @ForAll("texts") String query) {
        String path = encode(segment);
        String q = encode(query);
        assertNoServerError(http.delete(TOKENS + path, root));
        assertNoServerError(http.call("POST", TOKENS + path + "/rotate", root));
        assertNoServerError(http.delete(TOKENS + "?subject=" + q, root));
        assertNoServerError(http.get(TOKENS + "?after=" + q + "&subject=" + q, root));
        assertNoServerError(http.get(TOKENS + "?limit=" + q, root));
    }

    private static HttpReply post(String path, String type, byte[] body) {
        return send("POST", path, type, body);
    }

    private static HttpReply send(String method, String path, String type, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(http.uri(path)).timeout(Duration.ofSeconds(20))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body)).header("Authorization", "Bearer " + root);
        if (!type.isEmpty()) {
            request.header("Content-Type", type);
        }
        return http.send(request.build());
    }

    private static void assertNoServerError(HttpReply reply) {
        String shown = reply.status() + " " + reply.body();
        assertTrue(reply.status() < 500, shown);
        if (reply.status() >= 400) {
            assertTrue(String.valueOf(reply.header("Content-Type")).startsWith("application/json"), shown);
            Map<?, ?> error = Json.object(reply.body());
            assertInstanceOf(String.class, error.get("error"), shown);
            assertInstanceOf(String.class, error.get("message"), shown);
            assertFalse(reply.body().contains("Exception") || reply.body().contains("at java."), shown);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.of("application/json", "application/json; charset=utf-8", "application/json;charset=UTF-8",
                "application/json; charset=latin1", "application/json; charset=", "application/x-www-form-urlencoded",
                "application/x-www-form-urlencoded; charset=utf-8", "application/x-www-form-urlencoded; charset=bogus",
                "text/plain", "multipart/form-data; boundary=x", "", "application/json; charset=\"utf-8\"; x=y",
                "APPLICATION/JSON");
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        Arbitrary<String> texts = Arbitraries.oneOf(json(0), mutated(json(0)), form(), texts());
        return Arbitraries.oneOf(texts.map(text -> text.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(64));
    }

    @Provide
    Arbitrary<String> segments() {
        return texts().filter(text -> !text.isEmpty() && text.chars().noneMatch(c -> Character.isISOControl(c) || Character.isSurrogate(
                (char) c) || "/\\;.%".indexOf(c) >= 0));
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(Arbitraries.of(EDGE_TEXTS), Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u0000', '\u007f').ofMaxLength(20));
    }

    /** Any JSON value; objects are built mostly from the admin API's field names. */
    private static Arbitrary<String> json(int depth) {
        Arbitrary<String> scalars = Arbitraries.oneOf(Arbitraries.of(EDGE_NUMBERS), Arbitraries.of("true", "false",
                "null"), Arbitraries.of(EDGE_TEXTS).map(AdminJunkNeverReachesA500PropertyTest::quote),
                Arbitraries.strings().ofMaxLength(12).map(AdminJunkNeverReachesA500PropertyTest::quote),
                Arbitraries.of(RAW_STRINGS),
                Arbitraries.bigDecimals().map(Object::toString));
        if (depth > JsonReader.MAX_DEPTH + 2) {
            return scalars;
        }
        Arbitrary<String> nested = Arbitraries.lazy(() -> json(depth + 1));
        Arbitrary<String> arrays = nested.list().ofMaxSize(depth < 2 ? 4 : 1)
                .map(items -> "[" + String.join(",", items) + "]");
        Arbitrary<String> names = Arbitraries.oneOf(Arbitraries.of(FIELDS), Arbitraries.strings().ofMaxLength(6));
        Arbitrary<String> members = Combinators.combine(names, nested)
                .as((name, value) -> quote(name) + ":" + value);
        Arbitrary<String> objects = members.list().ofMaxSize(depth < 2 ? 5 : 1)
                .map(items -> "{" + String.join(",", items) + "}");
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(depth == 0 ? 1 : 4, scalars),
                net.jqwik.api.Tuple.of(2, arrays), net.jqwik.api.Tuple.of(depth == 0 ? 6 : 2, objects));
    }

    /** A text with one character inserted, dropped or replaced: near-JSON. */
    private static Arbitrary<String> mutated(Arbitrary<String> texts) {
        return Combinators.combine(texts, Arbitraries.integers().between(0, 1000), Arbitraries.chars(),
                Arbitraries.integers().between(0, 2)).as((text, at, c, how) -> {
                    int i = text.isEmpty() ? 0 : at % text.length();
                    switch (how) {
                        case 0: return text.substring(0, i) + c + text.substring(i);
                        case 1: return text.isEmpty() ? text : text.substring(0, i) + text.substring(i + 1);
                        default: return text.isEmpty() ? String.valueOf(c) : text.substring(0, i) + c
                                + text.substring(i + 1);
                    }
                });
    }

    /** URL-encoded forms of admin field names and junk, with broken escapes now and then. */
    private static Arbitrary<String> form() {
        Arbitrary<String> raw = Arbitraries.oneOf(Arbitraries.of("%", "%G1", "%C3%28", "%FF", "%00", "%e2%80%a8",
                "+", "=", "&"), Arbitraries.of(EDGE_TEXTS).map(AdminJunkNeverReachesA500PropertyTest::encode));
        Arbitrary<String> names = Arbitraries.oneOf(Arbitraries.of(FIELDS), raw);
        Arbitrary<String> pairs = Combinators.combine(names, raw).as((name, value) -> name + "=" + value);
        return pairs.list().ofMaxSize(5).map(items -> String.join("&", items));
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder();
        JsonText.quote(out, text);
        return out.toString();
    }
}
