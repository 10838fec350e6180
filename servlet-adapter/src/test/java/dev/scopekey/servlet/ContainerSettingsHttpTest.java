package dev.scopekey.servlet;

import static dev.scopekey.testkit.HttpAuthAssert.assertAuthenticationRequired;
import static dev.scopekey.testkit.HttpAuthAssert.assertForbiddenWithoutChallenge;
import static dev.scopekey.testkit.HttpAuthAssert.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.service.TokenService;
import dev.scopekey.testkit.Container;
import dev.scopekey.testkit.HttpHarness;
import dev.scopekey.testkit.HttpReply;
import dev.scopekey.testkit.ScopeKeyExtension;
import dev.scopekey.testkit.SecretLeakGuard;
import dev.scopekey.testkit.TestToken;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the "Container settings" section of docs/servlet.md says, shown on a real Jetty and
 * Tomcat: an asynchronous servlet needs {@code async-supported} on the filter as well; the filter
 * runs on the dispatches its mapping names ({@code REQUEST} only by default), so on Jetty a
 * welcome file reached under its directory's path escapes a rule written for the file alone;
 * Jetty's default error page shows the exception's stack trace where an application error page
 * does not; and no error page replaces the filter's own answers.
 */
@Tag("http")
@ExtendWith({ScopeKeyExtension.class, SecretLeakGuard.class})
class ContainerSettingsHttpTest {
    private static final String ASYNC_SUPPORTED = "<async-supported>true</async-supported>";
    private static final String ALSO_FORWARD = "<dispatcher>REQUEST</dispatcher><dispatcher>FORWARD</dispatcher>";
    private static final String ALSO_INCLUDE = "<dispatcher>REQUEST</dispatcher><dispatcher>INCLUDE</dispatcher>";
    private static final String ERROR_PAGE = "<error-page><location>/error.txt</location></error-page>";

    @TempDir
    Path webapp;

    /**
     * The filter with one rule, for {@code /docs/index.html}; an async servlet at {@code /async};
     * a servlet at {@code /include} that includes {@code /docs/index.html}; that file as the
     * welcome file of {@code /docs/}; and {@code /error.txt}. The arguments go into the filter,
     * its mapping and the application.
     */
    private HttpHarness deploy(TokenService service, String inFilter, String inMapping, String inApp) throws Exception {
        Files.createDirectories(webapp.resolve("WEB-INF"));
        Files.createDirectories(webapp.resolve("docs"));
        Files.writeString(webapp.resolve("docs/index.html"), "the docs");
        Files.writeString(webapp.resolve("error.txt"), "something went wrong");
        Files.writeString(webapp.resolve("WEB-INF/web.xml"), String.join("\n",
                "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\">",
                "  <filter><filter-name>scopekey</filter-name>",
                "    <filter-class>" + ScopeKeyFilter.class.getName() + "</filter-class>" + inFilter,
                "    <init-param><param-name>rules</param-name>",
                "      <param-value>GET /docs/index.html docs:read</param-value></init-param>",
                "  </filter>",
                "  <filter-mapping><filter-name>scopekey</filter-name><url-pattern>/*</url-pattern>" + inMapping,
                "  </filter-mapping>",
                servlet("/async", AsyncCallerServlet.class, ASYNC_SUPPORTED),
                servlet("/include", IncludingServlet.class,
                        "<init-param><param-name>target</param-name><param-value>/docs/index.html</param-value></init-param>"),
                "  " + inApp,
                "</web-app>"));
        return HttpHarness.webApp(webapp).tokenService(service).start();
    }

    private static String servlet(String path, Class<?> type, String inServlet) {
        return "  <servlet><servlet-name>" + path + "</servlet-name><servlet-class>" + type.getName()
                + "</servlet-class>" + inServlet + "</servlet>\n  <servlet-mapping><servlet-name>" + path
                + "</servlet-name><url-pattern>" + path + "</url-pattern></servlet-mapping>";
    }

    @Test
    void asyncServlet_behindAFilterWithoutAsyncSupported_fails500(
            TokenService service, @TestToken(scopes = "any:read") String token) throws Exception {
        try (HttpHarness http = deploy(service, "", "", "")) {
            assertStatus(http.get("/async", token), 500);
        }
    }

