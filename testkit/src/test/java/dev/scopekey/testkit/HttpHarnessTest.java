package dev.scopekey.testkit;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** The HTTP harness deploys real applications on a real Jetty and talks to them over real HTTP. */
@Tag("http")
class HttpHarnessTest {
    static final String WEB_XML = String.join("\n",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\">",
            "  <filter><filter-name>gate</filter-name><filter-class>" + GateFilter.class.getName() + "</filter-class>",
            "    <init-param><param-name>from</param-name><param-value>web.xml</param-value></init-param>",
            "  </filter>",
            "  <filter-mapping><filter-name>gate</filter-name><url-pattern>/*</url-pattern></filter-mapping>",
            "  <servlet><servlet-name>echo</servlet-name><servlet-class>" + EchoServlet.class.getName()
                    + "</servlet-class>",
            "    <init-param><param-name>greeting</param-name><param-value>hi</param-value></init-param>",
            "  </servlet>",
            "  <servlet-mapping><servlet-name>echo</servlet-name><url-pattern>/echo/*</url-pattern></servlet-mapping>",
            "</web-app>");

    @TempDir
    Path dir;
    private HttpHarness http;

    @AfterEach
    void close() {
        if (http != null) {
            http.close();
        }
    }

    @Test
    void webXmlText_isDeployed_onTheLoopbackAddressAndAFreePort() {
        http = HttpHarness.webXml(WEB_XML).start();

        assertTrue(http.port() > 0);
        assertEquals(URI.create("http://127.0.0.1:" + http.port() + "/"), http.baseUri());
        HttpReply reply = http.get("/echo/x", null);
        assertEquals(200, reply.status());
        assertEquals("GET /echo/x greeting=hi authorizations=0 type=null body= attribute=null", reply.body());
        assertEquals("from", reply.header("x-init-params"));
    }

    @Test
    void webXmlFile_isDeployed() throws Exception {
        Path file = Files.writeString(dir.resolve("my-web.xml"), WEB_XML);
        http = HttpHarness.webXml(file).start();

        assertEquals(200, http.get("/echo/", null).status());
    }

    @Test
    void webAppDirectory_isDeployed_withItsStaticFiles() throws Exception {
        Files.createDirectories(dir.resolve("WEB-INF"));
        Files.writeString(dir.resolve("WEB-INF/web.xml"), WEB_XML);
        Files.writeString(dir.resolve("index.txt"), "static text");
        http = HttpHarness.webApp(dir).start();

        assertEquals("static text", http.get("/index.txt", null).body());
        assertEquals(200, http.get("/echo/a", null).status());
    }

    @Test
    void filterByClassName_classOrInstance_getsItsInitParams_besideItsServlets() {
        List<WebApplication> applications = List.of(HttpHarness.filter(GateFilter.class.getName()),
                HttpHarness.filter(GateFilter.class), HttpHarness.filter(new GateFilter()));
        for (WebApplication application : applications) {
            try (HttpHarness started = application.initParam("a", "1").initParam("b", "2")
                    .servlet("/echo/*", EchoServlet.class, Map.of("greeting", "hello"))
                    .servlet("/named/*", EchoServlet.class.getName(), Map.of())
                    .servlet("/instance/*", new EchoServlet()).start()) {
                HttpReply echo = started.get("/echo/1", null);
                assertEquals("a,b", echo.header("X-Init-Params"));
                assertTrue(echo.body().startsWith("GET /echo/1 greeting=hello "), echo.body());
                assertTrue(started.get("/named/1", null).body().startsWith("GET /named/1 greeting=null"));
                assertEquals(200, started.get("/instance/1", null).status());
                assertEquals(404, started.get("/nothing", null).status());
            }
        }
    }

    @Test
    void attributes_reachTheServletContext_beforeTheApplicationStarts() {
        Object value = new Object();
        http = HttpHarness.filter(GateFilter.class).servlet("/*", EchoServlet.class).attribute("test.attribute", value)
                .start();

        assertSame(value, http.attribute("test.attribute"));
        assertTrue(http.get("/x", null).body().endsWith("attribute=" + value));
    }

