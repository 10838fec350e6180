package dev.scopekey.testkit;

import jakarta.servlet.Filter;
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
import java.util.List;
import java.util.Objects;

/**
 * A real servlet container (Jetty 12 ee10, or Tomcat 10.1: see {@link Container}) on
 * {@code 127.0.0.1} and a free port, serving one application started from a web.xml or from a
 * filter and servlets, with a small HTTP client that sends bearer tokens. Close it after the test
 * (or let {@link HttpHarnessExtension} do it):
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

    private final Deployment deployment;
    private final URI base;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).build();
    private final ResponseLeakCheck leaks = new ResponseLeakCheck();

    HttpHarness(Deployment deployment, String contextPath) {
        this.deployment = deployment;
        this.base = URI.create("http://127.0.0.1:" + deployment.port() + (contextPath.equals("/") ? "" : contextPath)
                + "/");
    }

    /**
     * An application in a directory holding {@code WEB-INF/web.xml}, such as {@code src/main/webapp}.
     *
     * @param directory the application's directory
     * @return the application, to configure and start
     */
    public static WebApplication webApp(Path directory) {
        if (!Files.isRegularFile(directory.resolve("WEB-INF/web.xml"))) {
            throw new IllegalArgumentException(directory + " holds no WEB-INF/web.xml");
        }
        return new WebApplication(directory, null, null);
    }

    /**
     * An application described by this web.xml file alone.
     *
     * @param file the web.xml file
     * @return the application, to configure and start
     */
    public static WebApplication webXml(Path file) {
        try {
            return new WebApplication(null, Files.readString(file, StandardCharsets.UTF_8), null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the web.xml " + file, e);
        }
    }

    /**
     * An application described by this web.xml text (not a path: see {@link #webXml(Path)}).
     *
     * @param xml the web.xml content
     * @return the application, to configure and start
     */
    public static WebApplication webXml(String xml) {
        if (!xml.strip().startsWith("<")) {
            throw new IllegalArgumentException("webXml(String) takes the XML text; for a file use webXml(Path)");
        }
        return new WebApplication(null, xml, null);
    }

    /**
     * An application of one filter, by class name, mapped at {@code /*}, and the servlets added to it.
     *
     * @param className the filter's class name
     * @return the application, to configure and start
     */
    public static WebApplication filter(String className) {
        return new WebApplication(null, null, Objects.requireNonNull(className, "className"));
    }

    /**
     * An application of one filter class, mapped at {@code /*}, and the servlets added to it.
     *
     * @param type the filter's class
     * @return the application, to configure and start
     */
    public static WebApplication filter(Class<? extends Filter> type) {
        return new WebApplication(null, null, Objects.requireNonNull(type, "type"));
    }

    /**
     * An application of this filter instance, mapped at {@code /*}, and the servlets added to it.
     *
     * @param instance the filter
     * @return the application, to configure and start
     */
    public static WebApplication filter(Filter instance) {
        return new WebApplication(null, null, Objects.requireNonNull(instance, "instance"));
    }

    /**
     * The application's root, {@code http://127.0.0.1:<port>/} plus the context path, ending in {@code /}.
     *
     * @return the root URI
     */
    public URI baseUri() {
        return base;
    }

    /**
     * The URI of a path below the application's root ({@code "/reports?x=1"}), taken as written (not normalised).
     *
     * @param path the path, with a query if any
     * @return the URI
     */
    public URI uri(String path) {
        return URI.create(base + (path.startsWith("/") ? path.substring(1) : path));
    }

    /**
     * The port the container listens on, on {@code 127.0.0.1}.
     *
     * @return the port
     */
    public int port() {
        return deployment.port();
    }

    /**
     * The running application's servlet context.
     *
     * @return the servlet context
     */
    public ServletContext servletContext() {
        return deployment.servletContext();
    }

    /**
     * A servlet context attribute of the running application, or null.
     *
     * @param name the attribute's name
     * @return its value, or null
     */
    public Object attribute(String name) {
        return servletContext().getAttribute(name);
    }

    /**
     * {@code GET path}, with {@code Authorization: Bearer <token>} unless the token is null.
     *
     * @param path the path below the application's root
     * @param token the bearer token, or null
     * @return the reply
     */
    public HttpReply get(String path, String token) {
        return call("GET", path, token);
    }

    /**
     * {@code DELETE path}, with the bearer token unless it is null.
     *
     * @param path the path below the application's root
     * @param token the bearer token, or null
     * @return the reply
     */
    public HttpReply delete(String path, String token) {
        return call("DELETE", path, token);
    }

    /**
     * {@code POST path} with a body of this content type, with the bearer token unless it is null.
     *
     * @param path the path below the application's root
     * @param token the bearer token, or null
     * @param contentType the body's content type
     * @param body the body
     * @return the reply
     */
    public HttpReply post(String path, String token, String contentType, String body) {
        return send("POST", path, contentType, body, bearer(token));
    }

    /**
     * {@code POST path} with a JSON body, with the bearer token unless it is null.
     *
     * @param path the path below the application's root
     * @param token the bearer token, or null
     * @param json the JSON body
     * @return the reply
     */
    public HttpReply postJson(String path, String token, String json) {
        return post(path, token, "application/json", json);
    }

    /**
     * Any method without a body ({@code HEAD}, {@code PUT}, …), with the bearer token unless it is null.
     *
     * @param method the HTTP method
     * @param path the path below the application's root
     * @param token the bearer token, or null
     * @return the reply
     */
    public HttpReply call(String method, String path, String token) {
        return send(method, path, null, null, bearer(token));
    }

    /**
     * Any request: {@code contentType} and {@code body} may be null; {@code headers} alternate
     * names and values ({@code "Authorization", "Basic abc"}).
     *
     * @param method the HTTP method
     * @param path the path below the application's root
     * @param contentType the body's content type, or null
     * @param body the body, or null
     * @param headers header names and values, alternating
     * @return the reply
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

    /**
     * Sends a request built by the test (its URI may come from {@link #uri}).
     *
     * @param request the request
     * @return the reply
     */
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
     *
     * @param request the whole request, as bytes on the wire
     * @return the reply
     */
    public HttpReply raw(byte[] request) {
        try {
            RawHttp.Parsed answer = RawHttp.exchange(port(), request);
            return keep(new HttpReply(answer.status(), answer.headers(), answer.body(), null, leaks.watched()));
        } catch (IOException e) {
            throw new UncheckedIOException("the raw request failed", e);
        }
    }

    /**
     * A raw {@code GET} of {@code path} with these header lines (without line ends).
     *
     * @param path the path below the application's root
     * @param headerLines the header lines
     * @return the reply
     */
    public HttpReply rawGet(String path, byte[]... headerLines) {
        String root = base.getRawPath();
        return raw(RawHttp.get(root + (path.startsWith("/") ? path.substring(1) : path), headerLines));
    }

    /**
     * Every reply so far, oldest first.
     *
     * @return the replies, unmodifiable
     */
    public List<HttpReply> replies() {
        return leaks.replies();
    }

    /**
     * A secret no reply may carry, in its body or any header; also redacted from failure messages.
     *
     * @param secret the secret
     * @return this harness
     */
    public HttpHarness watch(String secret) {
        leaks.watch(secret);
        return this;
    }

    /**
     * A secret that {@code origin} (the mint or rotation answer that created it) carries, and no other reply.
     *
     * @param secret the secret
     * @param origin the reply that issued it
     * @return this harness
     */
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
}