    @Test
    void asyncServlet_behindAFilterWithAsyncSupported_answersAsTheCaller(
            TokenService service, @TestToken(scopes = "any:read", subject = "alice") String token) throws Exception {
        try (HttpHarness http = deploy(service, ASYNC_SUPPORTED, "", "")) {
            assertEquals("async answer for alice", assertStatus(http.get("/async", token), 200).body());
        }
    }

    /**
     * Jetty serves a welcome file by a forward, which a {@code REQUEST}-only mapping does not
     * check; Tomcat's mapper resolves the welcome file before the filter chain runs, so the
     * filter sees the file's own path and its rule holds.
     */
    @Test
    void welcomeFile_underItsDirectory_escapesTheFilesRuleOnJettyOnly_whenTheMappingIsRequestOnly(
            TokenService service, @TestToken(scopes = "other:read") String token) throws Exception {
        try (HttpHarness http = deploy(service, "", "", "")) {
            assertForbiddenWithoutChallenge(http.get("/docs/index.html", token));
            HttpReply underTheDirectory = http.get("/docs/", token);
            if (Container.configured() == Container.TOMCAT) {
                assertForbiddenWithoutChallenge(underTheDirectory);
            } else {
                assertEquals("the docs", assertStatus(underTheDirectory, 200).body());
            }
        }
    }

    @Test
    void welcomeFile_underItsDirectory_isGuardedByTheFilesRule_whenTheMappingAlsoNamesForward(
            TokenService service, @TestToken(scopes = "other:read") String token) throws Exception {
        try (HttpHarness http = deploy(service, "", ALSO_FORWARD, "")) {
            assertForbiddenWithoutChallenge(http.get("/docs/", token));
        }
    }

    /** During an include the request still reports the including path, so the filter checks that route again. */
    @Test
    void includedResource_escapesItsRule_evenWhenTheMappingNamesInclude(
            TokenService service, @TestToken(scopes = "other:read") String token) throws Exception {
        try (HttpHarness http = deploy(service, "", ALSO_INCLUDE, "")) {
            assertForbiddenWithoutChallenge(http.get("/docs/index.html", token));
            assertEquals("the docs", assertStatus(http.get("/include", token), 200).body());
        }
    }

    /**
     * Jetty's default error page shows the stack trace. The harness's Tomcat has its
     * {@code ErrorReportValve} set as docs/servlet.md tells operators ({@code showReport=false},
     * {@code showServerInfo=false}): its default page gives the status and no exception, message,
     * stack trace or server name. An application error page shows its own text on both.
     */
    @Test
    void defaultErrorPage_showsTheStackTraceOnJettyOnly_anApplicationErrorPageNever(
            TokenService service, @TestToken(scopes = "any:read") String token) throws Exception {
        try (HttpHarness http = deploy(service, "", "", "")) {
            String page = assertStatus(http.get("/async", token), 500).body();
            if (Container.configured() == Container.TOMCAT) {
                assertTrue(page.contains("500"), page);
                for (String internal : new String[] {"Exception", "Async", "at org.", "at java.", "Tomcat"}) {
                    assertFalse(page.contains(internal), () -> "Tomcat's error page shows " + internal + ": " + page);
                }
            } else {
                assertTrue(page.contains("at org.eclipse.jetty."), "no stack trace on Jetty's default error page");
            }
        }
        try (HttpHarness http = deploy(service, "", "", ERROR_PAGE)) {
            assertEquals("something went wrong", assertStatus(http.get("/async", token), 500).body());
        }
    }

    @Test
    void applicationErrorPage_neverReplacesTheFiltersOwnAnswers(
            TokenService service, @TestToken(scopes = "other:read") String token) throws Exception {
        try (HttpHarness http = deploy(service, "", "", ERROR_PAGE)) {
            HttpReply anonymous = http.get("/async", null);
            assertAuthenticationRequired(anonymous);
            assertEquals("authentication_required", Json.field(anonymous.body(), "error"));
            HttpReply forbidden = assertForbiddenWithoutChallenge(http.get("/docs/index.html", token));
            assertEquals("insufficient_scope", Json.field(forbidden.body(), "error"));
        }
    }
}
