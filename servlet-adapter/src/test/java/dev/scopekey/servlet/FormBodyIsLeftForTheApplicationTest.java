package dev.scopekey.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scopekey.testkit.HttpReply;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

/**
 * Issue #8, item 2: the filter never takes the application's request body. By default it does
 * not read form bodies at all; with {@code form-body-token-check=true} it buffers an
 * authenticated form body (up to {@value #LIMIT} bytes) to look for
 * {@code access_token}, and the application still reads every byte, through
 * {@code getInputStream()}, {@code getReader()} or {@code getParameter()}.
 */
class FormBodyIsLeftForTheApplicationTest extends HttpTestSupport {
    static final String CHECK = "form-body-token-check";
    /** The documented bound of a buffered form body, in bytes. */
    static final int LIMIT = 200_000;
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String BODY = "topic=orders&note=caf%C3%A9+au+lait&topic=returns&empty=&flag";

    private static WebXml app() {
        return WebXml.standard().param(FilterSettings.PUBLIC_PATHS, "/health /open/**")
                .servlet("stream", BodyReadingServlet.class, "/app/stream", "read", "stream")
                .servlet("reader", BodyReadingServlet.class, "/app/reader", "read", "reader")
                .servlet("parameters", BodyReadingServlet.class, "/app/parameters", "read", "parameters")
                .servlet("open-stream", BodyReadingServlet.class, "/open/stream", "read", "stream");
    }

    private HttpReply post(String path, String token, String body) {
        return http.send("POST", path, FORM, body, "Authorization", "Bearer " + token);
    }

    @Test
    void byDefault_anAuthenticatedFormPost_reachesGetInputStream_byteForByte() {
        start(app());
        String token = token("kafka:endpoint:read");

        HttpReply reply = post("/app/stream", token, BODY);
        assertEquals(200, reply.status());
        assertEquals(BODY, reply.body());
    }

    @Test
    void byDefault_anAuthenticatedFormPost_reachesGetParameter() {
        start(app());
        String token = token("kafka:endpoint:read");

        HttpReply reply = post("/app/parameters?topic=first", token, BODY);
        assertEquals(200, reply.status());
        assertEquals("{\"empty\":\"\",\"flag\":\"\",\"note\":\"café au lait\",\"topic\":\"first|orders|returns\"}",
                reply.body());
    }

    @Test
    void byDefault_aFormPostOnAPublicPath_reachesGetInputStream_byteForByte() {
        start(app());

        HttpReply reply = http.send("POST", "/open/stream", FORM, BODY);
        assertEquals(200, reply.status());
        assertEquals(BODY, reply.body());
    }

    @Test
    void withTheCheck_anAuthenticatedFormPost_reachesGetInputStream_byteForByte() {
        start(app().param(CHECK, "true"));
        String token = token("kafka:endpoint:read");
        String large = BODY + "&big=" + "x".repeat(150_000);

        assertEquals(BODY, post("/app/stream", token, BODY).body());
        HttpReply reply = post("/app/stream", token, large);
        assertEquals(200, reply.status());
        assertEquals(large, reply.body());
    }

    @Test
    void withTheCheck_anAuthenticatedFormPost_reachesGetReader() {
        start(app().param(CHECK, "true"));
        String token = token("kafka:endpoint:read");

        HttpReply reply = post("/app/reader", token, BODY);
        assertEquals(200, reply.status());
        assertEquals(BODY, reply.body());
    }

    @Test
    void withTheCheck_anAuthenticatedFormPost_reachesGetParameter_queryValuesFirst() {
        start(app().param(CHECK, "true"));
        String token = token("kafka:endpoint:read");

        HttpReply reply = post("/app/parameters?topic=first&q=%C3%A9", token, BODY);
        assertEquals(200, reply.status());
        assertEquals("{\"empty\":\"\",\"flag\":\"\",\"note\":\"café au lait\",\"q\":\"é\","
                + "\"topic\":\"first|orders|returns\"}", reply.body());
    }

    @Test
    void withTheCheck_aFormPostOnAPublicPath_reachesGetInputStream_byteForByte() {
        start(app().param(CHECK, "true"));

        HttpReply reply = http.send("POST", "/open/stream", FORM, BODY);
        assertEquals(200, reply.status());
        assertEquals(BODY, reply.body());
    }

    @Test
    void withTheCheck_aFormBodyOverTheLimit_isRefusedWith413_whetherItsLengthIsDeclaredOrNot() {
        start(app().param(CHECK, "true"));
        String token = token("kafka:endpoint:read");
        String tooLarge = "big=" + "x".repeat(LIMIT);

        HttpReply declared = post("/app/stream", token, tooLarge);
        assertEquals(413, declared.status());
        assertEquals("request_too_large", Json.field(declared.body(), "error"));

        HttpRequest chunked = HttpRequest.newBuilder(http.uri("/app/stream"))
                .header("Content-Type", FORM).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.fromPublisher(unsized(tooLarge))).build();
        HttpReply streamed = http.send(chunked);
        assertEquals(413, streamed.status());
        assertEquals("request_too_large", Json.field(streamed.body(), "error"));
    }

    @Test
    void withTheCheck_aFormBodyAtTheLimit_passes() {
        start(app().param(CHECK, "true"));
        String token = token("kafka:endpoint:read");
        String atLimit = "big=" + "x".repeat(LIMIT - 4);

        HttpReply reply = post("/app/stream", token, atLimit);
        assertEquals(200, reply.status());
        assertEquals(atLimit.length(), reply.body().length());
    }

    @Test
    void withTheCheck_theAdminApiStillMintsFromAFormBody() {
        start(app().param(CHECK, "true"));
        String root = token("*");

        HttpReply minted = http.send("POST", WebXml.ADMIN_PATH + "/", FORM,
                "scope=kafka%3Aendpoint%3Aread&scope=kafka%3Aendpoint%3Awrite&name=form+minted",
                "Authorization", "Bearer " + root);
        assertEquals(201, minted.status(), minted.body());
        issued(minted);
        assertEquals("form minted", Json.field(minted.body(), "name"));
    }

    @Test
    void withTheCheck_aBodyAnEarlierFilterAlreadyParsed_isStillCheckedAndItsParametersStillReachTheApplication() {
        start(app().param(CHECK, "true").filterBefore("method-override", ParameterReadingFilter.class));
        String token = token("kafka:endpoint:read");

        HttpReply reply = post("/app/parameters?topic=first", token, BODY);
        assertEquals(200, reply.status());
        assertEquals("{\"empty\":\"\",\"flag\":\"\",\"note\":\"café au lait\",\"topic\":\"first|orders|returns\"}",
                reply.body());
        HttpReply twoTokens = post("/app/parameters", token, "_method=PUT&access_token=other");
        assertEquals(400, twoTokens.status());
        assertEquals("invalid_request", Json.field(twoTokens.body(), "error"));
    }

    /** The body without a declared length, so that it is sent chunked. */
    private static Flow.Publisher<java.nio.ByteBuffer> unsized(String body) {
        HttpRequest.BodyPublisher sized = HttpRequest.BodyPublishers.ofByteArray(body.getBytes(StandardCharsets.UTF_8));
        return sized::subscribe;
    }
}
