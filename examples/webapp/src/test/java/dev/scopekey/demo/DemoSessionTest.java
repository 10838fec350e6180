package dev.scopekey.demo;

import static dev.scopekey.testkit.HttpAuthAssert.assertInvalidToken;
import static dev.scopekey.testkit.HttpAuthAssert.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scopekey.testkit.KeepAliveConnection;
import dev.scopekey.testkit.TokenArbitraries;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo as a person runs it: a real child JVM started in an empty working directory, then
 * the session the README shows — mint a read-only token, read (200), write (403), revoke, read
 * again (401) — and a second start that keeps the token file and prints no token.
 */
class DemoSessionTest {
    private static final Pattern LISTENING = Pattern.compile("scopekey demo listening on (http://\\S+)");
    private static final Pattern TOKEN = Pattern.compile("\"token\":\"([^\"]+)\"");
    private static final Pattern PREFIX = Pattern.compile("\"prefix\":\"([^\"]+)\"");
    private static final Pattern EXPORT_ROOT = Pattern.compile("^export ROOT=(\\S+)$");
    private static final Pattern NEW_ROOT = Pattern.compile(
            "^export ROOT=\\$\\(java -jar \\S+/scopekey-core-[^/ ]+\\.jar (mint .*)\\)$");

    @TempDir
    Path workingDir;
    private final HttpClient client = HttpClient.newHttpClient();
    private final List<Process> started = new ArrayList<>();

    /** A running demo: its base URL and every line it printed on stdout until it listened. */
    private record Demo(Process process, String base, List<String> stdout) {
        /** The root token of a first start: the one {@code export ROOT=…} line that carries it. */
        String root() {
            List<String> tokens = stdout.stream().map(EXPORT_ROOT::matcher).filter(Matcher::matches)
                    .map(m -> m.group(1)).toList();
            assertEquals(1, tokens.size(), "export lines: " + stdout);
            assertEquals(1, stdout.stream().filter(l -> l.contains(tokens.get(0))).count(),
                    "the root token is printed more than once");
            return tokens.get(0);
        }
    }

    private Demo launch() throws Exception {
        Process process = DemoProcess.start(workingDir, workingDir.resolve("stderr.log"), "--port", "0");
        started.add(process);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException ended) {
                // the process went away
            }
        });
        reader.setDaemon(true);
        reader.start();
        List<String> stdout = new ArrayList<>();
        while (true) {
            String line = lines.poll(60, TimeUnit.SECONDS);
            assertNotNull(line, "the demo did not report that it listens; printed " + stdout);
            stdout.add(line);
            Matcher listening = LISTENING.matcher(line);
            if (listening.find()) {
                return new Demo(process, listening.group(1), stdout);
            }
        }
    }

    private HttpResponse<String> send(String method, String url, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertTrue(matcher.find(), text);
        return matcher.group(1);
    }

    @AfterEach
    void stopDemos() throws Exception {
        for (Process process : started) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void readmeSession_mintReadWriteRevokeRead() throws Exception {
        Demo demo = launch();
        String root = demo.root();
        String kafka = demo.base() + "/api/kafka/endpoint";
        String tokens = demo.base() + "/api/auth/tokens/";

        assertEquals(200, send("GET", demo.base() + "/health", null, null).statusCode());
        HttpResponse<String> minted = send("POST", tokens, root, "{\"scopes\":[\"kafka:endpoint:read\"]}");
        assertEquals(201, minted.statusCode(), minted.body());
        String read = group(TOKEN, minted.body());
        assertEquals(200, send("GET", kafka, read, null).statusCode());
        HttpResponse<String> write = send("POST", kafka, read, null);
        assertEquals(403, write.statusCode());
        assertTrue(write.headers().firstValue("WWW-Authenticate").isEmpty());
        assertEquals(204, send("DELETE", tokens + group(PREFIX, minted.body()), root, null).statusCode());
        HttpResponse<String> again = send("GET", kafka, read, null);
        assertEquals(401, again.statusCode());
        assertEquals("Bearer realm=\"scopekey-demo\", error=\"invalid_token\"",
                again.headers().firstValue("WWW-Authenticate").orElseThrow());

        String file = Files.readString(workingDir.resolve("scopekey-tokens"));
        assertFalse(file.contains(root), "the token file holds the root token's plaintext");
        assertFalse(file.contains(read), "the token file holds a minted token's plaintext");
        String stderr = Files.readString(workingDir.resolve("stderr.log"));
        assertFalse(stderr.contains(root) || stderr.contains(read), "a token reached the log");
    }

    @Test
    void workspaceRoute_bindsTheWorkspaceIntoTheScope() throws Exception {
        Demo demo = launch();
        String root = demo.root();
        String w1 = group(TOKEN, send("POST", demo.base() + "/api/auth/tokens/", root,
                "{\"scopes\":[\"workspaces:w1:*\"]}").body());

        assertEquals(200, send("GET", demo.base() + "/workspaces/w1/channels", w1, null).statusCode());
        assertEquals(403, send("GET", demo.base() + "/workspaces/w2/channels", w1, null).statusCode());
        assertEquals(403, send("GET", demo.base() + "/somewhere/else", w1, null).statusCode());
    }

    /** Issue #8, item 1: the launcher's Jetty must not hand a case variant of a token over as the token. */
    @Test
    void caseVariantsOfAToken_onOneConnection_areInvalidTokens_andTheTokenStillWorks() throws Exception {
        Demo demo = launch();
        String root = demo.root();
        String bearer = "Authorization: Bearer ";

        try (KeepAliveConnection connection = KeepAliveConnection.open(URI.create(demo.base()).getPort())) {
            assertStatus(connection.get("/api/kafka/endpoint", bearer + root), 200);
            for (String variant : TokenArbitraries.caseVariants(root)) {
                assertInvalidToken(connection.get("/api/kafka/endpoint", bearer + variant));
                assertStatus(connection.get("/api/kafka/endpoint", bearer + root), 200);
            }
        }
    }

    @Test
    void secondStart_keepsTheTokenFile_andPrintsNoToken() throws Exception {
        Demo first = launch();
        String root = first.root();
        first.process().destroy();
        assertTrue(first.process().waitFor(20, TimeUnit.SECONDS));

        Demo second = launch();

        assertNull(second.stdout().stream().filter(l -> l.contains(root)).findFirst().orElse(null));
        assertEquals(200, send("GET", second.base() + "/api/kafka/endpoint", root, null).statusCode());
    }

    @Test
    void secondStart_printsTheCliCommandForANewRootToken_andThatCommandWorks() throws Exception {
        launch().process().destroy();
        started.get(0).waitFor(20, TimeUnit.SECONDS);

        Demo second = launch();
        List<String> commands = second.stdout().stream().map(NEW_ROOT::matcher).filter(Matcher::matches)
                .map(m -> m.group(1)).toList();
        assertEquals(1, commands.size(), "printed " + second.stdout());

        Process cli = DemoProcess.java(workingDir, "dev.scopekey.cli.ScopeKeyCli",
                commands.get(0).split(" ")).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String newRoot = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(cli.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, cli.exitValue(), "the printed command failed: " + commands.get(0));
        // the running demo picks the edit of its token file up within its re-check interval
        int status = 0;
        for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20); status != 201 && System.nanoTime() < end;) {
            Thread.sleep(200);
            status = send("POST", second.base() + "/api/auth/tokens/", newRoot,
                    "{\"scopes\":[\"kafka:endpoint:read\"]}").statusCode();
        }
        assertEquals(201, status, "the new root token does not administer the running demo");
    }
}
