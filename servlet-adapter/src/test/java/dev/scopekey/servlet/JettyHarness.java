package dev.scopekey.servlet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A real Jetty 12 deploying a real web.xml from a directory, on 127.0.0.1 and a free port, with
 * an HTTP client and a raw-socket client for requests HttpClient refuses to send. Every response
 * goes through the {@link SecretWatch}.
 */
final class JettyHarness {
    private final Server server;
    private final WebAppContext webapp;
    private final int port;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    final SecretWatch watch;

    private JettyHarness(Server server, WebAppContext webapp, int port, SecretWatch watch) {
        this.server = server;
        this.webapp = webapp;
        this.port = port;
        this.watch = watch;
    }

    /** Deploys {@code webXml} from {@code directory}, with these context attributes set before start. */
    static JettyHarness start(Path directory, WebXml webXml, Map<String, Object> attributes) throws Exception {
        Path webInf = Files.createDirectories(directory.resolve("WEB-INF"));
        Files.writeString(webInf.resolve("web.xml"), webXml.render());
        SecretWatch watch = new SecretWatch();
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        WebAppContext webapp = new WebAppContext();
        webapp.setContextPath("/");
        webapp.setWar(directory.toString());
        webapp.setParentLoaderPriority(true);
        webapp.setThrowUnavailableOnStartupException(true);
        attributes.forEach(webapp::setAttribute);
        server.setHandler(webapp);
        try {
            server.start();
        } catch (Exception e) {
            watch.close();
            server.stop();
            throw e;
        }
        return new JettyHarness(server, webapp, connector.getLocalPort(), watch);
    }

    static JettyHarness start(Path directory, WebXml webXml) throws Exception {
        return start(directory, webXml, Map.of());
    }

    /** A servlet context attribute of the deployed application. */
    Object attribute(String name) {
        return webapp.getServletContext().getAttribute(name);
    }

    jakarta.servlet.ServletContext servletContext() {
        return webapp.getServletContext();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    int port() {
        return port;
    }

    /** Sends a request; {@code headers} alternate names and values. */
    Reply send(String method, String path, String contentType, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        Map<String, List<String>> names = new HashMap<>();
        response.headers().map().forEach((name, values) -> names.put(name.toLowerCase(Locale.ROOT), values));
        Reply reply = new Reply(response.statusCode(), names, response.body());
        watch.saw(reply);
        return reply;
    }

    Reply get(String path, String token) throws IOException, InterruptedException {
        return token == null ? send("GET", path, null, null) : send("GET", path, null, null, "Authorization",
                "Bearer " + token);
    }

    Reply call(String method, String path, String token) throws IOException, InterruptedException {
        return send(method, path, null, null, "Authorization", "Bearer " + token);
    }

    Reply json(String method, String path, String token, String json) throws IOException, InterruptedException {
        return send(method, path, "application/json", json, "Authorization", "Bearer " + token);
    }

    /** Mints over HTTP with {@code token}; the new token is watched and allowed only in this answer. */
    Reply mint(String token, String json) throws IOException, InterruptedException {
        Reply reply = json("POST", WebXml.ADMIN_PATH + "/", token, json);
        if (reply.status() == 201) {
            watch.minted(Json.field(reply.body(), "token"), reply);
        }
        return reply;
    }

    /**
     * Sends raw bytes over a plain socket (for requests HttpClient refuses: duplicate or huge
     * headers, NUL bytes, non-ASCII) and reads the answer until the server closes.
     */
    Reply raw(byte[] request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException closedEarly) {
                // the server may answer and close before it read everything
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            int n;
            try {
                while ((n = in.read(buffer)) > 0) {
                    answer.write(buffer, 0, n);
                }
            } catch (java.net.SocketException reset) {
                // a reset after the answer still leaves the answer
            }
            Reply reply = parse(answer.toString(StandardCharsets.ISO_8859_1));
            watch.saw(reply);
            return reply;
        }
    }

    /** A raw GET of {@code path} with the given header lines, closing the connection after. */
    Reply rawGet(String path, byte[]... headerLines) throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        for (byte[] line : headerLines) {
            request.writeBytes(line);
            request.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        request.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return raw(request.toByteArray());
    }

    private static Reply parse(String text) {
        int headerEnd = text.indexOf("\r\n\r\n");
        String head = headerEnd < 0 ? text : text.substring(0, headerEnd);
        String body = headerEnd < 0 ? "" : text.substring(headerEnd + 4);
        String[] lines = head.split("\r\n");
        if (lines.length == 0 || !lines[0].startsWith("HTTP/1.1 ")) {
            throw new AssertionError("no HTTP answer: " + head.length() + " bytes");
        }
        int status = Integer.parseInt(lines[0].substring(9, 12));
        Map<String, List<String>> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        k -> new ArrayList<>()).add(lines[i].substring(colon + 1).strip());
            }
        }
        return new Reply(status, headers, body);
    }

    /** Stops the server and fails if a secret leaked. */
    void stop() throws Exception {
        try {
            server.stop();
        } finally {
            watch.close();
        }
        watch.verify();
    }
}