    @Test
    void contextPath_isPartOfTheBaseUri_andOfEveryPath() {
        http = HttpHarness.webXml(WEB_XML).contextPath("/shop").start();

        assertEquals(URI.create("http://127.0.0.1:" + http.port() + "/shop/"), http.baseUri());
        assertEquals("GET /shop/echo/x greeting=hi authorizations=0 type=null body= attribute=null",
                http.get("/echo/x", null).body());
        assertEquals(200, http.rawGet("/echo/x").status());
    }

    @Test
    void requestHelpers_sendTheBearerToken_andTheBody() {
        http = HttpHarness.webXml(WEB_XML).start();

        assertTrue(http.get("/echo/g", "t1").body().contains("authorizations=1"));
        assertTrue(http.delete("/echo/d", "t1").body().startsWith("DELETE /echo/d"));
        assertTrue(http.call("PUT", "/echo/p", "t1").body().startsWith("PUT /echo/p"));
        assertTrue(http.post("/echo/f", "t1", "text/plain", "é").body().endsWith("type=text/plain body=é attribute=null"));
        assertTrue(http.postJson("/echo/j", null, "{}").body().contains("authorizations=0 type=application/json body={}"));
        assertEquals("you sent Bearer t1", http.get("/echo/x?echo=authorization", "t1").body());
        HttpReply custom = http.send(HttpRequest.newBuilder(http.uri("/echo/c")).header("Authorization", "Basic x")
                .build());
        assertTrue(custom.body().contains("authorizations=1"));
        assertEquals(7, http.replies().size());
    }

    @Test
    void pathsAreSentAsWritten_notNormalised() {
        http = HttpHarness.webXml(WEB_XML).start();

        HttpReply colon = http.get("/echo/a:b", null);
        assertTrue(colon.body().startsWith("GET /echo/a:b "), colon.toString());
        HttpReply empty = http.get("/echo//c", null);
        if (Container.configured() == Container.JETTY) {
            assertEquals(400, empty.status(), "Jetty refuses an empty segment it sees as sent");
        } else {
            assertTrue(empty.body().startsWith("GET /echo//c "), "Tomcat hands the path on as sent: " + empty);
        }
    }

    @Test
    void rawRequests_carryWhatHttpClientWillNotSend() {
        http = HttpHarness.webXml(WEB_XML).start();

        HttpReply reply = http.rawGet("/echo/raw", "Authorization: Bearer a".getBytes(ISO_8859_1),
                "Authorization: Bearer b".getBytes(ISO_8859_1));

        assertEquals(200, reply.status());
        assertTrue(reply.body().contains("authorizations=2"), reply.body());
        assertEquals(1, http.replies().size());
    }

    @Test
    void tokenService_isPutInTheAttributeTheFilterReads() {
        try (ScopeKeyFixture fixture = ScopeKeyFixture.create()) {
            http = HttpHarness.webXml(WEB_XML).tokenService(fixture.service()).start();

            assertSame(fixture.service(), http.attribute(HttpHarness.TOKEN_SERVICE_ATTRIBUTE));
        }
    }

    @Test
    void anApplicationThatCannotStart_throws_withTheCause() {
        WebApplication failing = HttpHarness.filter(GateFilter.class).initParam("fail-start", "true");

        IllegalStateException failure = assertThrows(IllegalStateException.class, failing::start);

        assertTrue(causes(failure).contains("the gate was told not to start"), causes(failure));
        String badXml = WEB_XML.replace("<param-name>from</param-name>", "<param-name>fail-start</param-name>")
                .replace("web.xml</param-value>", "true</param-value>");
        assertTrue(causes(assertThrows(IllegalStateException.class, () -> HttpHarness.webXml(badXml).start()))
                .contains("the gate was told not to start"));
    }

