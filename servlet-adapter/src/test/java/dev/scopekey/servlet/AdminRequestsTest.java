package dev.scopekey.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.domain.AddressList;
import dev.scopekey.domain.RequestRate;
import dev.scopekey.service.MintRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The admin API's bodies read without a container: each field of a mint, an update and a
 * rotation, as JSON and as a form, and every refusal with its status and message.
 */
class AdminRequestsTest {
    private static final String JSON = "application/json";
    private static final String FORM = TestRequest.FORM;
    private static final Reading MINT = AdminRequests::mint;
    private static final Reading UPDATE = AdminRequests::update;
    private static final Reading GRACE = AdminRequests::grace;

    @Test
    void mint_ofJson_readsEveryField_andJoinsScopesWithScope() throws Exception {
        MintRequest mint = AdminRequests.mint(json("{\"scopes\":[\"a:read\",\"b:read\"],\"scope\":[\"c:write\"],"
                + "\"name\":\"ci\",\"subject\":\"svc\",\"expiresIn\":\"7d\",\"allowedAddresses\":[\"10.0.0.0/8\"],"
                + "\"rateLimit\":\"5/minute\"}"));

        assertEquals(List.of("a:read", "b:read", "c:write"), mint.scopes());
        assertEquals("ci", mint.name());
        assertEquals("svc", mint.subject());
        assertEquals(Duration.ofDays(7), mint.expiresIn());
        assertEquals(AddressList.of(List.of("10.0.0.0/8")), mint.allowedAddresses());
        assertEquals(RequestRate.parse("5/minute"), mint.rateLimit());
    }

    @Test
    void mint_withoutOptionalFields_leavesThemNull_andNeverIsTheNeverLifetime() throws Exception {
        MintRequest bare = AdminRequests.mint(json("{\"scopes\":[\"a:read\"],\"rateLimit\":null}"));
        MintRequest never = AdminRequests.mint(json("{\"scopes\":[\"a:read\"],\"expiresIn\":\"never\"}"));

        assertNull(bare.name());
        assertNull(bare.subject());
        assertNull(bare.expiresIn());
        assertNull(bare.allowedAddresses());
        assertNull(bare.rateLimit());
        assertEquals(MintRequest.NEVER, never.expiresIn());
    }

    @Test
    void mint_ofAForm_readsRepeatedScopes_andCommaSeparatedAddresses() throws Exception {
        MintRequest mint = AdminRequests.mint(form(null, "scope", "a:read", "scope", "b:read", "scopes", "c:read",
                "name", "ci", "allowedAddresses", "10.0.0.1,192.0.2.0/24", "rateLimit", "2/second"));
        MintRequest repeated = AdminRequests.mint(form(null, "scope", "a:read",
                "allowedAddresses", "10.0.0.1", "allowedAddresses", "192.0.2.0/24"));

        assertEquals(List.of("c:read", "a:read", "b:read"), mint.scopes());
        assertEquals("ci", mint.name());
        assertEquals(AddressList.of(List.of("10.0.0.1", "192.0.2.0/24")), mint.allowedAddresses());
        assertEquals(RequestRate.parse("2/second"), mint.rateLimit());
        assertEquals(List.of("a:read"), repeated.scopes());
        assertEquals(AddressList.of(List.of("10.0.0.1", "192.0.2.0/24")), repeated.allowedAddresses());
    }

    @Test
    void form_readsTheBodyOnly_soAQueryParameterIsNeitherAFieldNorAnUnknownOne() throws Exception {
        MintRequest mint = AdminRequests.mint(form("debug=1&name=fromQuery", "name", "fromBody", "scope", "a:read"));

        assertEquals("fromBody", mint.name());
        assertEquals(List.of("a:read"), mint.scopes());
    }

