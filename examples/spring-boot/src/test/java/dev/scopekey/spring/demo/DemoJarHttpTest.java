package dev.scopekey.spring.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo in a child JVM, as {@code java -jar scopekey-spring-demo.jar} runs it (on the tests'
 * class path, with the H2 file in a working directory of its own), over real HTTP.
 */
class DemoJarHttpTest {
    private static final String ADMIN = "demo-admin-Vq3Lx8Rt2Mw7Kz5Pn9Hc4Yb";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static Process demo;
    private static Path log;
    private static int port;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "demo-run"));
        Path work = Files.createTempDirectory(dir, "run");
        log = work.resolve("demo.log");
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), DemoApplication.class.getName(),
                "--server.port=" + port));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("SCOPEKEY_ADMIN_TOKEN", ADMIN);
        demo = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!demo.isAlive()) {
                throw new AssertionError("the demo ended: " + Files.readString(log, StandardCharsets.UTF_8));
            }
            try {
                if (send("GET", "/actuator/health", null, null).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the demo did not start: " + Files.readString(log, StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stop() throws Exception {
        if (demo != null) {
            demo.destroy();
            if (!demo.waitFor(30, TimeUnit.SECONDS)) {
                demo.destroyForcibly();
            }
        }
    }

    private static HttpResponse<String> send(String method, String path, String token, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String mint(String scope) throws Exception {
        HttpResponse<String> minted = send("POST", "/api/auth/tokens", ADMIN, "{\"scopes\":[\"" + scope + "\"]}");
        assertEquals(201, minted.statusCode(), minted.body());
        Matcher token = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(minted.body());
        assertTrue(token.find());
        return token.group(1);
    }

    @Test
    void reader_reads200_andWrite403() throws Exception {
        String reader = mint("reports:read");
        HttpResponse<String> read = send("GET", "/api/reports", reader, null);
        assertEquals(200, read.statusCode());
        assertTrue(read.body().contains("q3-revenue"));
        assertEquals(403, send("POST", "/api/reports", reader, "{\"name\":\"q4\"}").statusCode());
    }

    @Test
    void writer_writes201() throws Exception {
        assertEquals(201, send("POST", "/api/reports", mint("reports:write"), "{\"name\":\"q4\"}").statusCode());
    }

    @Test
    void noToken_is401_andHealthIsUp() throws Exception {
        HttpResponse<String> answer = send("GET", "/api/reports", null, null);
        assertEquals(401, answer.statusCode());
        assertTrue(answer.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        HttpResponse<String> health = send("GET", "/actuator/health", null, null);
        assertTrue(health.body().contains("\"scopekey\""), health.body());
    }

    @Test
    void theLogHoldsNoSecret() throws Exception {
        String token = mint("reports:read");
        assertEquals(200, send("GET", "/api/reports", token, null).statusCode());
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertFalse(output.contains(token));
        assertFalse(output.contains(ADMIN));
    }
}