    @Test
    void misuse_isRefusedClearly() {
        assertThrows(IllegalArgumentException.class, () -> HttpHarness.webXml("src/main/webapp/WEB-INF/web.xml"));
        assertThrows(IllegalArgumentException.class, () -> HttpHarness.webApp(dir));
        assertThrows(IllegalStateException.class, () -> HttpHarness.webXml(WEB_XML).initParam("a", "b"));
        assertThrows(IllegalStateException.class, () -> HttpHarness.webXml(WEB_XML).servlet("/", EchoServlet.class));
        assertThrows(IllegalArgumentException.class, () -> HttpHarness.webXml(WEB_XML).contextPath("shop/"));
    }

    @Test
    void afterClose_theServerIsGone() {
        HttpHarness started = HttpHarness.webXml(WEB_XML).start();
        URI echo = started.uri("/echo/x");
        started.close();

        assertThrows(UncheckedIOException.class, () -> started.send(HttpRequest.newBuilder(echo).build()));
    }

    @Test
    void watchedTokenInAReply_failsClose_namingOnlyItsPrefix() {
        try (ScopeKeyFixture fixture = ScopeKeyFixture.create()) {
            String token = fixture.mint("a").reveal();
            HttpHarness started = HttpHarness.webXml(WEB_XML).start().watch(token);
            started.get("/echo/x?echo=authorization", token);

            AssertionFailedError leak = assertThrows(AssertionFailedError.class, started::close);

            assertTrue(leak.getMessage().contains("prefix " + token.substring(0, 15)), leak.getMessage());
            assertFalse(leak.getMessage().contains(token.substring(15)), leak.getMessage());
        }
    }

    @Test
    void watchedTokenInAHeader_failsCloseToo() {
        HttpHarness started = HttpHarness.filter(GateFilter.class).initParam("legacy-secret-value", "x").start()
                .watch("legacy-secret-value");
        started.get("/", null);

        assertThrows(AssertionFailedError.class, started::close);
    }

    @Test
    void issuedToken_mayAppearInItsOriginOnly() {
        HttpHarness started = HttpHarness.webXml(WEB_XML).start();
        HttpReply origin = started.get("/echo/x?echo=authorization", "issued-secret-1");
        started.issuedIn("issued-secret-1", origin);
        started.get("/echo/y", "issued-secret-1");
        started.close();

        HttpHarness again = HttpHarness.webXml(WEB_XML).start();
        HttpReply first = again.get("/echo/x?echo=authorization", "issued-secret-2");
        again.issuedIn("issued-secret-2", first);
        again.get("/echo/x?echo=authorization", "issued-secret-2");
        assertThrows(AssertionFailedError.class, again::close);
    }

    @Test
    void reply_toString_redactsTheTokenItsRequestCarried() {
        http = HttpHarness.webXml(WEB_XML).start();

        HttpReply reply = http.get("/echo/x?echo=authorization", "plain-legacy-token");

        assertEquals("you sent Bearer plain-legacy-token", reply.body());
        assertFalse(reply.toString().contains("plain-legacy-token"), reply.toString());
        assertTrue(reply.toString().startsWith("status 200, headers {"), reply.toString());
    }

    @Test
    void replyOfAnotherClientsResponse_redactsTheTokenItsRequestCarried() throws Exception {
        http = HttpHarness.webXml(WEB_XML).start();
        HttpRequest request = HttpRequest.newBuilder(http.uri("/echo/x?echo=authorization"))
                .header("Authorization", "Bearer other-client-token").build();

        HttpReply reply = HttpReply.of(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()));

        assertEquals(200, reply.status());
        assertEquals("you sent Bearer other-client-token", reply.body());
        assertEquals("text/plain;charset=utf-8", reply.header("Content-Type").replace(" ", "").toLowerCase());
        assertFalse(reply.toString().contains("other-client-token"), reply.toString());
    }

    static String causes(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append(" | ");
        }
        return messages.toString();
    }
}