    @Test
    void mint_refusesBadValues_namingTheFieldAndNotTheInput() {
        assertBad(MINT, json("{\"scopes\":[\"a:read\"],\"expiresIn\":\"soon-ish\"}"), 400, "expiresIn: ");
        assertBad(MINT, json("{\"scopes\":[\"a:read\"],\"rateLimit\":\"lots\"}"), 400, "rateLimit: ");
        assertBad(MINT, json("{\"scopes\":[\"a:read\"],\"allowedAddresses\":[\"10.0.0.1/8\"]}"), 400,
                "allowedAddresses: ");
        assertBad(MINT, form(null, "scope", "a:read", "allowedAddresses", "10.0.0.1,,"), 400, "allowedAddresses: ");
        assertBad(MINT, json("{\"scopes\":\"a:read\"}"), 400, "scopes must be an array of strings");
        assertBad(MINT, json("{\"scopes\":[\"a:read\",7]}"), 400, "scopes must hold strings only");
        assertBad(MINT, json("{\"scopes\":[\"a:read\"],\"name\":7}"), 400, "name must be a string");
        assertBad(MINT, form(null, "scope", "a:read", "name", "one", "name", "two"), 400, "name must be given once");
        assertBad(GRACE, json("{\"graceSeconds\":[30]}"), 400, "graceSeconds must be given once");
        assertBad(MINT, json("[\"a:read\"]"), 400, "the JSON body must be an object");
    }

    @Test
    void unknownFields_areRefused_showingOnlyAPlainShortName() {
        String known = "known: allowedAddresses, expiresIn, name, rateLimit, scope, scopes, subject";

        assertEquals("unknown field 'color'; " + known,
                message(json("{\"scopes\":[\"a:read\"],\"color\":\"red\"}")));
        assertEquals("unknown field 'color'; " + known, message(form(null, "scope", "a:read", "color", "red")));
        assertEquals("unknown field 'a"  + "b".repeat(39) + "'; known: x",
                AdminRequests.unknownField("a" + "b".repeat(39), Set.of("x")));
        assertEquals("unknown field a field; known: x", AdminRequests.unknownField("a" + "b".repeat(40), Set.of("x")));
        assertEquals("unknown field a field; known: x, y", AdminRequests.unknownField("<script>", Set.of("y", "x")));
        assertEquals("unknown field a field; known: x", AdminRequests.unknownField("", Set.of("x")));
    }

    @Test
    void update_setsEachFieldGiven_andNullClears() throws Exception {
        assertEquals("TokenUpdate[name=ci, allowedAddresses=10.0.0.1, rateLimit=3/hour, disabled=true]",
                AdminRequests.update(json("{\"name\":\"ci\",\"allowedAddresses\":[\"10.0.0.1\"],"
                        + "\"rateLimit\":\"3/hour\",\"disabled\":true}")).toString());
        assertEquals("TokenUpdate[name=null, allowedAddresses=null, rateLimit=null]",
                AdminRequests.update(json("{\"name\":null,\"allowedAddresses\":null,\"rateLimit\":null}")).toString());
        assertEquals("TokenUpdate[disabled=false]", AdminRequests.update(form(null, "disabled", "false")).toString());
        assertEquals("TokenUpdate[disabled=true]", AdminRequests.update(json("{\"disabled\":\"true\"}")).toString());
        assertTrue(AdminRequests.update(json("{}")).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"disabled\":\"yes\"}", "{\"disabled\":1}", "{\"disabled\":null}",
        "{\"disabled\":\"TRUE\"}"})
    void update_refusesADisabledFlagThatIsNotTrueOrFalse(String body) {
        assertBad(UPDATE, json(body), 400, "disabled is true or false");
    }

    @Test
    void grace_isZeroWithoutABody_orWithABlankOne() throws Exception {
        assertEquals(Duration.ZERO, AdminRequests.grace(request(null, 0, "", null)));
        assertEquals(Duration.ZERO, AdminRequests.grace(request(null, -1, "", null)));
        assertEquals(Duration.ZERO, AdminRequests.grace(json(" \n ")));
        assertEquals(Duration.ZERO, AdminRequests.grace(json("{}")));
        assertEquals(Duration.ZERO, AdminRequests.grace(json("{\"graceSeconds\":null}")));
        assertEquals(Duration.ZERO, AdminRequests.grace(form(null)));
    }

