package dev.scopekey.testkit;

import dev.scopekey.service.TokenService;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A real servlet container (Jetty 12, ee10) on {@code 127.0.0.1} and a free port, serving one
 * application started from a web.xml or from a filter and servlets, with a small HTTP client
 * that sends bearer tokens. Close it after the test (or let {@link HttpHarnessExtension} do it):
 *
 * <pre>{@code
 * try (HttpHarness http = HttpHarness.webApp(Path.of("src/main/webapp")).tokenService(service).start()) {
 *     HttpAuthAssert.assertStatus(http.get("/reports", token), 200);
 *     HttpAuthAssert.assertInvalidToken(http.get("/reports", "not-a-token"));
 * }
 * }</pre>
 *
 * <p>Every reply is kept. Tokens given to {@link #watch} may appear in no reply at all, tokens
 * given to {@link #issuedIn} only in the one reply that issued them; {@link #close()} fails the
 * test otherwise, naming the token's prefix only. Request methods throw unchecked exceptions:
 * {@link UncheckedIOException} when the exchange fails. Thread-safe once started.
 */
public final class HttpHarness implements AutoCloseable {
    /** The servlet context attribute in which the scopekey filter finds a supplied {@code TokenService}. */
    public static final String TOKEN_SERVICE_ATTRIBUTE = "dev.scopekey.TokenService";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final JettyDeployment deployment;
    private final URI base;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).build();
    private final ResponseLeakCheck leaks = new ResponseLeakCheck();

    private HttpHarness(JettyDeployment deployment, String contextPath) {
        this.deployment = deployment;
        this.base = URI.create("http://127.0.0.1:" + deployment.port() + (contextPath.equals("/") ? "" : contextPath)
                + "/");
    }

    /** An application in a directory holding {@code WEB-INF/web.xml}, such as {@code src/main/webapp}. */
    public static Builder webApp(Path directory) {
        if (!Files.isRegularFile(directory.resolve("WEB-INF/web.xml"))) {
            throw new IllegalArgumentException(directory + " holds no WEB-INF/web.xml");
        }
        return new Builder(directory, null, null);
    }

    /** An application described by this web.xml file alone. */
    public static Builder webXml(Path file) {
        try {
            return new Builder(null, Files.readString(file, StandardCharsets.UTF_8), null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the web.xml " + file, e);
        }
    }

    /** An application described by this web.xml text (not a path: see {@link #webXml(Path)}). */
    public static Builder webXml(String xml) {
        if (!xml.strip().startsWith("<")) {
            throw new IllegalArgumentException("webXml(String) takes the XML text; for a file use webXml(Path)");
        }
        return new Builder(null, xml, null);
    }

    /** An application of one filter, by class name, mapped at {@code /*}, and the servlets added to it. */
    public static Builder filter(String className) {
        return new Builder(null, null, Objects.requireNonNull(className, "className"));
    }

    /** An application of one filter class, mapped at {@code /*}, and the servlets added to it. */
    public static Builder filter(Class<? extends Filter> type) {
        return new Builder(null, null, Objects.requireNonNull(type, "type"));
    }

    /** An application of this filter instance, mapped at {@code /*}, and the servlets added to it. */
    public static Builder filter(Filter instance) {
        return new Builder(null, null, Objects.requireNonNull(instance, "instance"));
    }

    /** The application's root, {@code http://127.0.0.1:<port>/} plus the context path, ending in {@code /}. */
    public URI baseUri() {
        return base;
    }

    /** The URI of a path below the application's root ({@code "/reports?x=1"}), taken as written (not normalised). */
    public URI uri(String path) {
        return URI.create(base + (path.startsWith("/") ? path.substring(1) : path));
    }

    public int port() {
        return deployment.port();
    }

    /** The running application's servlet context. */
    public ServletContext servletContext() {
        return deployment.servletContext();
    }

    /** A servlet context attribute of the running application, or null. */
    public Object attribute(String name) {
        return servletContext().getAttribute(name);
    }

    /** {@code GET path}, with {@code Authorization: Bearer <token>} unless the token is null. */
    public HttpReply get(String path, String token) {
        return call("GET", path, token);
    }

    /** {@code DELETE path}, with the bearer token unless it is null. */
    public HttpReply delete(String path, String token) {
        return call("DELETE", path, token);
    }

    /** {@code POST path} with a body of this content type, with the bearer token unless it is null. */
    public HttpReply post(String path, String token, String contentType, String body) {
        return send("POST", path, contentType, body, bearer(token));
    }

    /** {@code POST path} with a JSON body, with the bearer token unless it is null. */
    public HttpReply postJson(String path, String token, String json) {
        return post(path, token, "application/json", json);
    }

    /** Any method without a body ({@code HEAD}, {@code PUT}, …), with the bearer token unless it is null. */
    public HttpReply call(String method, String path, String token) {
        return send(method, path, null, null, bearer(token));
    }

    /**
     * Any request: {@code contentType} and {@code body} may be null; {@code headers} alternate
     * names and values ({@code "Authorization", "Basic abc"}).
     */
    public HttpReply send(String method, String path, String contentType, String body, String... headers) {
        if (headers.length % 2 != 0) {
            throw new IllegalArgumentException("headers alternate names and values");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    /** Sends a request built by the test (its URI may come from {@link #uri}). */
    public HttpReply send(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("the request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the answer", e);
        }
        String sent = request.headers().firstValue("Authorization").map(Redactor::credentialOf).orElse(null);
        return keep(new HttpReply(response.statusCode(), response.headers().map(), response.body(), sent,
                leaks.watched()));
    }

    /**
     * Sends raw bytes over a plain socket and reads the answer until the server closes: for
     * requests {@code java.net.http} will not send (two {@code Authorization} headers, control
     * or non-ASCII bytes, huge headers). Use {@code Connection: close}.
     */
    public HttpReply raw(byte[] request) {
        try {
            RawHttp.Parsed answer = RawHttp.exchange(port(), request);
            return keep(new HttpReply(answer.status(), answer.headers(), answer.body(), null, leaks.watched()));
        } catch (IOException e) {
            throw new UncheckedIOException("the raw request failed", e);
        }
    }

    /** A raw {@code GET} of {@code path} with these header lines (without line ends). */
    public HttpReply rawGet(String path, byte[]... headerLines) {
        String root = base.getRawPath();
        return raw(RawHttp.get(root + (path.startsWith("/") ? path.substring(1) : path), headerLines));
    }

    /** Every reply so far, oldest first. */
    public List<HttpReply> replies() {
        return leaks.replies();
    }

    /** A secret no reply may carry, in its body or any header; also redacted from failure messages. */
    public HttpHarness watch(String secret) {
        leaks.watch(secret);
        return this;
    }

    /** A secret that {@code origin} (the mint or rotation answer that created it) carries, and no other reply. */
    public HttpHarness issuedIn(String secret, HttpReply origin) {
        leaks.issuedIn(Objects.requireNonNull(secret, "secret"), Objects.requireNonNull(origin, "origin"));
        return this;
    }

    /**
     * Stops the container, then fails if a watched secret appeared in a reply that did not issue it.
     *
     * @throws org.opentest4j.AssertionFailedError on such a leak (naming the token's prefix only)
     * @throws IllegalStateException if the container does not stop
     */
    @Override
    public void close() {
        try {
            deployment.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the container did not stop", e);
        }
        leaks.verify();
    }

    @Override
    public String toString() {
        return "HttpHarness[" + base + "]";
    }

    private HttpReply keep(HttpReply reply) {
        leaks.saw(reply);
        return reply;
    }

    private static String[] bearer(String token) {
        return token == null ? new String[0] : new String[] {"Authorization", "Bearer " + token};
    }

    /**
     * What to deploy, and how. Reusable: each {@link #start()} starts a new container.
     * Not thread-safe.
     */
    public static final class Builder {
        final Path webAppDirectory;
        final String webXmlText;
        final Object filter;
        final Map<String, String> filterParams = new LinkedHashMap<>();
        String filterPattern = "/*";
        final List<ServletSpec> servlets = new ArrayList<>();
        final Map<String, Object> attributes = new LinkedHashMap<>();
        String contextPath = "/";
        boolean suppliedService;

        /** A servlet to add, by class name, class or instance, with its mapping and init-params. */
        record ServletSpec(String urlPattern, Object servlet, Map<String, String> initParams) {
        }

        private Builder(Path webAppDirectory, String webXmlText, Object filter) {
            this.webAppDirectory = webAppDirectory;
            this.webXmlText = webXmlText;
            this.filter = filter;
        }

        /** An init-param of the filter (filter applications only). */
        public Builder initParam(String name, String value) {
            requireFilter("initParam");
            filterParams.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Maps the filter at this URL pattern instead of {@code /*} (filter applications only). */
        public Builder filterPattern(String urlPattern) {
            requireFilter("filterPattern");
            filterPattern = Objects.requireNonNull(urlPattern, "urlPattern");
            return this;
        }

        /** Adds a servlet class at this URL pattern (filter applications only). */
        public Builder servlet(String urlPattern, Class<? extends Servlet> type) {
            return servlet(urlPattern, type, Map.of());
        }

        /** Adds a servlet class with init-params at this URL pattern (filter applications only). */
        public Builder servlet(String urlPattern, Class<? extends Servlet> type, Map<String, String> initParams) {
            return addServlet(urlPattern, Objects.requireNonNull(type, "type"), initParams);
        }

        /** Adds a servlet by class name, with init-params, at this URL pattern (filter applications only). */
        public Builder servlet(String urlPattern, String className, Map<String, String> initParams) {
            return addServlet(urlPattern, Objects.requireNonNull(className, "className"), initParams);
        }

        /** Adds a servlet instance at this URL pattern (filter applications only). */
        public Builder servlet(String urlPattern, Servlet instance) {
            return addServlet(urlPattern, Objects.requireNonNull(instance, "instance"), Map.of());
        }

        /** A servlet context attribute, set before any filter or servlet starts. */
        public Builder attribute(String name, Object value) {
            attributes.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Hands {@code service} to the scopekey filter through {@link #TOKEN_SERVICE_ATTRIBUTE}. For
         * a web.xml application, also leaves out the init-params the filter refuses beside a supplied
         * service ({@code store} and {@code admin-token-env} of {@code ScopeKeyFilter}, {@code mint-rate}
         * of {@code TokenAdminServlet}), so the application's own web.xml runs on the test's service.
         */
        public Builder tokenService(TokenService service) {
            suppliedService = filter == null;
            return attribute(TOKEN_SERVICE_ATTRIBUTE, service);
        }

        /** The context path, {@code /} (the default) or {@code /name}. */
        public Builder contextPath(String path) {
            if (!path.equals("/") && (!path.startsWith("/") || path.endsWith("/"))) {
                throw new IllegalArgumentException("a context path is / or /name, without a trailing slash");
            }
            contextPath = path;
            return this;
        }

        /**
         * Starts a new container with this application.
         *
         * @throws IllegalStateException if the application does not start; the causes say why
         */
        public HttpHarness start() {
            return new HttpHarness(JettyDeployment.start(this), contextPath);
        }

        private Builder addServlet(String urlPattern, Object servlet, Map<String, String> initParams) {
            requireFilter("servlet");
            servlets.add(new ServletSpec(Objects.requireNonNull(urlPattern, "urlPattern"), servlet,
                    Map.copyOf(initParams)));
            return this;
        }

        private void requireFilter(String method) {
            if (filter == null) {
                throw new IllegalStateException(method + " configures a filter application; a web.xml says it itself");
            }
        }
    }
}