    @Test
    void grace_isAWholeNumberOfSeconds_fromZeroToAYear() throws Exception {
        assertEquals(Duration.ZERO, AdminRequests.grace(json("{\"graceSeconds\":0}")));
        assertEquals(Duration.ofSeconds(30), AdminRequests.grace(json("{\"graceSeconds\":30.000}")));
        assertEquals(Duration.ofSeconds(30), AdminRequests.grace(form(null, "graceSeconds", " 30 ")));
        assertEquals(Duration.ofSeconds(AdminRequests.MAX_GRACE_SECONDS),
                AdminRequests.grace(json("{\"graceSeconds\":" + AdminRequests.MAX_GRACE_SECONDS + "}")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "31536001", "30.5", "0.001", "\"soon\"", "true", "{}"})
    void grace_refusesAnythingElse(String value) {
        assertBad(GRACE, json("{\"graceSeconds\":" + value + "}"), 400, "graceSeconds is a whole number from 0 to ");
    }

    @Test
    void grace_ofABodyOfAnotherMediaType_isA415_evenWithoutALength_butAnEmptyOneIsNoGrace() throws Exception {
        assertBad(GRACE, request("text/plain", -1, "30", null), 415, "send application/json or");
        assertBad(GRACE, request("text/plain", 2, "30", null), 415, "send application/json or");
        assertBad(GRACE, request(null, 2, "30", null), 415, "send application/json or");
        assertEquals(Duration.ZERO, AdminRequests.grace(request("text/plain", 0, "", null)));
    }

    @Test
    void bodies_ofExactlySixteenKibibytes_areRead_andOneByteMoreIsA413() throws Exception {
        String padded = padTo("{\"name\":\"ci\",\"scopes\":[\"a:read\"]}", AdminRequests.MAX_BODY_BYTES);

        assertEquals("ci", AdminRequests.mint(request(JSON, -1, padded, null)).name());
        assertEquals("ci", AdminRequests.mint(request(JSON, AdminRequests.MAX_BODY_BYTES, padded, null)).name());
        assertBad(MINT, request(JSON, -1, padded + " ", null), 413, "the body is larger than 16384 bytes");
        assertBad(MINT, request(JSON, -1, padded + " ".repeat(4000), null), 413, "the body is larger than 16384 bytes");
        assertBad(MINT, request(JSON, AdminRequests.MAX_BODY_BYTES + 1, padded + " ", null), 413,
                "the body is larger than 16384 bytes");
        assertBad(MINT, request(FORM, AdminRequests.MAX_BODY_BYTES + 1, "", null), 413,
                "the body is larger than 16384 bytes");
    }

    @Test
    void json_isUtf8_declaredOrNot_andAnyOtherCharsetIsA415() throws Exception {
        String body = "{\"name\":\"caf\u00e9\",\"scopes\":[\"a:read\"]}";
        for (String type : List.of(JSON, "application/json; charset=UTF-8", "Application/JSON;charset=\"utf-8\"",
                "application/json; charset=utf-8 ; q=1")) {
            assertEquals("caf\u00e9", AdminRequests.mint(request(type, -1, body, null)).name(), type);
        }
        assertBad(MINT, request("application/json; charset=ISO-8859-1", -1, body, null), 415,
                "JSON bodies are UTF-8");
        assertBad(MINT, request("application/json; charset=utf-16", -1, body, null), 415,
                "JSON bodies are UTF-8");
    }

    @Test
    void json_thatIsNotUtf8_isRefused() {
        HttpServletRequest latin1 = request(JSON, -1, null, new byte[] {'"', (byte) 0xe9, '"'});

        assertBad(MINT, latin1, 400, "the body is not valid UTF-8");
    }

    @Test
    void form_withACharsetTheJvmDoesNotKnow_isA415() throws Exception {
        assertEquals("ci", AdminRequests.mint(formOfType(FORM + "; charset=ISO-8859-1",
                null, "name", "ci", "scope", "a:read")).name());
        assertBad(MINT, formOfType(FORM + "; charset=x-no-such-charset", null, "scope", "a:read"), 415,
                "the form's charset is unknown");
        assertBad(MINT, formOfType(FORM + "; charset=\"@@\"", null, "scope", "a:read"), 415,
                "the form's charset is unknown");
    }

    @Test
    void aContentTypeTheContainerCannotRead_isA415() {
        HttpServletRequest unreadable = TestRequest.of("POST", null)
                .failing("getContentType", new IllegalArgumentException("unsupported charset")).proxy();

        assertBad(MINT, unreadable, 415, "send application/json or application/x-www-form-urlencoded");
    }

    @Test
    void aFormTheContainerCannotParse_isA400() {
        HttpServletRequest broken = TestRequest.of("POST", null).form(FORM, "scope", "a:read")
                .failing("getParameterMap", new IllegalStateException("bad escape")).proxy();

        assertBad(MINT, broken, 400, "the form body cannot be read");
    }

    @Test
    void parameter_isTheContainersValue_orA400WhenItCannotParseThem() throws Exception {
        HttpServletRequest broken = TestRequest.of("GET", null)
                .failing("getParameter", new IllegalStateException("bad escape")).proxy();
        HttpServletRequest fine = form("expiringWithin=7d", "expiringWithin", "7d");

        assertEquals("7d", AdminRequests.parameter(fine, "expiringWithin"));
        assertNull(AdminRequests.parameter(fine, "other"));
        BadRequestException refused = assertThrows(BadRequestException.class,
                () -> AdminRequests.parameter(broken, "expiringWithin"));
        assertEquals("the request's parameters cannot be read", refused.getMessage());
    }

    @Test
    void duration_namesTheParameterItRefuses() throws Exception {
        assertEquals(Duration.ofDays(7), AdminRequests.duration("expiringWithin", "7d"));
        BadRequestException refused = assertThrows(BadRequestException.class,
                () -> AdminRequests.duration("expiringWithin", "a week"));
        assertEquals(400, refused.status());
        assertTrue(refused.getMessage().startsWith("expiringWithin: "), refused.getMessage());
    }

    private static String padTo(String json, int bytes) {
        return json + " ".repeat(bytes - json.getBytes(StandardCharsets.UTF_8).length);
    }

    /** A reading of a body: mint, update or grace. */
    private interface Reading {
        Object read(HttpServletRequest request) throws Exception;
    }

    private static void assertBad(Reading reading, HttpServletRequest request, int status, String messageStart) {
        BadRequestException refused = assertThrows(BadRequestException.class, () -> reading.read(request));
        assertEquals(status, refused.status(), refused.getMessage());
        assertTrue(refused.getMessage().startsWith(messageStart), refused.getMessage());
        assertEquals(status == 400 ? "invalid_request" : status == 413 ? "request_too_large" : "unsupported_media_type",
                refused.code());
    }

    private static String message(HttpServletRequest request) {
        return assertThrows(BadRequestException.class, () -> AdminRequests.mint(request)).getMessage();
    }

    private static HttpServletRequest json(String body) {
        return TestRequest.of("POST", null).json(body).proxy();
    }

    /** A form POST whose body holds these name/value pairs, after a query string that may repeat some of them. */
    private static HttpServletRequest form(String query, String... pairs) {
        return formOfType(FORM, query, pairs);
    }

    private static HttpServletRequest formOfType(String contentType, String query, String... pairs) {
        return TestRequest.of("POST", null).query(query).form(contentType, pairs).proxy();
    }

    /** A body of this type and declared length (-1: none), as text or, when {@code bytes} is given, as those. */
    private static HttpServletRequest request(String contentType, long length, String text, byte[] bytes) {
        return TestRequest.of("POST", null)
                .body(contentType, length, bytes == null ? text.getBytes(StandardCharsets.UTF_8) : bytes).proxy();
    }
}
